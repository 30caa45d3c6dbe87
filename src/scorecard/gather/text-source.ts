import type { Payload, SelectType, Where } from 'payload'
import { publicArticleWhere } from '../../access'
import { localPrefix, parseLocalPath, RESERVED_PATHS, siteBase, sitePaths, sitesConfig } from '../../sites'
import type { IndicatorSet } from '../indicator-sets'
import { scanArticles, scanIndicators, type PrescannedArticle, type TextScanState } from '../scan'
import type { ArticleText, Id } from '../types'
import { articleTextPageViaSql, sqlTablesAvailable, type AggregateMode } from './column-aggregates'
import { hasCollection, idOf, readAll } from './read'
import { walkLexical } from './lexical-walk'
import { articleTextOf } from './article-text'
import { bodyPrefilterSources } from './body-prefilter'
import { fastArticlePages, sqliteFileUri } from './fast-scan'
import gatherConfig from './config.json' with { type: 'json' }
import type { GroupStructure } from './structure'

export { walkLexical }

/** Article and column URLs of the group, as the public sites serve them. */
export function articleUrl(structure: GroupStructure, siteId: string | null, columnId: string | null, articleId: Id): string | undefined {
  const site = siteId ? structure.sites.get(siteId) : undefined
  const column = columnId ? structure.columns.get(columnId) : undefined
  if (!site || !column?.path) return undefined
  const base = site.domains[0] ? siteBase(site) : `http://localhost${localPrefix(site.code)}`
  return `${base}${sitePaths.article(column.path, articleId)}`
}

/**
 * Whether an internal URL leads somewhere: a site's home, one of its columns, a published article
 * of it (ids checked in one query per page), or a route of the public sites (search, catalogue,
 * guides, letters …), which is not judged here.
 */
