import type { Payload } from 'payload'
import { databaseKind, defaultDatabaseUri } from './adapter'
import { analyzeSqlite, insertArticlesSqlite } from './bulk-sqlite'

// The public letter intake's batch insert (one transaction per burst of submissions).
export { insertInboxRows, type BulkInboxRow, type BulkRowOutcome } from './bulk-inbox'
// A page-view flush (src/sites/page-views.ts) as one transaction on SQLite.
export { writePageViewCounts, type PageViewOutcome, type PageViewWrite } from './bulk-page-views'

/** One article as the bulk path writes it: the same fields the collection stores, already derived. */
export type BulkArticle = {
  title: string
  subtitle?: string | null
  column: number | string
  site: number | string
  organization: number | string
  state: 'published' | 'draft'
  publishedAt: string
  source?: string | null
  author?: string | null
  summary?: string | null
  body: unknown
  disclosure: {
    indexNumber: string
    publisher?: string | null
    documentNumber?: string | null
    topic?: string | null
    writtenAt?: string | null
    validity?: string | null
  }
}

/**
 * The bulk path for seeding and imports: the Local API costs 16–37 ms per article (hooks, versions,
 * one transaction each), far from the 1,000 articles/s a million-article seed needs. This writes
 * the collection's rows and the matching latest version rows with each adapter's native batch insert
 * (SQLite: src/db/bulk-sqlite.ts), in one transaction per batch. Tests read the result back through the Local API.
 */
export async function insertArticles(payload: Payload, articles: BulkArticle[]): Promise<void> {
  if (!articles.length) return
  const now = new Date().toISOString()
  const kind = databaseKind()
  if (kind === 'mongodb') return insertMongo(payload, articles, now)
  if (kind === 'sqlite') return insertArticlesSqlite(process.env.DATABASE_URI || defaultDatabaseUri(), articles, now)
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
  const main = db.tables.articles
  const versions = db.tables._articles_v
  await db.drizzle.transaction(async (tx: any) => {
    const rows = articles.map((a) => ({
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
      body: a.body,
      disclosure_indexNumber: a.disclosure.indexNumber,
      disclosure_publisher: a.disclosure.publisher ?? null,
      disclosure_documentNumber: a.disclosure.documentNumber ?? null,
      disclosure_topic: a.disclosure.topic ?? null,
      disclosure_writtenAt: a.disclosure.writtenAt ?? null,
      disclosure_validity: a.disclosure.validity ?? 'valid',
      _status: a.state === 'published' ? 'published' : 'draft',
      createdAt: now,
      updatedAt: now,
    }))
    const ids: Array<{ id: number | string }> = await tx.insert(main).values(rows).returning({ id: main.id })
    await tx.insert(versions).values(
      rows.map((row, i) => {
        const version: Record<string, unknown> = { parent: ids[i].id, latest: true, createdAt: now, updatedAt: now }
        for (const [key, value] of Object.entries(row)) version[key === '_status' ? 'version__status' : `version_${key}`] = value
        return version
      }),
    )
  })
}

async function insertMongo(payload: Payload, articles: BulkArticle[], now: string) {
  const db = payload.db as unknown as { collections: Record<string, any>; versions: Record<string, any> }
  const docs = articles.map((a) => ({
    ...a,
    _status: a.state === 'published' ? 'published' : 'draft',
    createdAt: new Date(now),
    updatedAt: new Date(now),
    publishedAt: new Date(a.publishedAt),
  }))
  const inserted = await db.collections.articles.insertMany(docs, { ordered: true })
  await db.versions.articles.insertMany(
    inserted.map((doc: any) => ({
      parent: doc._id,
      version: { ...(doc.toObject?.() ?? doc), _id: undefined },
      latest: true,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    })),
    { ordered: true },
  )
}

/** After a bulk load: refresh the query planner's statistics so the new rows are read through indexes. */
export async function finishBulkLoad(payload: Payload): Promise<void> {
  const kind = databaseKind()
  if (kind === 'sqlite') return analyzeSqlite(process.env.DATABASE_URI || defaultDatabaseUri())
  if (kind === 'postgres') {
    const db = payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } }
    await db.pool.query('ANALYZE')
  }
}
