/**
 * Public URL scheme of every site (documented in docs/public-sites.md):
 *   /                         home
 *   /<column path>/           column list (?page=N); a `disclosure`/`policy` catalogue column or a
 *                             `services` column renders the catalogue / service-guide catalogue
 *   /<column path>/<id>.html  article;  /<services column path>/g<id>.html  service guide
 *   /<column path>/rss.xml    column feed
 *   /gkml/  /bsfw/            catalogue and guides for sites without such a column (config)
 *   /sitemap.html  /sitemap.xml  /robots.txt
 * On a shared local address every path is prefixed with /s/<site code>. The paths are built by the
 * address book (./addresses); this is its parser for the site-relative part.
 */
import { isPathSegment } from './addresses'

export type Route =
  | { kind: 'home' }
  | { kind: 'sitemap-html' }
  | { kind: 'sitemap-xml' }
  | { kind: 'robots' }
  | { kind: 'column'; path: string }
  | { kind: 'rss'; path: string }
  | { kind: 'article'; path: string; id: string }
  | { kind: 'guide'; path: string; id: string }
  | { kind: 'redirect'; to: string }
  | { kind: 'not-found' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'home' }
  if (pathname === '/sitemap.html') return { kind: 'sitemap-html' }
  if (pathname === '/sitemap.xml') return { kind: 'sitemap-xml' }
  if (pathname === '/robots.txt') return { kind: 'robots' }
  if (pathname === '/index.html') return { kind: 'redirect', to: '/' }
  const segments = pathname.split('/').slice(1)
  const last = segments[segments.length - 1]
  const columnSegments = segments.slice(0, -1)
  if (!columnSegments.length && last && isPathSegment(last)) return { kind: 'redirect', to: `/${last}/` }
  if (!columnSegments.every(isPathSegment)) return { kind: 'not-found' }
  const path = columnSegments.join('/')
  if (last === '') return { kind: 'column', path }
  if (last === 'rss.xml') return { kind: 'rss', path }
  const article = /^(\d{1,15}|[0-9a-f]{24})\.html$/.exec(last)
  if (article) return { kind: 'article', path, id: article[1] }
  const guide = /^g(\d{1,15}|[0-9a-f]{24})\.html$/.exec(last)
  if (guide) return { kind: 'guide', path, id: guide[1] }
  if (isPathSegment(last)) return { kind: 'redirect', to: `/${[...columnSegments, last].join('/')}/` }
  return { kind: 'not-found' }
}

/** `?page=N`: a positive integer, else a clear error (never a silent first page). */
export function parsePage(value: unknown): number | Error {
  if (value === undefined || value === null || value === '') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 100_000) return new Error(`page must be a positive integer, got "${String(value).slice(0, 20)}"`)
  return n
}
