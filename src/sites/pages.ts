/**
 * Builds each page's view model from the database. Every function returns a `Page`: the context
 * to render plus the dependency tags that say which changes make it stale.
 */
import type { Payload, Where } from 'payload'
import { escapeHtml } from '../lib/html'
import { humanSize, imageView, safeUrl, type MediaDoc } from './images'
import type { PageViewCounter } from './page-views'
import { lexicalToSafeHtml, lexicalToText, sanitizeContentHtml } from './richtext'
import { idOf, mediaByIds, oldestPublishYear, pagedArticles, publicArticle, publishedGuide, publishedGuides, type ArticleDoc, type GuideDoc } from './queries'
import { cachedBodyHtml, cachedMedia, latestOfColumns, latestWithCover, pageOfColumns } from './list-reads'
import type { DataCache } from './data-cache'
import type { SitesConfig } from './settings'
import { vocabulary } from './settings'
import { ancestry, firstColumnOfCategory, navigationColumns, subtreeIds, type ColumnRecord, type Id, type SiteIndex, type SiteRecord } from './site-index'
import { GUIDE_ELEMENTS } from './guide-elements'
import { missingGuideElements } from './guide-elements'
import { siteStylePath, sitePaths, siteUrl } from './addresses'
import { articleHref, canonical, columnHref, foreignArticleHref, formatDate, homeHref, siteHomeHref, withQuery, type Scope } from './urls'
import type {
  ArticleSummaryView,
  ColumnSectionView,
  DisclosureView,
  LinkView,
  PageContext,
  PageMeta,
  PageType,
  PaginationView,
  ServiceGuideView,
  SiteGroupView,
  SiteView,
  SitemapNodeView,
  UnitSectionView,
} from './view-models'
import { columnUnits, unitSectionOf, type UnitSection } from './units'
import type { ViewKey } from './page-cache'
import { tags } from './tags'
import { lexicalUploadNodes } from '../lib/lexical'

export interface Page {
  context: PageContext
  status: number
  tags: string[]
  view?: ViewKey
}

export interface PageDeps {
  payload: Payload
  config: SitesConfig
  pageViews?: PageViewCounter
  /** Read model of list reads below the page cache (off: every list is read from the database). */
  data?: DataCache
}

export class PageNotFound extends Error {}
export class BadRequest extends Error {}

const kindLabels = vocabulary.organizationKinds as Record<string, string>

export function siteView(scope: Scope, current?: ColumnRecord): SiteView {
  const { site, index } = scope
  const organization = site.organizationId === null ? undefined : index.organizations.get(String(site.organizationId))
  const currentRoot = current ? ancestry(index, current)[0] : undefined
  const footer = site.settings.footer
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    theme: site.theme,
    baseUrl: scope.prefix,
    pathPrefix: scope.prefix,
    logo: imageView(site.logo, '200px', site.name),
    siteStyleUrl: siteStylePath(site.code, styleHash(site)),
    navigation: navigationColumns(site).map((column) => ({
      title: column.name,
      href: columnHref(scope, column),
      current: currentRoot ? String(currentRoot.id) === String(column.id) : false,
    })),
    footer: {
      sponsor: footer.sponsor ?? organization?.name ?? '',
      organizer: footer.organizer ?? '',
      identificationCode: site.identificationCode,
      icp: footer.icp ?? '',
      publicSecurity: footer.publicSecurity ?? '',
      address: footer.address ?? '',
      phone: footer.phone ?? '',
      email: footer.email ?? '',
    },
    organizationName: organization?.name ?? '',
    organizationKind: organization?.kind ?? '',
  }
}

/** Site colours as CSS custom properties, served as a file because the CSP forbids inline styles. */
export function siteStyleSheet(site: SiteRecord): string {
  const colour = (value: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback)
  return `:root{--primary:${colour(site.settings.primaryColor, '#b3261e')};--accent:${colour(site.settings.accentColor, '#1f4e8c')}}\n`
}

