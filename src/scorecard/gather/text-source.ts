import type { Payload, Where } from 'payload'
import { publicArticleWhere } from '../../access'
import { sitesConfig } from '../../sites'
import type { IndicatorSet } from '../indicator-sets'
import { scanArticles, type TextScanState } from '../scan'
import type { ArticleText, Id } from '../types'
import { articleTextPageViaSql, sqlTablesAvailable, type AggregateMode } from './column-aggregates'
import { hasCollection, idOf, readAll } from './read'
import type { GroupStructure } from './structure'

type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; fields?: { url?: string; alt?: string; linkType?: string }; url?: string; value?: unknown; relationTo?: string }

/** Text, links and images of a Lexical body: what the text checks read. */
export function walkLexical(body: unknown): { text: string; links: Array<{ href: string }>; uploads: Array<{ media: string | null; alt?: string | null }> } {
  const parts: string[] = []
  const links: Array<{ href: string }> = []
  const uploads: Array<{ media: string | null; alt?: string | null }> = []
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') parts.push(node.text)
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal') {
      const href = node.fields?.url ?? node.url
      if (typeof href === 'string' && href) links.push({ href })
    }
    if (node.type === 'upload' && (node.relationTo ?? 'media') === 'media') {
      const value = node.value as { alt?: string | null } | string | number | undefined
      uploads.push({ media: idOf(value), alt: typeof value === 'object' && value ? value.alt : node.fields?.alt })
    }
    node.children?.forEach(visit)
  }
  visit((body as { root?: LexicalNode } | null)?.root)
  return { text: parts.join(''), links, uploads }
}

/** Article and column URLs of the group, as the public sites serve them. */
export function articleUrl(structure: GroupStructure, siteId: string | null, columnId: string | null, articleId: Id): string | undefined {
  const site = siteId ? structure.sites.get(siteId) : undefined
  const column = columnId ? structure.columns.get(columnId) : undefined
  if (!site || !column?.path) return undefined
  const base = site.domains[0] ? `https://${site.domains[0]}` : `http://localhost/s/${site.code}`
  return `${base}/${column.path}/${articleId}.html`
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
  const reserved = new Set([...config.reservedPaths.map((p) => p.replace(/^\//, '')), config.cataloguePath, config.guidesPath, 's', 'media'])
  const internalHosts = new Set([...byHost.keys(), ...config.localHosts])
  const locate = (url: URL): { site: string; path: string } | null => {
    const host = url.hostname.toLowerCase()
    const site = byHost.get(host)
    if (site) return { site, path: url.pathname }
    const match = /^\/s\/([a-z0-9-]+)(\/.*)?$/.exec(url.pathname)
    if (match && byCode.has(match[1]!)) return { site: byCode.get(match[1]!)!, path: match[2] ?? '/' }
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
  const pages =
    options.mode !== 'local-api' && sqlTablesAvailable(payload, 'articles', 'articles_workflow')
      ? sqlPages(payload, options.pageSize, options.asOf.toISOString(), since)
      : readAll<any>(payload, 'articles', where, { title: true, body: true, publishedAt: true, createdAt: true, column: true, site: true, organization: true, workflow: { action: true } } as never, options.pageSize)
  for await (const page of pages) {
    const walked = page.map((doc) => ({ doc, ...walkLexical(doc.body) }))
    // Ids of articles linked from this page, checked in one query; media alt texts likewise.
    const linkedIds = new Set<string>()
    for (const { doc, links } of walked) {
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
    const alts = mediaAlt ? await mediaAlts(payload, walked.flatMap((w) => w.uploads.filter((u) => u.alt === undefined && u.media).map((u) => u.media!))) : new Map()
    const texts: ArticleText[] = walked.map(({ doc, text, links, uploads }) => ({
      id: doc.id,
      organizationId: idOf(doc.organization) ?? '',
      columnId: doc.column ?? undefined,
      url: articleUrl(structure, idOf(doc.site), idOf(doc.column), doc.id),
      title: doc.title ?? '',
      text: `${doc.title ?? ''}\n${text}`,
      publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
      createdAt: doc.createdAt ? new Date(doc.createdAt).toISOString() : undefined,
      // Editors' articles always carry a workflow log; the bulk import path writes none, so an
      // article without one was imported and its old publish date is genuine, not backdated.
      legacyImport: !Array.isArray(doc.workflow) || doc.workflow.length === 0,
      images: uploads.map((u) => ({ src: u.media ? `/media/${u.media}` : '', alt: u.alt !== undefined ? u.alt : (alts.get(u.media ?? '') ?? null) })),
      links,
    }))
    const resolver = createResolver(structure, known)
    state = scanArticles(set, state, { upserted: texts }, { asOf: options.asOf, full: state === null, resolveInternalUrl: resolver.resolve, internalHosts: resolver.internalHosts })
    scanned += page.length
    await options.onProgress?.(scanned)
  }
  if (state === null) state = scanArticles(set, null, { upserted: [] }, { asOf: options.asOf, full: true, resolveInternalUrl: () => true, internalHosts: new Set() })
  if (!options.full && previous) {
    // Findings of articles no longer public (withdrawn, deleted, unpublished) are dropped.
    const ids = [...state.findings.keys()]
    const still = await existingArticleIds(payload, ids, visible)
    const removed = ids.filter((id) => !still.has(id))
    if (removed.length) state = scanArticles(set, state, { upserted: [], removed }, { asOf: options.asOf, resolveInternalUrl: () => true, internalHosts: new Set() })
  }
  return { ...state, scannedAt: options.asOf.toISOString() }
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
    const { docs } = await payload.find({ collection: 'articles', where: { and: [visible, { id: { in: chunk } }] }, limit: chunk.length, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })
    for (const doc of docs as Array<{ id: Id }>) found.add(String(doc.id))
  }
  return found
}

async function mediaAlts(payload: Payload, ids: string[]): Promise<Map<string, string | null>> {
  const alts = new Map<string, string | null>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500)
    const { docs } = await payload.find({ collection: 'media', where: { id: { in: chunk } }, limit: chunk.length, pagination: false, depth: 0, overrideAccess: true, select: { alt: true } as never })
    for (const doc of docs as Array<{ id: Id; alt?: string | null }>) alts.set(String(doc.id), doc.alt ?? null)
  }
  return alts
}
