import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { ARTICLE_DELETED, PLACEMENTS, type Id } from './rules'

/**
 * Runs `work` in one database transaction on `req` (joining one already open). The SQLite adapter
 * as configured in src/db/adapter.ts has no transactions (no `transactionOptions`): there
 * beginTransaction is a no-op, so callers also check everything first and undo what they created
 * when a later write fails (see `undoCreated`).
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owns = await initTransaction(req)
  try {
    const result = await work()
    if (owns) await commitTransaction(req)
    return result
  } catch (error) {
    if (owns) await killTransaction(req)
    throw error
  }
}

/** Removes placements this request created before a later one failed (no transaction to roll back on SQLite). */
export async function undoCreated(req: PayloadRequest, ids: Id[]): Promise<void> {
  if (!ids.length) return
  req.context[ARTICLE_DELETED] = true // lets the delete guard pass: this is the system undoing its own write
  try {
    await req.payload.delete({ collection: PLACEMENTS, where: { id: { in: ids } }, req, overrideAccess: true, depth: 0 })
  } finally {
    delete req.context[ARTICLE_DELETED]
  }
}