// Per site record: a settings change reloads the site index, which makes new records.
const styleHashes = new WeakMap<SiteRecord, string>()

export function styleHash(site: SiteRecord): string {
  let hash = styleHashes.get(site)
  if (hash === undefined) {
    let h = 0
    for (const ch of siteStyleSheet(site)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
    styleHashes.set(site, (hash = (h >>> 0).toString(16)))
  }
  return hash
}

export function meta(scope: Scope, type: PageType, title: string, options: Partial<PageMeta> = {}): PageMeta {
  const canonicalUrl = options.canonicalUrl ?? canonical(scope, scope.path)
  return {
    type,
    title,
    description: options.description ?? `${scope.site.name}${title === scope.site.name ? '' : ` - ${title}`}`,
    canonicalUrl,
    ogType: options.ogType ?? 'website',
    ogImage: options.ogImage,
    breadcrumbs: options.breadcrumbs ?? [],
    searchHref: `${scope.prefix}${sitePaths.search}`,
    errorReportHref: withQuery(`${scope.prefix}${sitePaths.errorReport}`, { url: canonicalUrl }),
    rssHref: options.rssHref,
    robots: options.robots,
  }
}

function crumbs(scope: Scope, column?: ColumnRecord, last?: string): LinkView[] {
  const list: LinkView[] = [{ title: '首页', href: homeHref(scope) }]
  if (column) for (const c of ancestry(scope.index, column)) list.push({ title: c.name, href: columnHref(scope, c) })
  if (last) list.push({ title: last, href: '' })
  return list
}

function summaries(scope: Scope, docs: ArticleDoc[], media?: Map<string, MediaDoc>): ArticleSummaryView[] {
  return docs.flatMap((doc) => {
    const column = scope.index.columnsById.get(String(idOf(doc.column)))
    if (!column) return []
    const cover = media?.get(String(idOf(doc.cover)))
    // Shared by reference (信息报送/统一推送): link to the original on its own site and name its unit.
    const home = String(column.siteId) === String(scope.site.id) ? undefined : scope.index.byId.get(String(column.siteId))
    if (!home && String(column.siteId) !== String(scope.site.id)) return []
    const source = home ? (scope.index.organizations.get(String(column.ownerOrganizationId))?.name ?? home.name) : undefined
    return [
      {
        id: doc.id,
        title: doc.title,
        href: home ? foreignArticleHref(scope, home, column, doc.id) : articleHref(scope, column, doc.id),
        source,
        publishedAt: doc.publishedAt ?? '',
        publishedDate: formatDate(doc.publishedAt),
        summary: doc.summary ?? '',
        cover: imageView(cover, '(max-width: 768px) 100vw, 1200px', doc.title),
      },
    ]
  })
}

function pagination(base: string, page: number, pages: number, total: number, params: Record<string, string | undefined> = {}): PaginationView {
  const href = (n: number) => withQuery(base, { ...params, page: n })
  const from = Math.max(1, Math.min(page - 4, pages - 8))
  const to = Math.min(pages, from + 8)
  const items = []
  for (let n = from; n <= to; n++) items.push({ n, href: href(n), current: n === page })
  return { page, pages, total, prevHref: page > 1 ? href(page - 1) : undefined, nextHref: page < pages ? href(page + 1) : undefined, items }
}

const isPortal = (scope: Scope) => String(scope.index.portalSiteId) === String(scope.site.id) || scope.site.theme === 'portal'

export async function homePage(deps: PageDeps, scope: Scope): Promise<Page> {
  const { config } = deps
  const candidates = navigationColumns(scope.site).filter((c) => config.homeCategories.includes(c.category))
  const extra = scope.site.columns.filter((c) => config.homeCategories.includes(c.category) && !candidates.includes(c))
  const sectionColumns = [...candidates, ...extra].slice(0, config.homeMaxSections)
  const pageTags = [tags.site(scope.site.id), tags.home(scope.site.id)]
  const lists = await Promise.all(sectionColumns.map((column) => latestOfColumns(deps, subtreeIds(column), config.homeSectionSize)))
  const newsColumns = sectionColumns.filter((c) => c.category === 'news')
  const headlineDocs = newsColumns.length ? await latestWithCover(deps, newsColumns.flatMap(subtreeIds)) : []
  const media = await cachedMedia(
    deps,
    headlineDocs.map((d) => idOf(d.cover)).filter((id): id is Id => id !== null),
  )
  const sections: ColumnSectionView[] = sectionColumns.map((column, i) => {
    pageTags.push(tags.column(column.id), ...lists[i].map((d) => tags.article(d.id)))
    return { key: String(column.id), title: column.name, href: columnHref(scope, column), category: column.category, articles: summaries(scope, lists[i]) }
  })
  const headline = summaries(scope, headlineDocs, media)[0] ?? sections.find((s) => s.category === 'news')?.articles[0]
  if (headlineDocs[0]) pageTags.push(tags.article(headlineDocs[0].id))
  const byCategory: Record<string, ColumnSectionView> = {}
  for (const section of sections) byCategory[section.category] ??= section
  const entrances = scope.site.columns
    .filter((c) => vocabulary.entranceCategories.includes(c.category) && c.visibility === 'public')
    .map((c) => ({ title: c.name, href: columnHref(scope, c) }))
  const portal = isPortal(scope)
  if (portal) pageTags.push(tags.group)
  const context: PageContext = {
    site: siteView(scope),
    page: meta(scope, 'home', scope.site.name, { canonicalUrl: canonical(scope, '/') }),
    home: {
      headline,
      banner: headline ? [headline] : [],
      sections,
      byCategory,
      entrances,
      unitSites: portal ? siteGroups(scope.index, deps.config, scope.prefix !== '', scope.site.id) : [],
      totalVisits: portal && deps.pageViews ? await deps.pageViews.groupTotalVisits() : 0,
    },
  }
  return { context, status: 200, tags: pageTags, view: { siteId: scope.site.id } }
}

/**
 * The group's sites by organization kind. Depends only on the site index, so it is built once per
 * index: a site, column or organization change reloads the index (public-sites.ts) and with it
 * this list. Returning the same array for the same index also lets themes keep the list's
 * rendered HTML (the `fragment` filter, themes.ts) — the portal home lists all 160 sites.
 */
const siteGroupsByIndex = new WeakMap<SiteIndex, Map<string, SiteGroupView[]>>()

export function siteGroups(index: SiteIndex, config: SitesConfig, local: boolean, exceptSiteId?: Id): SiteGroupView[] {
  if (!config.siteFragments) return buildSiteGroups(index, config, local, exceptSiteId)
  let byKey = siteGroupsByIndex.get(index)
  if (!byKey) siteGroupsByIndex.set(index, (byKey = new Map()))
  const key = `${config.canonicalScheme}|${local}|${exceptSiteId ?? ''}`
  let groups = byKey.get(key)
  if (!groups) byKey.set(key, (groups = buildSiteGroups(index, config, local, exceptSiteId)))
  return groups
}

function buildSiteGroups(index: SiteIndex, config: SitesConfig, local: boolean, exceptSiteId?: Id): SiteGroupView[] {
  const groups = new Map<string, SiteGroupView>()
  for (const kind of vocabulary.organizationKindOrder) groups.set(kind, { kind, label: kindLabels[kind] ?? kind, sites: [] })
  for (const site of index.sites) {
    if (exceptSiteId !== undefined && String(site.id) === String(exceptSiteId)) continue
    const kind = index.organizations.get(String(site.organizationId))?.kind ?? 'other'
    if (!groups.has(kind)) groups.set(kind, { kind, label: kindLabels[kind] ?? '其他', sites: [] })
    groups.get(kind)!.sites.push({ name: site.name, code: site.code, href: siteHomeHref(site, config.canonicalScheme, local), domain: site.domains[0] ?? '' })
  }
  // Portal-columns units have no site of their own: they are listed with a link to their section.
  for (const { organization, home } of columnUnits(index)) {
    const kind = organization.kind || 'other'
    if (!groups.has(kind)) groups.set(kind, { kind, label: kindLabels[kind] ?? '其他', sites: [] })
    const href = siteUrl(home.site, home.path, { local, scheme: config.canonicalScheme })
    groups.get(kind)!.sites.push({ name: organization.name, code: `${home.site.code}${home.path}`, href, domain: '', host: home.site.name })
  }
  return [...groups.values()].filter((g) => g.sites.length)
}

/** The unit heading, navigation and (on its landing page) latest lists of a unit's subtree. */
async function unitView(deps: PageDeps, scope: Scope, section: UnitSection, current: ColumnRecord | undefined, pageTags: string[]): Promise<UnitSectionView> {
  const { root, organization } = section
  const currentTop = current ? ancestry(scope.index, current).find((c) => String(c.parentId) === String(root.id)) : undefined
  const children = root.children.filter((c) => c.visibility === 'public')
  const isLanding = current !== undefined && String(current.id) === String(root.id)
  const listed = isLanding ? children.filter((c) => deps.config.homeCategories.includes(c.category)).slice(0, deps.config.homeMaxSections) : []
  const lists = await Promise.all(listed.map((c) => latestOfColumns(deps, subtreeIds(c), deps.config.homeSectionSize)))
  lists.forEach((docs, i) => pageTags.push(tags.column(listed[i].id), ...docs.map((d) => tags.article(d.id))))
  return {
    name: organization.name,
    shortName: organization.shortName || organization.name,
    href: columnHref(scope, root),
    navigation: children.map((c) => ({
      title: c.name,
      href: columnHref(scope, c),
      current: currentTop !== undefined && String(currentTop.id) === String(c.id),
    })),
    sections: listed.map((c, i) => ({
      key: `unit-${c.id}`,
      title: c.name,
      href: columnHref(scope, c),
      category: c.category,
      articles: summaries(scope, lists[i]),
    })),
    isLanding,
  }
}

/** Columns of the page's scope: the unit's subtree inside a unit section, else the whole site. */
function scopeColumns(scope: Scope, column: ColumnRecord | undefined): ColumnRecord[] {
  const section = column ? unitSectionOf(scope.index, column) : undefined
  if (!section) return [...scope.site.columnsById.values()]
  const ids = new Set(subtreeIds(section.root).map(String))
  return [...scope.site.columnsById.values()].filter((c) => ids.has(String(c.id)))
}

export async function columnPage(deps: PageDeps, scope: Scope, column: ColumnRecord, page: number): Promise<Page> {
  const base = columnHref(scope, column)
  const result = await pageOfColumns(deps, subtreeIds(column), page, deps.config.pageSize)
  if (page > result.pages) throw new PageNotFound(`page ${page} of ${result.pages}`)
  const section = unitSectionOf(scope.index, column)
  const unitTags: string[] = []
  const unit = section ? await unitView(deps, scope, section, column, unitTags) : undefined
  const parent = column.parentId === null ? undefined : scope.index.columnsById.get(String(column.parentId))
  const siblings = (parent ? parent.children : scope.site.columns).filter((c) => c.visibility === 'public')
  const context: PageContext = {
    site: siteView(scope, column),
    page: meta(scope, 'column', column.name, {
      breadcrumbs: crumbs(scope, column),
      rssHref: `${scope.prefix}${sitePaths.feed(column.path)}`,
      description: column.description || undefined,
      canonicalUrl: canonical(scope, withQuery(sitePaths.column(column.path), { page })),
    }),
    column: {
      title: column.name,
      href: base,
      children: column.children.filter((c) => c.visibility === 'public').map((c) => ({ title: c.name, href: columnHref(scope, c) })),
      siblings: siblings.map((c) => ({ title: c.name, href: columnHref(scope, c), current: String(c.id) === String(column.id) })),
      articles: summaries(scope, result.docs),
      pagination: pagination(base, page, result.pages, result.total),
      rssHref: `${scope.prefix}${sitePaths.feed(column.path)}`,
    },
    unit,
  }
  return {
    context,
    status: 200,
    tags: [tags.site(scope.site.id), ...subtreeIds(column).map(tags.column), ...result.docs.map((d) => tags.article(d.id)), ...unitTags],
    view: { siteId: scope.site.id, columnId: column.id },
  }
}

export async function articlePage(deps: PageDeps, scope: Scope, column: ColumnRecord, doc: ArticleDoc, isPreview = false): Promise<Page> {
  const referenced = [idOf(doc.cover), ...(doc.attachments ?? []).map(idOf), ...collectUploadIds(doc.body)].filter(
    (id): id is Id => id !== null && typeof id !== 'object',
  )
  // A preview shows a draft: nothing of it may come from, or go into, the data cache.
  const media = isPreview ? await mediaByIds(deps.payload, referenced) : await cachedMedia(deps, referenced)
  const resolve = (value: unknown) => (value && typeof value === 'object' ? (value as MediaDoc) : media.get(String(value)))
  const cover = doc.cover ? resolve(doc.cover) : undefined
  const attachments = (doc.attachments ?? []).map(resolve).filter((a): a is MediaDoc => Boolean(a))
  const disclosure = ancestry(scope.index, column).some((c) => deps.config.catalogueCategories.includes(c.category)) ? disclosureView(doc) : undefined
  const coverView = imageView(cover, '(max-width: 768px) 100vw, 800px')
  const renderBody = () => lexicalToSafeHtml(doc.body, { media, internalHref: (ref) => internalHref(scope, ref) })
  const section = unitSectionOf(scope.index, column)
  const context: PageContext = {
    unit: section ? await unitView(deps, scope, section, column, []) : undefined,
    site: siteView(scope, column),
    page: meta(scope, 'article', doc.title, {
      ogType: 'article',
      description: doc.summary || lexicalToText(doc.body, 120) || doc.title,
      ogImage: coverView ? absolute(scope, coverView.src) : undefined,
      breadcrumbs: crumbs(scope, column, '正文'),
      canonicalUrl: canonical(scope, sitePaths.article(column.path, doc.id)),
      robots: isPreview ? 'noindex, nofollow' : undefined,
    }),
    article: {
      id: doc.id,
      title: doc.title,
      subtitle: doc.subtitle ?? '',
      source: doc.source ?? '',
      author: doc.author ?? '',
      publishedAt: doc.publishedAt ?? '',
      publishedDate: formatDate(doc.publishedAt) || (isPreview ? '（未发布）' : ''),
      bodyHtml: isPreview
        ? renderBody()
        : await cachedBodyHtml(deps, { id: doc.id, updatedAt: doc.updatedAt, prefix: scope.prefix, index: scope.index, mediaIds: referenced }, renderBody),
      cover: coverView,
      attachments: attachments.map((a) => ({ title: a.filename ?? a.alt ?? '附件', href: safeUrl(a.url), size: humanSize(a.filesize) })).filter((a) => a.href),
      disclosure,
      column: { title: column.name, href: columnHref(scope, column) },
      isPreview,
    },
  }
  return {
    context,
    status: 200,
    tags: [tags.site(scope.site.id), tags.article(doc.id)],
    view: isPreview ? undefined : { siteId: scope.site.id, columnId: column.id, articleId: doc.id },
  }
}

function absolute(scope: Scope, url: string): string {
  return url.startsWith('/') ? `${scope.canonicalOrigin}${url}` : url
}

function internalHref(scope: Scope, ref: { relationTo?: string; value?: unknown }): string {
  const value = ref.value as { id?: Id; column?: unknown } | Id | undefined
  if (ref.relationTo === 'articles' && value && typeof value === 'object') {
    const column = scope.index.columnsById.get(String(idOf(value.column)))
    return column && value.id !== undefined ? articleHref(scope, column, value.id) : ''
  }
  if (ref.relationTo === 'columns') {
    const column = scope.index.columnsById.get(String(idOf(value)))
    return column ? columnHref(scope, column) : ''
  }
  return ''
}

function collectUploadIds(state: unknown): Id[] {
  return lexicalUploadNodes(state).flatMap((node) => (typeof node.value === 'number' || typeof node.value === 'string' ? [node.value] : []))
}

function disclosureView(doc: ArticleDoc): DisclosureView {
  const d = doc.disclosure ?? {}
  return {
    indexNumber: d.indexNumber ?? '',
    publisher: d.publisher ?? '',
    documentNumber: d.documentNumber ?? '',
    topic: d.topic ?? '',
    writtenDate: formatDate(d.writtenAt),
    publishedDate: formatDate(doc.publishedAt),
    validity: (vocabulary.validity as Record<string, string>)[d.validity ?? 'valid'] ?? '',
  }
}

/** 政府信息公开目录: the site's catalogue columns, filterable by 主题分类, 发布机构 and year. */
export async function cataloguePage(deps: PageDeps, scope: Scope, column: ColumnRecord | undefined, page: number): Promise<Page> {
  const { site, index, query } = scope
  // Policy columns plus everything under the disclosure columns (guides, plans, personnel, budgets…).
  const catalogueColumns = scopeColumns(scope, column).filter(
    (c) => deps.config.catalogueCategories.includes(c.category) || ancestry(index, c).some((a) => a.category === 'disclosure'),
  )
  const columnIds = catalogueColumns.map((c) => c.id)
  const topic = query.get('topic') ?? ''
  const publisher = query.get('publisher') ?? ''
  const yearText = query.get('year') ?? ''
  const year = yearText ? Number(yearText) : undefined
  if (yearText && (!Number.isInteger(year) || year! < 1900 || year! > 2999))
    throw new BadRequest(`year must be a four-digit year, got "${yearText.slice(0, 10)}"`)
  if (topic.length > 100 || publisher.length > 100) throw new BadRequest('filter values are limited to 100 characters')
  const filters: Where[] = [{ column: { in: columnIds.length ? columnIds : [-1] } }]
  if (topic) filters.push({ 'disclosure.topic': { equals: topic } })
  if (publisher) filters.push({ 'disclosure.publisher': { equals: publisher } })
  if (year)
    filters.push(
      { publishedAt: { greater_than_equal: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString() } },
      { publishedAt: { less_than: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000).toISOString() } },
    )
  const select = { title: true, publishedAt: true, column: true, disclosure: true } as const
  const [result, firstYear] = await Promise.all([
    pagedArticles(deps.payload, { and: filters }, page, deps.config.pageSize, select),
    oldestPublishYear(deps.payload, filters[0]),
  ])
  if (page > result.pages) throw new PageNotFound(`page ${page} of ${result.pages}`)
  const sitePath = sitePaths.column(column ? column.path : deps.config.cataloguePath)
  const base = `${scope.prefix}${sitePath}`
  const publishers = new Set<string>()
  for (const c of catalogueColumns) {
    const org = index.organizations.get(String(c.ownerOrganizationId))
    if (org) publishers.add(org.name)
  }
  const thisYear = new Date().getFullYear()
  const years: string[] = []
  for (let y = thisYear; y >= (firstYear ?? thisYear); y--) years.push(String(y))
  const option = (selected: string) => (value: string) => ({ value, label: value, selected: value === selected })
  const title = column?.name ?? '政府信息公开目录'
  const context: PageContext = {
    site: siteView(scope, column),
    page: meta(scope, 'catalogue', title, {
      breadcrumbs: column ? crumbs(scope, column) : crumbs(scope, undefined, title),
      canonicalUrl: canonical(scope, withQuery(sitePath, { topic, publisher, year: yearText, page })),
    }),
    catalogue: {
      actionHref: base,
      topics: vocabulary.disclosureTopics.map(option(topic)),
      publishers: [...publishers].sort().map(option(publisher)),
      years: years.map(option(yearText)),
      entries: result.docs.flatMap((doc) => {
        const c = index.columnsById.get(String(idOf(doc.column)))
        return c ? [{ title: doc.title, href: articleHref(scope, c, doc.id), ...disclosureView(doc) }] : []
      }),
      pagination: pagination(base, page, result.pages, result.total, { topic, publisher, year: yearText }),
    },
    unit: column && unitSectionOf(index, column) ? await unitView(deps, scope, unitSectionOf(index, column)!, column, []) : undefined,
  }
  return {
    context,
    status: 200,
    tags: [tags.site(site.id), tags.catalogue(site.id), ...columnIds.map(tags.column), ...result.docs.map((d) => tags.article(d.id))],
    view: { siteId: site.id, columnId: column?.id ?? null },
  }
}

