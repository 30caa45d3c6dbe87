// The address book (src/sites/addresses.ts): every public URL is built and parsed in one place,
// a site is reached by its domain or under /s/<code>, and the paths the sites leave to other
// routers are the ones those routers really mount.
import type { Router } from 'express'
import { describe, expect, it } from 'vitest'
import { createInteractionRouter, INTERACTION_PATHS } from '../../src/interaction/index'
import { createSearchRouter, SEARCH_PATHS, type SearchEngine, type SearchPages } from '../../src/search/index'
import {
  isReservedPath,
  isSiteCode,
  LOCAL_SITE_MOUNT,
  localPrefix,
  localUrl,
  NEXT_HANDOFF_PATHS,
  NEXT_HANDOFF_ROUTES,
  parseLocalPath,
  parseRoute,
  parseSiteStylePath,
  RESERVED_PATHS,
  siteBase,
  sitePaths,
  sitesConfig,
  siteStylePath,
  siteUrl,
  type PublicPages,
} from '../../src/sites/index'

const withDomain = { code: 'fgw', domains: ['fgw.yulin.gov.cn', 'old.fgw.gov.cn'] }
const withoutDomain = { code: 'rsj', domains: [] }

describe('site codes', () => {
  it('accepts 1–40 lower-case letters, digits and inner hyphens, starting with a letter or digit', () => {
    for (const code of ['a', 'fgw', '0775', 'yl-fgw', 'a'.repeat(40)]) expect(isSiteCode(code)).toBe(true)
    for (const code of ['', '-a', 'A', 'a_b', 'a.b', 'a'.repeat(41), 'a/b', 7]) expect(isSiteCode(code)).toBe(false)
  })
})

describe('host or /s/<code>', () => {
  it('links to a site on its first domain, or on the local address when asked or without a domain', () => {
    expect(siteBase(withDomain)).toBe('https://fgw.yulin.gov.cn')
    expect(siteBase(withDomain, { scheme: 'http' })).toBe('http://fgw.yulin.gov.cn')
    expect(siteBase(withDomain, { local: true })).toBe('/s/fgw')
    expect(siteBase(withoutDomain)).toBe('/s/rsj')
    expect(siteUrl(withDomain, sitePaths.home)).toBe('https://fgw.yulin.gov.cn/')
    expect(siteUrl(withoutDomain, sitePaths.column('news/notices'))).toBe('/s/rsj/news/notices/')
  })

  it('parses what it builds on the local address, and nothing else', () => {
    for (const sitePath of ['/', '/news/', '/news/12.html', '/bsfw/g7.html', '/letters/3', '']) {
      expect(parseLocalPath(localUrl('yl-fgw', sitePath))).toEqual({ code: 'yl-fgw', rest: sitePath })
    }
    expect(localPrefix('fgw')).toBe('/s/fgw')
    expect(LOCAL_SITE_MOUNT).toBe('/s/:site')
    for (const path of ['/news/', '/s/', '/s/-x/', '/s/UP/', '/sx/fgw/', `/s/${'a'.repeat(41)}/`]) expect(parseLocalPath(path)).toBeNull()
  })
})

describe('site-relative pages', () => {
  it('builds the paths the sites route parses back', () => {
    expect(parseRoute(sitePaths.home)).toEqual({ kind: 'home' })
    expect(parseRoute(sitePaths.column('zwgk/tzgg'))).toEqual({ kind: 'column', path: 'zwgk/tzgg' })
    expect(parseRoute(sitePaths.feed('zwgk/tzgg'))).toEqual({ kind: 'rss', path: 'zwgk/tzgg' })
    expect(parseRoute(sitePaths.article('zwgk/tzgg', 42))).toEqual({ kind: 'article', path: 'zwgk/tzgg', id: '42' })
    expect(parseRoute(sitePaths.guide(sitesConfig().guidesPath, '65f0c1a2b3c4d5e6f7a8b9c0'))).toEqual({
      kind: 'guide',
      path: sitesConfig().guidesPath,
      id: '65f0c1a2b3c4d5e6f7a8b9c0',
    })
    expect(parseRoute(sitePaths.sitemapHtml)).toEqual({ kind: 'sitemap-html' })
    expect(parseRoute(sitePaths.sitemapXml)).toEqual({ kind: 'sitemap-xml' })
    expect(parseRoute(sitePaths.robots)).toEqual({ kind: 'robots' })
  })

  it('names the other capabilities’ pages and the site style sheet', () => {
    expect(sitePaths.search).toBe(SEARCH_PATHS.page)
    expect(sitePaths.letter(9)).toBe('/letters/9')
    expect([sitePaths.letters, sitePaths.ratings, sitePaths.errorReport]).toEqual(['/letters', '/ratings', '/error-report'])
    expect(parseSiteStylePath(siteStylePath('yl-fgw', '9af3'))).toEqual({ code: 'yl-fgw', hash: '9af3' })
    expect(parseSiteStylePath('/_site/yl-fgw.xyz.css')).toBeNull()
  })
})

/** The first path segment of every route a router defines (`/letters/:id` → `/letters`). */
function mountedRoots(router: Router): string[] {
  const roots = new Set<string>()
  for (const layer of router.stack as Array<{ route?: { path: string | string[] } }>) {
    for (const path of [layer.route?.path ?? []].flat()) roots.add(`/${path.split('/')[1]}`)
  }
  return [...roots]
}

describe('reserved paths', () => {
  const pages = {} as PublicPages & SearchPages
  const interaction = createInteractionRouter({ payload: { secret: 'test' } as never, pages, rateLimits: false })
  const search = createSearchRouter({ payload: {} as never, engine: {} as SearchEngine, pages, rateLimit: false, queryLog: false })

  it('are what the routers in front of the sites mount, plus the hand-off to Next', () => {
    const mounted = [...mountedRoots(interaction), ...mountedRoots(search)]
    expect(mounted.length).toBeGreaterThan(3)
    for (const root of mounted) expect(isReservedPath(root), root).toBe(true)
    for (const root of [...NEXT_HANDOFF_PATHS, ...INTERACTION_PATHS, SEARCH_PATHS.page]) expect(RESERVED_PATHS).toContain(root)
    // Nothing reserved that no router mounts.
    expect(new Set(RESERVED_PATHS)).toEqual(new Set([...NEXT_HANDOFF_PATHS, ...mounted.filter((root) => !NEXT_HANDOFF_PATHS.includes(root as never))]))
  })

  it('give the server its routes to Next from the same declaration', () => {
    expect(NEXT_HANDOFF_ROUTES).toEqual(['/admin', '/admin/{*rest}', '/api/{*rest}', '/_next/{*rest}', '/__nextjs_{*rest}'])
    for (const route of NEXT_HANDOFF_ROUTES.filter((r) => !r.startsWith('/__nextjs_'))) expect(isReservedPath(route.replace('/{*rest}', '/x'))).toBe(true)
  })

  it('cover a path and what lies under it, not a longer name', () => {
    expect(isReservedPath('/letters')).toBe(true)
    expect(isReservedPath('/letters/12')).toBe(true)
    expect(isReservedPath('/api/search')).toBe(true)
    expect(isReservedPath('/admin')).toBe(true)
    expect(isReservedPath('/lettersx/')).toBe(false)
    expect(isReservedPath('/news/')).toBe(false)
    expect(isReservedPath('/')).toBe(false)
  })

  it('are no longer a hand-kept list in the sites settings', () => {
    expect('reservedPaths' in sitesConfig()).toBe(false)
  })
})
