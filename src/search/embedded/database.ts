import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** Contentless FTS5 table; every text table shares the tokenizer settings. */
function ftsTable(name: string, columns: string, prefixIndex: boolean): string {
  return `CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING fts5(
  ${columns},
  content = '',
  contentless_delete = 1,
${prefixIndex ? "  prefix = '1',\n" : ''}  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);`
}

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
${ftsTable('fts', 'title, body, tags', prefixIndex)}
-- Titles again, alone: a title-only query on the main table would decode the body positions of
-- every document holding the words; here the doclists are title-sized.
${ftsTable('fts_title', 'title, tags', prefixIndex)}
-- Every document again, in site-major rowid order (rowid.ts): one-site queries read only their
-- site's slice of each doclist. Doubles the text index; measured worth it at 1M documents.
${ftsTable('fts_site', 'title, body, tags', prefixIndex)}
-- Titles again in site-major order, for the title tier of a one-site search: on fts_site it
-- decoded the body positions of every candidate (4–7 ms a phrase at 1M documents).
${ftsTable('fts_site_title', 'title, tags', prefixIndex)}
-- Every indexed word starting with a digit and every reversed-digits token (tokenizer.ts): a query's
-- digit edge becomes an OR of these exact tokens. FTS5 builds a prefix query's whole merged doclist
-- up front, 50–130 ms for a common number at 200,000 documents, where exact tokens are read lazily.
-- Never pruned: a term no document holds any more only adds an OR branch that matches nothing.
CREATE TABLE IF NOT EXISTS digit_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
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
  }
  db.pragma('busy_timeout = 5000')
  if (!options.readonly) upgradeFormat(db, options.prefixIndex ?? true)
  return db
}

/**
 * Bumped whenever the layout or the tokens change; see upgradeFormat for what happens to an older
 * index. 4: paragraph boundaries and reversed-digits tokens (tokenizer.ts), and bodies whose
 * inline formatting no longer splits words (lexicalToParagraphs), which only the database has.
 */
const FORMAT = '4'
export const REBUILDING_KEY = 'rebuilding'
/** The FTS5 tables of schema(); the writer clears and optimizes them together. */
export const TEXT_TABLES = ['fts', 'fts_title', 'fts_site', 'fts_site_title'] as const
const TABLES = ['docs', 'facets', ...TEXT_TABLES, 'site_numbers', 'digit_terms']

/**
 * An index written by an older version is dropped, not misread: it is recreated empty and marked
 * as rebuilding, so searches answer "temporarily unavailable" until the reconcile job (or
 * `npm run search:reindex`) has filled it from the database, which it does because it is empty.
 *
 * All in one write transaction that re-reads the format: processes opening the file together
 * (the server's cluster workers) wait for the first one's upgrade and then find it done.
 */
function upgradeFormat(db: Database.Database, prefixIndex: boolean): void {
  if (storedFormat(db) === FORMAT) return
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma(`busy_timeout = ${UPGRADE_WAIT_MS}`)
  try {
    db.transaction(() => {
      if (storedFormat(db) === FORMAT) return
      const hasDocs = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'docs'").get() !== undefined
      if (hasDocs) for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`)
      db.exec(schema(prefixIndex))
      if (hasDocs) writeMeta(db, REBUILDING_KEY, '1')
      writeMeta(db, 'format', FORMAT)
    }).immediate()
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`)
  }
}

/** Dropping a large index's tables takes a while; other processes opening it wait for that. */
const UPGRADE_WAIT_MS = 5 * 60_000

function storedFormat(db: Database.Database): string | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined
  return hasMeta ? readMeta(db, 'format') : undefined
}

export function readMeta(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
