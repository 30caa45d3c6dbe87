// Keeps the search index in step with Payload: builds a SearchDocument from a published
// article, syncs one article after a change, and reconciles the whole index with the database.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest, TaskConfig } from 'payload'
import { createSearchEngine } from './factory'
import type { DocumentType, SearchDocument, SearchEngine } from './types'

type Id = number | string

interface ArticleLike {
  id: Id
  title: string
  subtitle?: string | null
  summary?: string | null
  source?: string | null
  body?: unknown
  column?: Id | { id: Id } | null
  site?: Id | { id: Id } | null
  organization?: Id | { id: Id } | null
  publishedAt?: string | null
  state?: string | null
  _status?: string | null
  disclosure?: { indexNumber?: string | null; documentNumber?: string | null; publisher?: string | null } | null
}

interface ColumnInfo {
  name: string
  path: string
  category: string
}

interface Named {
  code: string
  name: string
}

/** Column, site and organization lookups, memoized for one sync or one reconcile run. */
export interface Lookups {
  column(id: Id): Promise<ColumnInfo | null>
  site(id: Id): Promise<Named | null>
  organization(id: Id): Promise<Named | null>
}

const idOf = (value: Id | { id: Id } | null | undefined): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/** Column categories // 栏目类别 that map to their own content type in search. */
const TYPE_BY_CATEGORY: Record<string, DocumentType> = { disclosure: 'disclosure', services: 'service-guide' }

/** Year in China's time zone, so an article published at 2025-01-01 07:00 (+08) counts for 2025. */
function chinaYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear()
}

export function searchDocumentId(id: Id): string {
  return `articles:${id}`
}