/** The organizations whose guides a site shows: its own and those owning its columns; the portal shows all; a unit's section its own. */
function guideOrganizations(scope: Scope, column?: ColumnRecord): Id[] | 'all' {
  const section = column ? unitSectionOf(scope.index, column) : undefined
  if (section) return [section.organization.id]
  if (isPortal(scope)) return 'all'
  const ids = new Set<string>()
  const out: Id[] = []
  const add = (id: Id | null) => {
    if (id === null || ids.has(String(id))) return
    ids.add(String(id))
    out.push(id)
  }
  add(scope.site.organizationId)
  for (const c of scope.site.columnsById.values()) add(c.ownerOrganizationId)
  return out
}

function guideView(scope: Scope, doc: GuideDoc, servicesPath: string): ServiceGuideView {
  const org = scope.index.organizations.get(String(idOf(doc.organization)))
  const lines = (text: string | null | undefined) =>
    sanitizeContentHtml(
      (text ?? '')
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => `<p>${escapeHtml(l)}</p>`)
        .join(''),
    )
  return {
    id: doc.id,
    title: doc.title,
    href: `${scope.prefix}${sitePaths.guide(servicesPath, doc.id)}`,
    organization: org?.name ?? '',
    legalBasisHtml: lines(doc.legalBasis),
    conditionsHtml: lines(doc.conditions),
    materialsHtml: lines(doc.materials),
    processHtml: lines(doc.process),
    place: doc.place ?? '',
    hours: doc.hours ?? '',
    phone: doc.phone ?? '',
    fees: doc.fees ?? '',
    timeLimit: doc.timeLimit ?? '',
    onlineUrl: /^https?:\/\//i.test(doc.onlineUrl ?? '') ? safeUrl(doc.onlineUrl) : '',
    topics: (doc.topics ?? []).map((t) => (vocabulary.guideTopics as Record<string, string>)[t] ?? t),
    missing: missingGuideElements(doc as unknown as Record<string, unknown>),
  }
}

