import path from 'node:path'
import Database from 'better-sqlite3'
import type { BulkArticle } from './bulk'
import type { BulkInboxRow, BulkRowOutcome } from './bulk-inbox'

/**
 * SQLite's native bulk path: one better-sqlite3 connection on the same file with two statements
 * prepared once and reused. Drizzle over libsql builds a new statement per batch and its native memory
 * is only released by GC, so a million-article seed grew by ~1 GB per 100k rows; this stays flat.
 */
const connections = new Map<string, { db: Database.Database; insert: (rows: BulkArticle[], now: string) => void }>()

export function sqliteFile(uri: string): string {
  return path.resolve(uri.replace(/^file:(\/\/)?/, '').split('?')[0])
}

const MAIN_COLUMNS = {
  title: 'title',
  subtitle: 'subtitle',
  column: 'column_id',
  site: 'site_id',
  organization: 'organization_id',
  state: 'state',
  publishedAt: 'published_at',
  source: 'source',
  author: 'author',
  summary: 'summary',
  body: 'body',
  indexNumber: 'disclosure_index_number',
  publisher: 'disclosure_publisher',
  documentNumber: 'disclosure_document_number',
  topic: 'disclosure_topic',
  writtenAt: 'disclosure_written_at',
  validity: 'disclosure_validity',
  status: '_status',
} as const

function open(file: string) {
  const db = new Database(file, { timeout: 30_000 })
  const keys = Object.keys(MAIN_COLUMNS) as Array<keyof typeof MAIN_COLUMNS>
  const main = db.prepare(
    `INSERT INTO articles (${keys.map((k) => `"${MAIN_COLUMNS[k]}"`).join(', ')}, created_at, updated_at) VALUES (${keys.map((k) => `@${k}`).join(', ')}, @now, @now)`,
  )
  const version = db.prepare(
    `INSERT INTO _articles_v (parent_id, ${keys.map((k) => `"version_${MAIN_COLUMNS[k]}"`).join(', ')}, version_created_at, version_updated_at, created_at, updated_at, latest) VALUES (@parent, ${keys.map((k) => `@${k}`).join(', ')}, @now, @now, @now, @now, 1)`,
  )
  const insert = db.transaction((rows: BulkArticle[], now: string) => {
    for (const a of rows) {
      const values = {
        title: a.title,
        subtitle: a.subtitle ?? null,
        column: a.column,
        site: a.site,
        organization: a.organization,
        state: a.state,
        publishedAt: a.publishedAt,
        source: a.source ?? null,
        author: a.author ?? null,
        summary: a.summary ?? null,
        body: JSON.stringify(a.body),
        indexNumber: a.disclosure.indexNumber,
        publisher: a.disclosure.publisher ?? null,
        documentNumber: a.disclosure.documentNumber ?? null,
        topic: a.disclosure.topic ?? null,
        writtenAt: a.disclosure.writtenAt ?? null,
        validity: a.disclosure.validity ?? 'valid',
        status: a.state === 'published' ? 'published' : 'draft',
        now,
      }
      const { lastInsertRowid } = main.run(values)
      version.run({ ...values, parent: lastInsertRowid })
    }
  })
  return { db, insert }
}

export function insertArticlesSqlite(uri: string, rows: BulkArticle[], now: string): void {
  const file = sqliteFile(uri)
  let connection = connections.get(file)
  if (!connection) connections.set(file, (connection = open(file)))
  connection.insert(rows, now)
}

/** Fresh statistics after a bulk load: without them SQLite picked a full scan for column lists (2 s instead of 3 ms). */
export function analyzeSqlite(uri: string): void {
  const file = sqliteFile(uri)
  const connection = connections.get(file)
  const db = connection?.db ?? new Database(file, { timeout: 30_000 })
  try {
    db.exec('ANALYZE')
  } finally {
    if (!connection) db.close()
  }
}

export function closeBulkConnections(): void {
  for (const { db } of connections.values()) db.close()
  connections.clear()
}

/**
 * The public letter intake's batch insert (src/db/bulk-inbox.ts): one connection per file, one
 * statement prepared once, one transaction per batch — one commit (and fsync, `synchronous=FULL`
 * as Payload's connection) for the whole burst. A row that breaks a unique index is refused alone
 * (SQLite rolls back that statement only); any other error rolls the batch back and refuses all.
 * better-sqlite3 waits for the write lock synchronously: fine while Payload's own SQLite connection
 * runs without transactions (as configured, each statement commits at once); if Payload's SQLite
 * transactions were ever enabled, a transaction held across an await in this process would make
 * this wait block the event loop until the timeout (see openInbox).
 */
const inboxConnections = new Map<string, (rows: BulkInboxRow[]) => BulkRowOutcome[]>()

const INBOX_COLUMNS = {
  state: 'state',
  attempts: 'attempts',
  route: 'route',
  targetSite: 'target_site',
  targetOrganization: 'target_organization',
  receivedAt: 'received_at',
  deadline: 'deadline',
  submission: 'submission',
  queryCodeHash: 'query_code_hash',
  powNonce: 'pow_nonce',
  addressHash: 'address_hash',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const

function openInbox(file: string) {
  // 3 s, not 30: the wait blocks the event loop, and the one in-process holder of the write lock
  // across awaits (a mode switch's transaction, src/hosting) cannot finish meanwhile; a batch that
  // times out gets the page that keeps what the writers typed.
  const db = new Database(file, { timeout: 3_000, fileMustExist: true })
  db.pragma('synchronous = FULL')
  const keys = Object.keys(INBOX_COLUMNS) as Array<keyof typeof INBOX_COLUMNS>
  const insert = db.prepare(`INSERT INTO letter_inbox (${keys.map((k) => `"${INBOX_COLUMNS[k]}"`).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`)
  return db.transaction((rows: BulkInboxRow[]): BulkRowOutcome[] =>
    rows.map((row) => {
      try {
        insert.run({ ...row, submission: JSON.stringify(row.submission) })
        return { ok: true }
      } catch (error) {
        const code = (error as { code?: string }).code ?? ''
        // Only a constraint failure leaves the transaction open; anything else aborts the batch.
        if (!code.startsWith('SQLITE_CONSTRAINT') || !db.inTransaction) throw error
        const message = (error as Error).message
        return {
          ok: false,
          error: error as Error,
          conflict: /query_code_hash/.test(message) ? 'queryCodeHash' : /pow_nonce/.test(message) ? 'powNonce' : undefined,
        }
      }
    }),
  )
}

export function insertInboxRowsSqlite(uri: string, rows: BulkInboxRow[]): BulkRowOutcome[] {
  const file = sqliteFile(uri)
  try {
    let write = inboxConnections.get(file)
    // fileMustExist: a wrong or missing path is an error for every writer, never a new empty database.
    if (!write) inboxConnections.set(file, (write = openInbox(file)))
    return write(rows)
  } catch (error) {
    return rows.map(() => ({ ok: false, error: error as Error }))
  }
}
