// Keeps the search index in step with Payload: syncs one document after a change and reconciles
// the whole index with the database, for the sources it is handed (src/search-sources.ts).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest, TaskConfig, Where } from 'payload'
import { SearchInputError } from './errors'
import { createSearchEngine } from './factory'
import { applySynonymSettings } from './synonym-settings'
import { idOf, searchSourcesOf, type Id, type Lookups, type SearchSource, type SiteInfo } from './sources'
import type { SearchDocument, SearchEngine } from './types'

export function payloadLookups(payload: Payload, req?: PayloadRequest): Lookups {
  const memo = <T>(load: (id: Id) => Promise<T | null>) => {
    const cache = new Map<string, Promise<T | null>>()
    return (id: Id) => {
      const key = String(id)
      if (!cache.has(key))
        cache.set(
          key,
          load(id).catch(() => null),
        )
      return cache.get(key)!
    }
  }
  const read = async (collection: 'columns' | 'sites' | 'organizations', id: Id) =>
    (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
  const siteInfo = (doc: Record<string, unknown>): SiteInfo => ({
    id: doc.id as Id,
    code: String(doc.code),
    name: String(doc.name),
    organization: idOf(doc.organization),
    active: (doc.status ?? 'active') === 'active',
  })
  const site = memo(async (id) => siteInfo(await read('sites', id)))
  let portal: Promise<SiteInfo | null> | null = null
  const servicePaths = new Map<string, Promise<string | null>>()
  const portalSite = () =>
    (portal ??= payload
      .findGlobal({ slug: 'group-settings', depth: 0, overrideAccess: true, req })
      .then((group) => idOf(group.portalSite))
      .then((id) => (id === null ? null : site(id)))
      .catch(() => null))
  return {
    column: memo(async (id) => {
      const doc = await read('columns', id)
      return { name: String(doc.name), path: String(doc.path ?? doc.slug), category: String(doc.category ?? 'other') }
    }),
    site,
    organization: memo(async (id) => {
      const doc = await read('organizations', id)
      return { code: String(doc.code), name: String(doc.name) }
    }),
    siteOfOrganization: memo(async (id) => {
      const { docs } = await payload.find({
        collection: 'sites',
        where: { and: [{ organization: { equals: id } }, { status: { equals: 'active' } }] },
        depth: 0,
        limit: 1,
        sort: 'id',
        overrideAccess: true,
        req,
      })
      if (docs[0]) return siteInfo(docs[0] as unknown as Record<string, unknown>)
      const host = idOf((await read('organizations', id)).hostSite)
      return (host === null ? null : await site(host)) ?? portalSite()
    }),
    servicesPath: async (siteId, organizationId) => {
      const first = (owner?: Id) =>
        payload
          .find({
            collection: 'columns',
            where: {
              and: [
                { site: { equals: siteId } },
                { category: { equals: 'services' } },
                ...(owner === undefined ? [] : [{ ownerOrganization: { equals: owner } }]),
              ],
            },
            depth: 0,
            limit: 1,
            sort: 'order',
            overrideAccess: true,
            req,
          })
          .then(({ docs }) => (docs[0] ? String((docs[0] as unknown as Record<string, unknown>).path) : null))
      const key = `${siteId}:${organizationId ?? ''}`
      if (!servicePaths.has(key))
        servicePaths.set(
          key,
          (organizationId === undefined ? Promise.resolve(null) : first(organizationId)).then((own) => own ?? first()),
        )
      return servicePaths.get(key)!
    },
  }
}

export function searchDocumentId(id: Id): string {
  return `articles:${id}`
}

export interface ReconcileReport {
  indexed: number
  removed: number
  seconds: number
  /** Documents indexed per collection. */
  bySource?: Record<string, number>
}

export interface SearchIndexer {
  /** Re-reads the document's public version; indexes it when visible, removes it otherwise. */
  syncDocument(collection: string, id: Id, req?: PayloadRequest): Promise<'indexed' | 'removed'>
  syncArticle(id: Id, req?: PayloadRequest): Promise<'indexed' | 'removed'>
  /** Re-syncs every public document of a site, e.g. after it was archived (all leave) or restored (all return). */
  syncSite(siteId: Id, req?: PayloadRequest): Promise<{ indexed: number; removed: number }>
  removeDocument(collection: string, id: Id): Promise<void>
  removeArticle(id: Id): Promise<void>
  /** Makes the index equal the database: every public document of every source indexed, nothing else left. */
  reconcile(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport>
}

/**
 * An indexer over the given sources; by default the ones Payload's config was handed
 * (searchSourcesPlugin). Sources whose collection Payload does not have are skipped.
 */
export function createSearchIndexer(payload: Payload, engine: SearchEngine, sources: readonly SearchSource[] = searchSourcesOf(payload)): SearchIndexer {
  const configured = sources.filter((source) => Boolean((payload.collections as Record<string, unknown>)[source.collection]))
  const sourceFor = (collection: string) => {
    const source = configured.find((candidate) => candidate.collection === collection)
    if (!source) throw new Error(`search: no search source for collection "${collection}"`)
    return source
  }

  async function syncDocument(collection: string, id: Id, req?: PayloadRequest): Promise<'indexed' | 'removed'> {
    const source = sourceFor(collection)
    // The main document is the public version; a draft saved over a published one does not change it.
    const found = (await payload
      .findByID({ collection: collection as 'articles', id, depth: 0, draft: false, overrideAccess: true, req })
      .catch(() => null)) as Record<string, unknown> | null
    const doc = found ? await source.toDocument(found, payloadLookups(payload, req)) : null
    if (doc) {
      await engine.upsert([doc])
      return 'indexed'
    }
    await engine.remove([`${collection}:${id}`])
    return 'removed'
  }

  /** One document the engine refuses (e.g. a malformed site code) must not stop the whole run. */
  async function upsertSkippingInvalid(docs: SearchDocument[]): Promise<string[]> {
    try {
      await engine.upsert(docs)
      return docs.map((doc) => doc.id)
    } catch (error) {
      if (!(error instanceof SearchInputError)) throw error
      const stored: string[] = []
      for (const doc of docs) {
        try {
          await engine.upsert([doc])
          stored.push(doc.id)
        } catch (single) {
          if (!(single instanceof SearchInputError)) throw single
          payload.logger.error({ err: single, id: doc.id }, 'search: document skipped')
        }
      }
      return stored
    }
  }

  /** Keyset pagination (id > last seen): OFFSET pages would rescan the table, quadratic at a million rows. */
  async function* pages(collection: string, filter: Where, req?: PayloadRequest): AsyncGenerator<Record<string, unknown>[]> {
    let lastId: Id | null = null
    for (;;) {
      const where: Where = lastId === null ? filter : { and: [filter, { id: { greater_than: lastId } }] }
      const result: { docs: { id: Id }[] } = await payload.find({
        collection: collection as 'articles',
        where,
        depth: 0,
        limit: 500,
        pagination: false,
        sort: 'id',
        overrideAccess: true,
        req,
      })
      if (!result.docs.length) return
      lastId = result.docs[result.docs.length - 1]!.id
      yield result.docs as unknown as Record<string, unknown>[]
    }
  }

  async function syncSite(siteId: Id, req?: PayloadRequest): Promise<{ indexed: number; removed: number }> {
    const site = (await payload.findByID({ collection: 'sites', id: siteId, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
    const lookups = payloadLookups(payload, req)
    let indexed = 0
    let removed = 0
    for (const source of configured) {
      const ofSite = source.siteWhere({ id: siteId, organization: idOf(site.organization) })
      if (!ofSite) continue
      for await (const page of pages(source.collection, { and: [await source.publicWhere(), ofSite] }, req)) {
        const docs: SearchDocument[] = []
        const gone: string[] = []
        for (const found of page) {
          const doc = await source.toDocument(found, lookups)
          if (doc) docs.push(doc)
          else gone.push(`${source.collection}:${found.id}`)
        }
        indexed += (await upsertSkippingInvalid(docs)).length
        await engine.remove(gone)
        removed += gone.length
      }
    }
    return { indexed, removed }
  }

  async function reconcile(onProgress?: (done: number, total: number) => void): Promise<ReconcileReport> {
    const started = performance.now()
    // Handed no source, every entry would look stale and be removed: a wiring mistake, not an empty group.
    if (!sources.length) throw new Error('search: no search sources; add searchSourcesPlugin(searchSources) to the Payload config (src/search-sources.ts)')
    const lookups = payloadLookups(payload)
    // An empty index is being built from nothing: searches say "temporarily unavailable" until done.
    const rebuilding = (await engine.count()) === 0
    if (rebuilding) await engine.markRebuilding?.(true)
    const publicIds = new Set<string>()
    const bySource: Record<string, number> = {}
    const stale: string[] = []
    try {
      await applySynonymSettings(payload, engine).catch((error) => payload.logger.error({ err: error }, 'search: could not apply the synonym settings'))
      const totals = await Promise.all(
        configured.map(
          async (source) =>
            (await payload.count({ collection: source.collection as 'articles', where: await source.publicWhere(), overrideAccess: true })).totalDocs,
        ),
      )
      const total = totals.reduce((sum, n) => sum + n, 0)
      let done = 0
      for (const source of configured) {
        const publicWhere = await source.publicWhere()
        bySource[source.collection] = 0
        for await (const page of pages(source.collection, publicWhere)) {
          const docs: SearchDocument[] = []
          for (const found of page) {
            const doc = await source.toDocument(found, lookups)
            if (doc) docs.push(doc)
          }
          for (const id of await upsertSkippingInvalid(docs)) publicIds.add(id)
          bySource[source.collection] = (bySource[source.collection] ?? 0) + docs.length
          done += page.length
          onProgress?.(Math.min(done, total), total)
        }
      }
      for await (const id of engine.allIds()) if (!publicIds.has(id)) stale.push(id)
      for (let i = 0; i < stale.length; i += 1000) await engine.remove(stale.slice(i, i + 1000))
    } finally {
      // Even after a failure a partial index serves better than none; the job runs again. Cleared
      // on every run, so a rebuild that was killed half-way does not leave search switched off.
      await engine.markRebuilding?.(false)
    }
    return { indexed: publicIds.size, removed: stale.length, seconds: Math.round((performance.now() - started) / 100) / 10, bySource }
  }

  return {
    syncDocument,
    syncArticle: (id, req) => syncDocument('articles', id, req),
    syncSite,
    removeDocument: (collection, id) => engine.remove([`${collection}:${id}`]),
    removeArticle: (id) => engine.remove([searchDocumentId(id)]),
    reconcile,
  }
}

let shared: { payload: Payload; engine: SearchEngine; indexer: SearchIndexer } | null = null

function sharedFor(payload: Payload) {
  if (!shared || shared.payload !== payload) {
    const engine = createSearchEngine(process.env, { embedded: { workers: 0 } })
    shared = { payload, engine, indexer: createSearchIndexer(payload, engine) }
  }
  return shared
}

/** One indexer per process, writing through an engine chosen by the environment (no query workers). */
export function searchIndexerFor(payload: Payload): SearchIndexer {
  return sharedFor(payload).indexer
}

/** The engine the hooks write through (settings changes go through it as well). */
export function searchIndexerEngine(payload: Payload): SearchEngine {
  return sharedFor(payload).engine
}

/**
 * Hooks for every searchable collection (articles, letters, service-guides): they work out the
 * collection from the hook's arguments. A search engine that is down must not fail the editor's
 * save: the error is logged and the reconcile job catches up.
 */
export const searchAfterChange: CollectionAfterChangeHook = async ({ doc, req, collection }) => {
  try {
    await searchIndexerFor(req.payload).syncDocument(collection.slug, doc.id, req)
  } catch (error) {
    req.payload.logger.error({ err: error, id: doc.id, collection: collection.slug }, 'search: could not index a document; the reconcile job will retry')
  }
  return doc
}

export const searchAfterDelete: CollectionAfterDeleteHook = async ({ id, req, collection }) => {
  try {
    await searchIndexerFor(req.payload).removeDocument(collection.slug, id)
  } catch (error) {
    req.payload.logger.error({ err: error, id, collection: collection.slug }, 'search: could not remove a document; the reconcile job will retry')
  }
}

/**
 * For the sites collection: an archived or offline site's documents leave the search (their URLs
 * redirect) and come back when it is active again. Other site changes leave the index alone.
 */
export const searchSiteAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'create' || previousDoc?.status === doc.status) return doc
  try {
    await searchIndexerFor(req.payload).syncSite(doc.id, req)
  } catch (error) {
    req.payload.logger.error({ err: error, site: doc.id }, 'search: could not re-sync a site; the reconcile job will retry')
  }
  return doc
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
  handler: async ({ req }) => {
    const { indexed, removed, seconds } = await searchIndexerFor(req.payload).reconcile()
    return { output: { indexed, removed, seconds } }
  },
}
