import { localUrl, sitePaths, siteBase } from './addresses'
import type { ColumnRecord, SiteIndex, SiteRecord } from './site-index'

/** Where a request stands: which site, how its links are prefixed, and its canonical origin. */
export interface Scope {
  index: SiteIndex
  site: SiteRecord
  /** `''` on the site's own domain, `/s/<code>` on a shared local address. */
  prefix: string
  /** Origin for canonical URLs, feeds and sitemaps: the site's first domain, else the request's origin. */
  canonicalOrigin: string
  requestOrigin: string
  query: URLSearchParams
  /** Site-relative path of this request, without the prefix or query. */
  path: string
}

export function siteScopeOrigin(site: SiteRecord, requestOrigin: string, scheme: string): string {
  return site.domains[0] ? siteBase(site, { scheme }) : requestOrigin
}

// Links within the scope's site, the way the visitor came (the scope's prefix); paths from the address book.
export const columnHref = (scope: Scope, column: ColumnRecord) => `${scope.prefix}${sitePaths.column(column.path)}`
export const articleHref = (scope: Scope, column: ColumnRecord, id: string | number) => `${scope.prefix}${sitePaths.article(column.path, id)}`
export const homeHref = (scope: Scope) => `${scope.prefix}${sitePaths.home}`

/** Another site's article listed here by reference (信息报送/统一推送): its /s/<code>/ path on a local address, else its own domain. */
export function foreignArticleHref(scope: Scope, site: SiteRecord, column: ColumnRecord, id: string | number): string {
  if (scope.prefix || !site.domains[0]) return localUrl(site.code, sitePaths.article(column.path, id))
  return foreignArticleUrl(scope, site, column, id)
}

/** Absolute URL of another site's article (feeds): its canonical address on its own domain. */
export function foreignArticleUrl(scope: Scope, site: SiteRecord, column: ColumnRecord, id: string | number): string {
  const path = sitePaths.article(column.path, id)
  return site.domains[0]
    ? `${siteBase(site, { scheme: new URL(scope.canonicalOrigin).protocol.slice(0, -1) })}${path}`
    : `${scope.requestOrigin}${localUrl(site.code, path)}`
}

/** Absolute canonical URL for a site-relative path; on a domain the /s/<code> prefix is dropped. */
export function canonical(scope: Scope, sitePath: string): string {
  const prefix = scope.site.domains[0] ? '' : scope.prefix
  return `${scope.canonicalOrigin}${prefix}${sitePath}`
}

/** Links to another site of the group: its domain when it has one, else its /s/<code>/ address. */
export function siteHomeHref(site: SiteRecord, scheme: string, local: boolean): string {
  return `${siteBase(site, { scheme, local })}${sitePaths.home}`
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  const time = date.getTime()
  if (Number.isNaN(time)) return ''
  // China has kept UTC+8 without daylight saving since 1991-09-15, so later dates need no Intl
  // call (≈ 1.5 % of a list page's CPU with 20–50 dates); earlier ones keep the exact formatter.
  return time >= SHANGHAI_FIXED_OFFSET_SINCE && time < YEAR_10000 ? new Date(time + 8 * 3_600_000).toISOString().slice(0, 10) : dateFormat.format(date)
}
const SHANGHAI_FIXED_OFFSET_SINCE = Date.parse('1991-09-15T00:00:00+08:00')
const YEAR_10000 = Date.parse('9999-12-31T00:00:00Z') // toISOString's year grows a sign beyond it

export function withQuery(base: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '' && !(key === 'page' && Number(value) === 1)) search.set(key, String(value))
  const text = search.toString()
  return text ? `${base}?${text}` : base
}
