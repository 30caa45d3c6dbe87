import type { Payload } from 'payload'
import { defaultDatabaseUri } from './adapter'
import { insertInboxRowsSqlite } from './bulk-sqlite'

/**
 * One letter-inbox row (collections/letter-inbox) as the public letter intake writes it: validated,
 * cleaned and derived before it gets here (src/interaction/letter-intake.ts).
 */
export type BulkInboxRow = {
  state: 'pending'
  attempts: number
  route: 'site' | 'mailbox'
  targetSite: string
  targetOrganization: string | null
  receivedAt: string
  deadline: string
  submission: Record<string, unknown>
  queryCodeHash: string
  powNonce: string | null
  addressHash: string | null
  createdAt: string
  updatedAt: string
}

/** Per row: stored, or refused with the reason; `conflict` names the unique field a refused row collided on. */
export type BulkRowOutcome = { ok: true } | { ok: false; error: Error; conflict?: 'queryCodeHash' | 'powNonce' }

/**
 * A burst of public letters as ONE bulk write (the project's bulk-path exception to "data only
 * through the Local API"): each adapter's native batch insert, in one transaction per batch, so a
 * burst pays one commit (on SQLite one fsync, which otherwise blocks the event loop ≈ 2–3 ms per
 * letter) and none of the adapter's per-document query building (2 ms a row). A row that breaks a
 * unique index is refused alone and its neighbours are stored exactly once. Nothing resolves before
 * the rows it reports as stored are committed. Tests read the rows back through the Local API.
 */
export async function insertInboxRows(payload: Payload, rows: BulkInboxRow[]): Promise<BulkRowOutcome[]> {
  if (!rows.length) return []
  // The adapter in use, not DATABASE_URI: tests boot several Payloads in one process.
  const db = payload.db as unknown as { name: string; clientConfig?: { url?: string } }
  if (db.name === 'sqlite') return insertInboxRowsSqlite(db.clientConfig?.url ?? defaultDatabaseUri(), rows)
  if (db.name === 'postgres') return insertPostgres(payload, rows)
  if (db.name === 'mongoose') return insertMongo(payload, rows)
  throw new Error(`insertInboxRows: no bulk insert for the ${db.name} adapter`)
}

function conflictOf(error: unknown): 'queryCodeHash' | 'powNonce' | undefined {
  const e = error as { message?: string; constraint?: string; code?: number | string; keyPattern?: object; cause?: unknown }
  const text = `${e?.message ?? ''} ${e?.constraint ?? ''} ${JSON.stringify(e?.keyPattern ?? '')}`
  if (e?.cause && e.cause !== error) {
    const inner = conflictOf(e.cause)
    if (inner) return inner
  }
  const unique = e?.code === '23505' || e?.code === 11000 || /unique|duplicate key|E11000/i.test(text)
  if (!unique) return undefined
  if (/query_code_hash|queryCodeHash/.test(text)) return 'queryCodeHash'
  if (/pow_nonce|powNonce/.test(text)) return 'powNonce'
  return undefined
}

const refused = (error: unknown): BulkRowOutcome => ({
  ok: false,
  error: error instanceof Error ? error : new Error(String(error)),
  conflict: conflictOf(error),
})

/** PostgreSQL: one multi-row INSERT in a transaction; if it fails, each row alone, so one bad row fails alone. */
async function insertPostgres(payload: Payload, rows: BulkInboxRow[]): Promise<BulkRowOutcome[]> {
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
  const table = db.tables.letter_inbox
  try {
    await db.drizzle.transaction(async (tx: any) => {
      await tx.insert(table).values(rows)
    })
    return rows.map(() => ({ ok: true }))
  } catch {
    // The failed batch was rolled back as a whole: retrying row by row cannot store a row twice.
    const outcomes: BulkRowOutcome[] = []
    for (const row of rows) {
      try {
        await db.drizzle.insert(table).values(row)
        outcomes.push({ ok: true })
      } catch (error) {
        outcomes.push(refused(error))
      }
    }
    return outcomes
  }
}

/**
 * MongoDB: insertMany, unordered, so a duplicate is reported by its index and the other rows are
 * stored. throwOnValidationError: without it Mongoose silently drops a row that fails its schema
 * and reports success. Mongoose then lists, per original index, the stored document or the error.
 */
async function insertMongo(payload: Payload, rows: BulkInboxRow[]): Promise<BulkRowOutcome[]> {
  const model = (payload.db as unknown as { collections: Record<string, any> }).collections['letter-inbox']
  const docs = rows.map((row) => ({
    ...row,
    receivedAt: new Date(row.receivedAt),
    deadline: new Date(row.deadline),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  }))
  try {
    await model.insertMany(docs, { ordered: false, throwOnValidationError: true })
    return rows.map(() => ({ ok: true }))
  } catch (error) {
    const { results, writeErrors } = error as { results?: unknown[]; writeErrors?: Array<{ index: number; err?: unknown; errmsg?: string }> }
    if (Array.isArray(results) && results.length === rows.length) {
      const failedEntry = (entry: unknown) =>
        entry instanceof Error || (typeof entry === 'object' && entry !== null && 'index' in entry && ('errmsg' in entry || 'err' in entry || 'code' in entry))
      return results.map((entry) =>
        failedEntry(entry)
          ? refused(entry instanceof Error ? entry : Object.assign(new Error(String((entry as { errmsg?: string }).errmsg ?? 'insert failed')), entry))
          : { ok: true },
      )
    }
    // Without per-row results (connection lost, ordered failure) nothing can be claimed as stored.
    if (!Array.isArray(writeErrors)) return rows.map(() => refused(error))
    const failed = new Map(writeErrors.map((w) => [w.index, w.err ?? new Error(w.errmsg ?? 'insert failed')]))
    return rows.map((_, i) => (failed.has(i) ? refused(failed.get(i)) : { ok: true }))
  }
}