/** The search document for an article, or null when the public may not see it. */
export async function articleToSearchDocument(article: ArticleLike, lookups: Lookups, now = new Date()): Promise<SearchDocument | null> {
  // Loaded on first use: access (and the sites capability below) pull in Payload and the
  // rich-text renderer, which the engines, the benchmark and the query workers never need.
  const { isPubliclyVisible } = await import('../access')
  if (!isPubliclyVisible(article, now)) return null
  const columnId = idOf(article.column)
  const siteId = idOf(article.site)
  const organizationId = idOf(article.organization)
  if (columnId === null || siteId === null || organizationId === null) return null
  const [column, site, organization] = await Promise.all([lookups.column(columnId), lookups.site(siteId), lookups.organization(organizationId)])
  if (!column || !site || !organization) return null
  const publishedAt = new Date(article.publishedAt!).toISOString()
  const { lexicalToText } = await import('../sites')
  const body = [
    article.subtitle,
    article.summary,
    lexicalToText(article.body, Number.MAX_SAFE_INTEGER),
    article.disclosure?.documentNumber,
    article.disclosure?.indexNumber,
    article.disclosure?.publisher,
    article.source,
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n')
  return {
    id: searchDocumentId(article.id),
    type: TYPE_BY_CATEGORY[column.category] ?? 'article',
    site: site.code,
    siteName: site.name,
    organization: organization.code,
    organizationName: organization.name,
    column: column.name,
    title: article.title,
    body,
    url: `/s/${site.code}/${column.path}/${article.id}.html`,
    publishedAt,
    year: chinaYear(publishedAt),
  }
}

export function payloadLookups(payload: Payload, req?: PayloadRequest): Lookups {
  const memo = <T>(load: (id: Id) => Promise<T | null>) => {
    const cache = new Map<string, Promise<T | null>>()
    return (id: Id) => {
      const key = String(id)
      if (!cache.has(key)) cache.set(key, load(id).catch(() => null))
      return cache.get(key)!
    }
  }
  const read = async (collection: 'columns' | 'sites' | 'organizations', id: Id) =>
    (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
  return {
    column: memo(async (id) => {
      const doc = await read('columns', id)
      return { name: String(doc.name), path: String(doc.path ?? doc.slug), category: String(doc.category ?? 'other') }
    }),
    site: memo(async (id) => {
      const doc = await read('sites', id)
      return { code: String(doc.code), name: String(doc.name) }
    }),
    organization: memo(async (id) => {
      const doc = await read('organizations', id)
      return { code: String(doc.code), name: String(doc.name) }
    }),
  }
}

export interface ReconcileReport {
  indexed: number
  removed: number
  seconds: number
}

export interface SearchIndexer {
  /** Re-reads the article's public version; indexes it when visible, removes it otherwise. */
  syncArticle(id: Id, req?: PayloadRequest): Promise<'indexed' | 'removed'>
  removeArticle(id: Id): Promise<void>
  /** Makes the index equal the database: every public article indexed, nothing else left. */
  reconcile(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport>
}

export function createSearchIndexer(payload: Payload, engine: SearchEngine): SearchIndexer {
  async function syncArticle(id: Id, req?: PayloadRequest): Promise<'indexed' | 'removed'> {
    // The main document is the public version; a draft saved over a published article does not change it.
    const article = (await payload
      .findByID({ collection: 'articles', id, depth: 0, draft: false, overrideAccess: true, req })
      .catch(() => null)) as ArticleLike | null
    const doc = article ? await articleToSearchDocument(article, payloadLookups(payload, req)) : null
    if (doc) {
      await engine.upsert([doc])
      return 'indexed'
    }
    await engine.remove([searchDocumentId(id)])
    return 'removed'
  }

  async function reconcile(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport> {
    const started = performance.now()
    const { publicArticleWhere } = await import('../access')
    const lookups = payloadLookups(payload)
    const publicIds = new Set<string>()
    // Keyset pagination (id > last seen): OFFSET pages would rescan the table, quadratic at a million rows.
    const total = (await payload.count({ collection: 'articles', where: publicArticleWhere(), overrideAccess: true })).totalDocs
    let lastId: number | string | null = null
    let done = 0
    for (;;) {
      const where = lastId === null ? publicArticleWhere() : { and: [publicArticleWhere(), { id: { greater_than: lastId } }] }
      const result = await payload.find({ collection: 'articles', where, depth: 0, limit: 500, pagination: false, sort: 'id', overrideAccess: true })
      if (!result.docs.length) break
      lastId = result.docs[result.docs.length - 1].id
      const docs: SearchDocument[] = []
      for (const article of result.docs as unknown as ArticleLike[]) {
        const doc = await articleToSearchDocument(article, lookups)
        if (doc) docs.push(doc)
      }
      await engine.upsert(docs)
      for (const doc of docs) publicIds.add(doc.id)
      done += result.docs.length
      onProgress?.(Math.min(done, total), total)
    }
    const stale: string[] = []
    for await (const id of engine.allIds()) if (id.startsWith('articles:') && !publicIds.has(id)) stale.push(id)
    for (let i = 0; i < stale.length; i += 1000) await engine.remove(stale.slice(i, i + 1000))
    return { indexed: publicIds.size, removed: stale.length, seconds: Math.round((performance.now() - started) / 100) / 10 }
  }

  return { syncArticle, removeArticle: (id) => engine.remove([searchDocumentId(id)]), reconcile }
}

let sharedIndexer: { payload: Payload; indexer: SearchIndexer } | null = null

/** One indexer per process, writing through an engine chosen by the environment (no query workers). */
export function searchIndexerFor(payload: Payload): SearchIndexer {
  if (!sharedIndexer || sharedIndexer.payload !== payload) {
    sharedIndexer = { payload, indexer: createSearchIndexer(payload, createSearchEngine(process.env, { embedded: { workers: 0 } })) }
  }
  return sharedIndexer.indexer
}

/**
 * Hooks for the articles collection. A search engine that is down must not fail the editor's
 * save: the error is logged and the reconcile job catches up.
 */
export const searchAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  try {
    await searchIndexerFor(req.payload).syncArticle(doc.id, req)
  } catch (error) {
    req.payload.logger.error({ err: error, id: doc.id }, 'search: could not index article; the reconcile job will retry')
  }
  return doc
}

export const searchAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  try {
    await searchIndexerFor(req.payload).removeArticle(id)
  } catch (error) {
    req.payload.logger.error({ err: error, id }, 'search: could not remove article; the reconcile job will retry')
  }
}

/**
 * The reconcile job // 索引校对: register in payload.config.ts `jobs.tasks`. Repairs any drift,
 * e.g. writes missed while the engine was down, and articles whose scheduled time arrived.
 */
export const searchReconcileTask: TaskConfig<{ input: Record<string, never>; output: ReconcileReport }> = {
  slug: 'searchReconcile',
  label: '搜索索引校对 (search reconcile)',
  outputSchema: [
    { name: 'indexed', type: 'number' },
    { name: 'removed', type: 'number' },
    { name: 'seconds', type: 'number' },
  ],
  schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ req }) => ({ output: await searchIndexerFor(req.payload).reconcile() }),
}