export async function guidesPage(deps: PageDeps, scope: Scope, column: ColumnRecord | undefined): Promise<Page> {
  const by = scope.query.get('by') ?? 'organization'
  if (by !== 'organization' && by !== 'topic') throw new BadRequest(`by must be "organization" or "topic", got "${by.slice(0, 20)}"`)
  const servicesPath = column ? column.path : deps.config.guidesPath
  const sitePath = sitePaths.column(servicesPath)
  const base = `${scope.prefix}${sitePath}`
  const docs = await publishedGuides(deps.payload, guideOrganizations(scope, column))
  const views = docs.map((d) => guideView(scope, d, servicesPath))
  const groups = new Map<string, ServiceGuideView[]>()
  const push = (key: string, g: ServiceGuideView) => (groups.get(key) ?? groups.set(key, []).get(key)!).push(g)
  for (const g of views) {
    if (by === 'organization') push(g.organization || '其他', g)
    else if (g.topics.length) for (const t of g.topics) push(t, g)
    else push('其他', g)
  }
  const title = column?.name ?? '办事服务'
  const context: PageContext = {
    site: siteView(scope, column),
    page: meta(scope, 'guides', title, {
      breadcrumbs: column ? crumbs(scope, column) : crumbs(scope, undefined, title),
      canonicalUrl: canonical(scope, withQuery(sitePath, { by: by === 'organization' ? undefined : by })),
    }),
    guides: {
      actionHref: base,
      groupBy: by,
      byOrganizationHref: base,
      byTopicHref: withQuery(base, { by: 'topic' }),
      groups: [...groups].map(([groupTitle, guides]) => ({ title: groupTitle, guides })),
      total: views.length,
    },
    unit: column && unitSectionOf(scope.index, column) ? await unitView(deps, scope, unitSectionOf(scope.index, column)!, column, []) : undefined,
  }
  return {
    context,
    status: 200,
    tags: [tags.site(scope.site.id), tags.guides, ...(column ? [tags.column(column.id)] : [])],
    view: { siteId: scope.site.id, columnId: column?.id ?? null },
  }
}