function createResolver(structure: GroupStructure, knownArticles: Set<string>) {
  const config = sitesConfig()
  const byHost = new Map<string, string>()
  const byCode = new Map<string, string>()
  const columnPaths = new Set<string>()
  for (const site of structure.sites.values()) {
    for (const domain of site.domains) byHost.set(domain, String(site.id))
    byCode.set(site.code, String(site.id))
  }
  for (const column of structure.columns.values()) if (column.site && column.path) columnPaths.add(`${column.site}|${column.path}`)
  const reserved = new Set([...RESERVED_PATHS.map((p) => p.replace(/^\//, '')), config.cataloguePath, config.guidesPath, 's', 'media'])
  const internalHosts = new Set([...byHost.keys(), ...config.localHosts])
  const locate = (url: URL): { site: string; path: string } | null => {
    const host = url.hostname.toLowerCase()
    const site = byHost.get(host)
    if (site) return { site, path: url.pathname }
    const onLocal = parseLocalPath(url.pathname)
    if (onLocal && byCode.has(onLocal.code)) return { site: byCode.get(onLocal.code)!, path: onLocal.rest || '/' }
    return null
  }
  const resolve = (url: URL): boolean => {
    const where = locate(url)
    if (!where) return true // another route of the server (admin, api …): not judged
    const path = decodeURIComponent(where.path).replace(/\/+$/, '')
    if (path === '' || path === '/index.html') return true
    const article = /^\/(.+)\/(\d+)\.html$/.exec(path)
    if (article) return columnPaths.has(`${where.site}|${article[1]}`) && knownArticles.has(article[2]!)
    const first = path.split('/')[1] ?? ''
    if (reserved.has(first) || /\.[a-z0-9]{2,5}$/i.test(path)) return true
    return columnPaths.has(`${where.site}|${path.slice(1)}`)
  }
  return { resolve, internalHosts, locate }
}

export interface TextScanRunOptions {
  asOf: Date
  /** Start over (first run, set changed, or the periodic full pass). */
  full: boolean
  /** Incremental: articles updated after this moment. */
  since?: string | null
  pageSize: number
  /** `local-api` forces the Local API; otherwise SQL tables are read directly where the adapter has them. */
  mode?: AggregateMode
  /**
   * `fast` (default where Payload runs on an SQLite file): bulk reads by id range in worker threads
   * with the raw-body prefilter (fast-scan.ts); `pages`: the page-by-page path, kept as the baseline.
   */
  textScan?: 'fast' | 'pages'
  /** Worker threads and ids per chunk for the fast path (gather config). */
  workers?: number
  chunkIds?: number
  onProgress?: (scanned: number) => void | Promise<void>
}

/**
 * Runs the incremental text scan over the database: published articles changed since the last
 * scan (all of them on a full scan), a page at a time; the state keeps only findings.
 */
export async function scanDatabaseArticles(
  payload: Payload,
  set: IndicatorSet,
  structure: GroupStructure,
  previous: TextScanState | null,
  options: TextScanRunOptions,
): Promise<TextScanState> {
  const visible = publicArticleWhere(options.asOf)
  const where: Where = options.full || !options.since ? visible : { and: [visible, { updatedAt: { greater_than: options.since } }] }
  let state: TextScanState | null = options.full ? null : previous
  let scanned = 0
  const mediaAlt = hasCollection(payload, 'media')
  const emptyResolver = createResolver(structure, new Set())
  const since = options.full || !options.since ? null : options.since
  const sqliteUri =
    options.mode !== 'local-api' && options.textScan !== 'pages' && sqlTablesAvailable(payload, 'articles', 'articles_workflow') ? sqliteFileUri(payload) : null
  const pages: AsyncIterable<{ rows: any[]; clean: Id[] }> = sqliteUri
    ? fastPages(sqliteUri, set, options.asOf.toISOString(), since, options)
    : withoutClean(
        options.mode !== 'local-api' && sqlTablesAvailable(payload, 'articles', 'articles_workflow')
          ? sqlPages(payload, options.pageSize, options.asOf.toISOString(), since)
          : readAll<any>(
              payload,
              'articles',
              where,
              {
                title: true,
                body: true,
                publishedAt: true,
                createdAt: true,
                column: true,
                site: true,
                organization: true,
                workflow: { action: true },
              },
              options.pageSize,
            ),
      )
  for await (const { rows: page, clean } of pages) {
    // Fast-path rows come walked (or null: the prefilter showed the body cannot matter), or already
    // checked by a worker (prescanned); `clean` ids were checked there and found nothing.
    const docs = page.filter((doc) => !doc.prescanned)
    const walked = docs.map((doc) => ({
      doc,
      ...((doc.walked === undefined ? walkLexical(doc.body) : (doc.walked ?? { text: '', links: [], uploads: [] })) as ReturnType<typeof walkLexical>),
    }))
    // Ids of articles linked from this page, checked in one query; media alt texts likewise.
    const linkedIds = new Set<string>()
    for (const { doc, links } of walked) {
      if (!links.length) continue
      const base = articleUrl(structure, idOf(doc.site), idOf(doc.column), doc.id) ?? 'http://internal.invalid/'
      for (const { href } of links) {
        try {
          const url = new URL(href, base)
          const article = /\/(\d+)\.html$/.exec(url.pathname)
          if (article && emptyResolver.locate(url)) linkedIds.add(article[1]!)
        } catch {
          // malformed links are reported by the check itself
        }
      }
    }
    const known = await existingArticleIds(payload, [...linkedIds], visible)
    const alts = mediaAlt
      ? await mediaAlts(
          payload,
          walked.flatMap((w) => w.uploads.filter((u) => u.alt === undefined && u.media).map((u) => u.media!)),
        )
      : new Map()
    const texts = new Map<unknown, ArticleText>()
    for (const { doc, text, links, uploads } of walked) {
      const images = uploads.map((u) => ({ src: u.media ? `/media/${u.media}` : '', alt: u.alt !== undefined ? u.alt : (alts.get(u.media ?? '') ?? null) }))
      // Only links are resolved against the URL; a body the prefilter skipped has none.
      const url = doc.walked === null ? undefined : articleUrl(structure, idOf(doc.site), idOf(doc.column), doc.id)
      texts.set(doc, articleTextOf(doc, { text, links }, images, url))
    }
    const upserted = page.map((doc) => (doc.prescanned ? (doc as PrescannedArticle) : texts.get(doc)!))
    const resolver = known.size === 0 ? emptyResolver : createResolver(structure, known) // most pages link to no article
    state = scanArticles(
      set,
      state,
      { upserted, removed: clean },
      { asOf: options.asOf, full: state === null, resolveInternalUrl: resolver.resolve, internalHosts: resolver.internalHosts },
    )
    scanned += page.length + clean.length
    await options.onProgress?.(scanned)
  }
  if (state === null)
    state = scanArticles(set, null, { upserted: [] }, { asOf: options.asOf, full: true, resolveInternalUrl: () => true, internalHosts: new Set() })
  if (!options.full && previous) {
    // Findings of articles no longer public (withdrawn, deleted, unpublished) are dropped.
    const ids = [...state.findings.keys()]
    const still = await existingArticleIds(payload, ids, visible)
    const removed = ids.filter((id) => !still.has(id))
    if (removed.length)
      state = scanArticles(set, state, { upserted: [], removed }, { asOf: options.asOf, resolveInternalUrl: () => true, internalHosts: new Set() })
  }
  return { ...state, scannedAt: options.asOf.toISOString() }
}

async function* fastPages(uri: string, set: IndicatorSet, asOfIso: string, sinceIso: string | null, options: TextScanRunOptions) {
  const prefilter = bodyPrefilterSources(set)
  // With the prefilter on, every scan check is one the workers may run on a skipped body.
  const indicators = prefilter === null ? null : scanIndicators(set).map(({ code, check, params }) => ({ code, checkId: check.id, params }))
  const chunks = fastArticlePages(uri, {
    asOfIso,
    sinceIso,
    prefilter,
    indicators,
    workers: options.workers ?? gatherConfig.textScanWorkers,
    chunkIds: options.chunkIds ?? gatherConfig.textScanChunkIds,
  })
  for await (const chunk of chunks) if (chunk.rows.length || chunk.clean.length) yield chunk
}

async function* withoutClean(pages: AsyncIterable<any[]>) {
  for await (const rows of pages) yield { rows, clean: [] as Id[] }
}

async function* sqlPages(payload: Payload, pageSize: number, asOfIso: string, sinceIso: string | null) {
  let after: Id | null = null
  for (;;) {
    const page = await articleTextPageViaSql(payload, after, pageSize, asOfIso, sinceIso)
    if (page.length === 0) return
    yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]!.id
  }
}

async function existingArticleIds(payload: Payload, ids: string[], visible: Where): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [visible, { id: { in: chunk } }] },
      limit: chunk.length,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      // Only the id is wanted; the generated select type lists fields and has no `id` key.
      select: { id: true } as SelectType,
    })
    for (const doc of docs as Array<{ id: Id }>) found.add(String(doc.id))
  }
  return found
}

async function mediaAlts(payload: Payload, ids: string[]): Promise<Map<string, string | null>> {
  const alts = new Map<string, string | null>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500)
    const { docs } = await payload.find({
      collection: 'media',
      where: { id: { in: chunk } },
      limit: chunk.length,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { alt: true },
    })
    for (const doc of docs as Array<{ id: Id; alt?: string | null }>) alts.set(String(doc.id), doc.alt ?? null)
  }
  return alts
}
