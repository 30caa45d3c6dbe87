import Database from 'better-sqlite3'
import type { Payload } from 'payload'
import { defaultDatabaseUri } from './adapter'
import { sqliteFile } from './bulk-sqlite'

/** One write of a page-view flush (src/sites/page-views.ts): set a known row's count, or add a row. */
export type PageViewWrite =
  | { id: number | string; count: number }
  | {
      insert: {
        day: string
        level: string
        site: number | string
        column: number | string | null
        article: number | string | null
        instance: string
        count: number
      }
    }

export type PageViewOutcome = { ok: true; id: number | string } | { ok: false; error: Error }

/**
 * A page-view flush as ONE bulk write on SQLite (the project's bulk-path exception to "data only
 * through the Local API", like the letter inbox): Payload's SQLite connection runs without
 * transactions, so the adapter path committed — and fsynced — every row alone, and the other
 * worker's flush then waited for the write lock inside SQLite's busy handler, which blocks the
 * event loop: 0.9–1.9 s stalls every few seconds under load, the public pages' p99 tail. Here a
 * flush is one transaction. Returns undefined where the adapter's own path is already one
 * transaction (PostgreSQL, MongoDB). A row that fails (its article deleted meanwhile: foreign key;
 * its row gone: nothing updated) fails alone. Tests read the counts back through the Local API.
 */
export function writePageViewCounts(payload: Payload, writes: PageViewWrite[], now: string): PageViewOutcome[] | undefined {
  const db = payload.db as unknown as { name: string; clientConfig?: { url?: string } }
  if (db.name !== 'sqlite') return undefined
  if (!writes.length) return []
  const file = sqliteFile(db.clientConfig?.url ?? defaultDatabaseUri())
  try {
    let write = connections.get(file)
    if (!write) connections.set(file, (write = open(file)))
    return write(writes, now)
  } catch (error) {
    return writes.map(() => ({ ok: false, error: error as Error }))
  }
}

const connections = new Map<string, (writes: PageViewWrite[], now: string) => PageViewOutcome[]>()

function open(file: string) {
  // 3 s: the wait for the write lock blocks the event loop (see bulk-sqlite.ts, openInbox).
  const db = new Database(file, { timeout: 3_000, fileMustExist: true })
  db.pragma('synchronous = FULL')
  const update = db.prepare('UPDATE page_views SET count = @count, updated_at = @now WHERE id = @id')
  const insert = db.prepare(
    'INSERT INTO page_views (day, level, site_id, column_id, article_id, instance, count, created_at, updated_at) VALUES (@day, @level, @site, @column, @article, @instance, @count, @now, @now)',
  )
  return db.transaction((writes: PageViewWrite[], now: string): PageViewOutcome[] =>
    writes.map((write): PageViewOutcome => {
      try {
        if ('insert' in write) return { ok: true, id: Number(insert.run({ ...write.insert, now }).lastInsertRowid) }
        if (update.run({ id: write.id, count: write.count, now }).changes === 0) return { ok: false, error: new Error(`page-views row ${write.id} not found`) }
        return { ok: true, id: write.id }
      } catch (error) {
        // Only a constraint failure leaves the transaction open; anything else aborts the flush.
        if (!String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT') || !db.inTransaction) throw error
        return { ok: false, error: error as Error }
      }
    }),
  )
}