export async function guidePage(deps: PageDeps, scope: Scope, column: ColumnRecord | undefined, id: string): Promise<Page> {
  const doc = await publishedGuide(deps.payload, id)
  const allowed = guideOrganizations(scope, column)
  if (!doc || (allowed !== 'all' && !allowed.some((o) => String(o) === String(idOf(doc.organization))))) throw new PageNotFound(`guide ${id}`)
  const servicesPath = column ? column.path : deps.config.guidesPath
  const view = guideView(scope, doc, servicesPath)
  const context: PageContext = {
    site: siteView(scope, column),
    page: meta(scope, 'guide', doc.title, {
      breadcrumbs: [...(column ? crumbs(scope, column) : crumbs(scope, undefined, '办事服务')), { title: doc.title, href: '' }],
      canonicalUrl: canonical(scope, sitePaths.guide(servicesPath, doc.id)),
    }),
    guide: view,
  }
  return {
    context,
    status: 200,
    tags: [tags.site(scope.site.id), tags.guides, tags.guide(doc.id)],
    view: { siteId: scope.site.id, columnId: column?.id ?? null },
  }
}

export function sitemapPage(scope: Scope): Page {
  const node = (c: ColumnRecord): SitemapNodeView => ({
    title: c.name,
    href: columnHref(scope, c),
    children: c.children.filter((x) => x.visibility === 'public').map(node),
  })
  const context: PageContext = {
    site: siteView(scope),
    page: meta(scope, 'sitemap', '网站地图', { breadcrumbs: crumbs(scope, undefined, '网站地图') }),
    sitemap: scope.site.columns.filter((c) => c.visibility === 'public').map(node),
  }
  return { context, status: 200, tags: [tags.site(scope.site.id)], view: { siteId: scope.site.id } }
}

export function messagePage(scope: Scope, type: 'not-found' | 'error', status: number, heading?: string, text?: string, requestId?: string): Page {
  const title = heading ?? (type === 'not-found' ? '页面不存在' : '服务暂时不可用')
  return {
    context: { site: siteView(scope), page: meta(scope, type, title, { robots: 'noindex' }), message: { heading: title, text: text ?? '', requestId } },
    status,
    tags: [tags.site(scope.site.id)],
  }
}

export { GUIDE_ELEMENTS, publicArticle, firstColumnOfCategory }
