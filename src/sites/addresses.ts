/**
 * The address book // 网址簿: the one place that builds and parses public URLs. A site is reached
 * by its own domain or, on a shared local address, under `/s/<code>`; below that, every page has
 * one site-relative path (documented in docs/public-sites.md). Every capability builds its links
 * here, and the paths other routers mount in front of the sites (the reserved paths) are collected
 * here from the constants those routers use.
 */
import { SEARCH_PATHS } from '../search'

/** A site code // 网站代号, also the shape of one column path segment. */
export const SITE_CODE_PATTERN = '[a-z0-9][a-z0-9-]{0,39}'
const SITE_CODE = new RegExp(`^${SITE_CODE_PATTERN}$`)
/** Root of the shared local address, where every site lives under its code. */
const LOCAL_ROOT = '/s'
const LOCAL_PATH = new RegExp(`^${LOCAL_ROOT}/(${SITE_CODE_PATTERN})(/.*)?$`)
const SITE_STYLE_PATH = new RegExp(`^/_site/(${SITE_CODE_PATTERN})\\.([0-9a-f]+)\\.css$`)

export const isSiteCode = (value: unknown): value is string => typeof value === 'string' && SITE_CODE.test(value)
/** A column path segment has the site code's shape. */
export const isPathSegment = isSiteCode

/** A site as far as its addresses go. */
export interface AddressedSite {
  code: string
  domains: readonly string[]
}

/** The prefix of a site on a shared local address: `/s/<code>`. */
export const localPrefix = (code: string) => `${LOCAL_ROOT}/${code}`
/** The Express mount for routers that serve every site on the local address too (`req.params.site`). */
export const LOCAL_SITE_MOUNT = `${LOCAL_ROOT}/:site`

/** `/s/<code>/rest` → the code and the site-relative rest (`''` for `/s/<code>`); null for any other path. */
export function parseLocalPath(path: string): { code: string; rest: string } | null {
  const match = LOCAL_PATH.exec(path)
  return match ? { code: match[1]!, rest: match[2] ?? '' } : null
}

/** A site-relative path on the shared local address: `/s/<code><path>`. */
export const localUrl = (code: string, sitePath: string) => `${localPrefix(code)}${sitePath}`

export interface SiteUrlOptions {
  /** The visitor came through a shared local address: stay on it (`/s/<code>`). */
  local?: boolean
  /** Scheme of a domain URL (default https). */
  scheme?: string
}

/** Where a site's pages start: `<scheme>://<first domain>`, or `/s/<code>` locally or for a site without a domain. */
export function siteBase(site: AddressedSite, options: SiteUrlOptions = {}): string {
  const domain = site.domains[0]
  return !options.local && domain ? `${options.scheme ?? 'https'}://${domain}` : localPrefix(site.code)
}

/** A site-relative path as a link from anywhere: on the site's domain, else on the local address. */
export const siteUrl = (site: AddressedSite, sitePath: string, options: SiteUrlOptions = {}) => `${siteBase(site, options)}${sitePath}`

/**
 * The top-level paths of the other capabilities' public pages. The interaction router mounts
 * these very constants; the search router its own (SEARCH_PATHS, src/search).
 */
export const CAPABILITY_PATHS = {
  search: SEARCH_PATHS.page,
  searchApi: SEARCH_PATHS.api,
  letters: '/letters',
  ratings: '/ratings',
  errorReport: '/error-report',
  /** The interaction's scripts and proof-of-work challenge. */
  interactionAssets: '/interaction',
} as const

/** Site-relative paths of every public page (prefix them with a scope's prefix or siteUrl). */
export const sitePaths = {
  home: '/',
  column: (columnPath: string) => `/${columnPath}/`,
  feed: (columnPath: string) => `/${columnPath}/rss.xml`,
  article: (columnPath: string, id: string | number) => `/${columnPath}/${id}.html`,
  /** A service guide // 办事指南 under its services column, or under the sites' guides path. */
  guide: (servicesPath: string, id: string | number) => `/${servicesPath}/g${id}.html`,
  sitemapHtml: '/sitemap.html',
  sitemapXml: '/sitemap.xml',
  robots: '/robots.txt',
  search: CAPABILITY_PATHS.search,
  letters: CAPABILITY_PATHS.letters,
  letter: (id: string | number) => `${CAPABILITY_PATHS.letters}/${id}`,
  ratings: CAPABILITY_PATHS.ratings,
  errorReport: CAPABILITY_PATHS.errorReport,
} as const

/** A site's colour sheet, named by the hash of its content so it can be cached for ever. */
export const siteStylePath = (code: string, hash: string) => `/_site/${code}.${hash}.css`
export function parseSiteStylePath(path: string): { code: string; hash: string } | null {
  const match = SITE_STYLE_PATH.exec(path)
  return match ? { code: match[1]!, hash: match[2]! } : null
}

/** `/_preview/<token>`: an editor's look at a draft article in its theme. */
export const PREVIEW_ROOT = '/_preview/'
export const previewPath = (token: string) => `${PREVIEW_ROOT}${token}`

/** What the server hands to Next (the admin, its REST and GraphQL API, its assets). */
export const NEXT_HANDOFF_PATHS = ['/admin', '/api', '/_next'] as const
/** The same as Express routes (src/server.ts): the admin page, everything under each path, and Next's dev overlay. */
export const NEXT_HANDOFF_ROUTES: readonly string[] = ['/admin', ...NEXT_HANDOFF_PATHS.map((root) => `${root}/{*rest}`), '/__nextjs_{*rest}']

/**
 * Paths the public sites never answer, because a router mounted before them owns them: Next's,
 * the search's and the interaction's (letters, ratings, error reports). Derived, not listed.
 */
export const RESERVED_PATHS: readonly string[] = [
  ...NEXT_HANDOFF_PATHS,
  ...new Set(Object.values(CAPABILITY_PATHS).filter((path) => !NEXT_HANDOFF_PATHS.some((next) => isUnder(next, path)))),
]

function isUnder(root: string, path: string): boolean {
  return path === root || path.startsWith(`${root}/`)
}

/** Whether a site-relative path belongs to a router mounted before the sites. */
export const isReservedPath = (path: string) => RESERVED_PATHS.some((root) => isUnder(root, path))
