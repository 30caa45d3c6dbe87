import type { Payload } from 'payload'

/**
 * Opens one database transaction for a whole switch. PostgreSQL and MongoDB adapters open one from
 * `payload.db.beginTransaction()`. The SQLite adapter is configured without `transactionOptions`,
 * so its beginTransaction returns null (every write commits at once, which the rest of the app
 * relies on for concurrency); for this one all-or-nothing operation we open a real one with the
 * drizzle implementation Payload's SQLite adapter itself uses when transactions are enabled. It
 * registers the session in `payload.db.sessions`, so every Local API call given the same `req`
 * runs inside it and `commitTransaction` / `rollbackTransaction` end it as usual.
 */
export async function beginSwitchTransaction(payload: Payload): Promise<string | number> {
  const id = await payload.db.beginTransaction()
  if (id !== null && id !== undefined) return id
  if ((payload.db as unknown as { name?: string }).name === 'sqlite') {
    const { beginTransaction } = await import('@payloadcms/drizzle')
    const opened = await (beginTransaction as unknown as (this: unknown) => Promise<string | number | null>).call(payload.db)
    if (opened !== null && opened !== undefined) return opened
  }
  throw new Error('这个数据库不支持事务，无法保证切换的完整性 / this database offers no transactions, so a switch cannot be all-or-nothing')
}
