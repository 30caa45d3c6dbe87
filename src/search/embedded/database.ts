import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * Schema of the embedded index. `docs` holds what a hit displays; `fts` is a contentless
 * FTS5 table (tokens are made in JS, so stored text would be useless to FTS5) whose rowid
 * equals the document's rowid. Punctuation and symbols are token characters so that the
 * JS tokens pass through unchanged; only spaces separate them.
 */
function schema(prefixIndex: boolean): string {
  return `
CREATE TABLE IF NOT EXISTS docs (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  site TEXT NOT NULL,
  organization TEXT NOT NULL,
  year INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  url TEXT NOT NULL,
  site_name TEXT NOT NULL,
  organization_name TEXT NOT NULL,
  column_name TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
-- Narrow copy of the facet fields: counting facets over 10,000 matches reads a few pages
-- instead of 10,000 wide rows whose bodies spill onto overflow pages.
CREATE TABLE IF NOT EXISTS facets (
  rowid INTEGER PRIMARY KEY,
  -- The document's rowid in fts_site.
  site_rowid INTEGER NOT NULL UNIQUE,
  site TEXT NOT NULL,
  organization TEXT NOT NULL,
  type TEXT NOT NULL,
  year INTEGER NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, body, tags,
  content = '',
  contentless_delete = 1,
${prefixIndex ? "  prefix = '1',\n" : ''}  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);
-- Titles again, alone: a title-only query on the main table would decode the body positions of
-- every document holding the words; here the doclists are title-sized.
CREATE VIRTUAL TABLE IF NOT EXISTS fts_title USING fts5(
  title, tags,
  content = '',
  contentless_delete = 1,
${prefixIndex ? "  prefix = '1',\n" : ''}  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);
-- Every document again, in site-major rowid order (rowid.ts): one-site queries read only their
-- site's slice of each doclist. Doubles the text index; measured worth it at 1M documents.
CREATE VIRTUAL TABLE IF NOT EXISTS fts_site USING fts5(
  title, body, tags,
  content = '',
  contentless_delete = 1,
${prefixIndex ? "  prefix = '1',\n" : ''}  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);
-- Site codes to the numbers in fts_site rowids; a number is never reused.
CREATE TABLE IF NOT EXISTS site_numbers (site TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`
}

export interface OpenOptions {
  readonly?: boolean
  cacheSizeMiB: number
  /** A one-character prefix index makes one-character queries fast; fixed when the file is created. */
  prefixIndex?: boolean
}

export function openIndexDatabase(file: string, options: OpenOptions): Database.Database {
  if (file !== ':memory:' && !options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  db.pragma(`cache_size = -${options.cacheSizeMiB * 1024}`)
  db.pragma('temp_store = memory')
  if (!options.readonly) {
    // WAL lets worker threads read while the main thread writes; NORMAL sync is durable across
    // process crashes (an OS crash may lose the last commits, which the reconcile job repairs).
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    upgradeFormat(db, options.prefixIndex ?? true)
  }
  db.pragma('busy_timeout = 5000')
  return db
}

/** Bumped whenever the layout changes; an index of another format is emptied and rebuilt. */
const FORMAT = '2'
export const REBUILDING_KEY = 'rebuilding'
const TABLES = ['docs', 'facets', 'fts', 'fts_title', 'fts_site', 'site_numbers']

/**
 * An index written by an older version is dropped, not misread: it is recreated empty and marked
 * as rebuilding, so searches answer "temporarily unavailable" until the reconcile job (or
 * `npm run search:reindex`) has filled it from the database, which it does because it is empty.
 */
function upgradeFormat(db: Database.Database, prefixIndex: boolean): void {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined
  const format = hasMeta ? readMeta(db, 'format') : undefined
  const hasDocs = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'docs'").get() !== undefined
  const outdated = hasDocs && format !== FORMAT
  db.transaction(() => {
    if (outdated) for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`)
    db.exec(schema(prefixIndex))
    if (format === FORMAT) return
    writeMeta(db, 'format', FORMAT)
    if (outdated) writeMeta(db, REBUILDING_KEY, '1')
  })()
}

export function readMeta(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
