/**
 * Every public page — the sites' own and the letter, rating, error-report and search pages of
 * other capabilities — is a page of the site's theme: in each shipped theme (portal, department,
 * county, one seeded Yulin site each) every page carries that theme's layout. A theme made by
 * copying department under a new name, with another colour, then applies to every page of a site
 * once the site is set to it, with nothing else edited.
 */
import { existsSync, readFileSync, renameSync, rmSync, cpSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootSecurityServer, raw, type SecurityServer } from '../security/server'

// A theme folder beside the shipped ones (the sites collection reads its choices from themes/ when
// the config loads). theme.json is written last, so a registry loading meanwhile skips the folder.
const COPY = `zz-copy-${process.pid}`
const COPY_DIR = path.resolve('themes', COPY)
const COPY_COLOUR = '#0a7d33'

function makeCopy() {
  cpSync(path.resolve('themes/department'), COPY_DIR, { recursive: true, filter: (source) => !source.endsWith('theme.json') })
  const css = path.join(COPY_DIR, 'assets/department.css')
  writeFileSync(css, readFileSync(css, 'utf8').replaceAll('.theme-department', `.theme-${COPY}`).replace('4px solid var(--accent)', `4px solid ${COPY_COLOUR}`))
  const manifest = {
    ...JSON.parse(readFileSync('themes/department/theme.json', 'utf8')),
    name: COPY,
    description: 'A copy of department with a green rule under the header.',
  }
  writeFileSync(path.join(COPY_DIR, 'theme.json.tmp'), JSON.stringify(manifest))
  renameSync(path.join(COPY_DIR, 'theme.json.tmp'), path.join(COPY_DIR, 'theme.json'))
}

function removeCopy() {
  if (!existsSync(COPY_DIR)) return
  rmSync(path.join(COPY_DIR, 'theme.json'), { force: true })
  rmSync(COPY_DIR, { recursive: true, force: true })
}

let server: SecurityServer
let payload: Payload
const sites: Record<'portal' | 'department' | 'county', { id: number | string; code: string; name: string }> = {} as never
const letterOf: Record<string, number | string> = {}

const get = async (url: string) => raw(server.port, 'GET', url)

/** The pages of one site: the sites' own, found by following its links, and the capabilities' pages. */
async function pagesOf(code: string): Promise<Record<string, string>> {
  const home = (await get(`/s/${code}/`)).body
  const links = [...home.matchAll(/href="(\/s\/[a-z0-9-]+\/[^"?#]+)"/g)].map((m) => m[1])
  const article = links.find((href) => href.startsWith(`/s/${code}/`) && /\/\d+\.html$/.test(href))
  const column = links.find(
    (href) => href !== `/s/${code}/` && href.startsWith(`/s/${code}/`) && href.endsWith('/') && !/\/(letters|search|error-report|bsfw|gkml)\//.test(href),
  )
  const guides = (await get(`/s/${code}/bsfw/`)).body
  const guide = new RegExp(`href="(/s/${code}/[^"]+/g\\d+\\.html)"`).exec(guides)?.[1]
  const pages: Record<string, string | undefined> = {
    home: `/s/${code}/`,
    column,
    article,
    guides: `/s/${code}/bsfw/`,
    guide,
    letters: `/s/${code}/letters`,
    'letter (new)': `/s/${code}/letters/new`,
    'letter (track)': `/s/${code}/letters/track`,
    'letter (detail)': letterOf[code] !== undefined ? `/s/${code}/letters/${letterOf[code]}` : undefined,
    ratings: `/s/${code}/ratings/new`,
    'error report': `/s/${code}/error-report`,
    search: `/s/${code}/search?q=${encodeURIComponent('玉林')}`,
    'not found': `/s/${code}/no-such-column/`,
  }
  for (const name of [
    'home',
    'column',
    'article',
    'letters',
    'letter (new)',
    'letter (track)',
    'letter (detail)',
    'ratings',
    'error report',
    'search',
    'not found',
  ]) {
    expect(pages[name], `${code}: no ${name} page found`).toBeTruthy()
  }
  return Object.fromEntries(Object.entries(pages).filter((entry): entry is [string, string] => Boolean(entry[1])))
}

/** The theme's layout around a page: its body class, its stylesheet, the header and footer of layout.liquid. */
function expectThemeLayout(html: string, theme: string, site: { name: string }, where: string) {
  expect(html, where).toMatch(new RegExp(`<body class="theme-${theme} page-[a-z-]+">`))
  expect(html, where).toMatch(new RegExp(`<link rel="stylesheet" href="/_theme/${theme}/[a-z-]+\\.[0-9a-f]+\\.css">`))
  expect(html, where).toContain('<header class="site-header" role="banner">')
  expect(html, where).toContain(`<span class="site-name">${site.name}</span>`)
  expect(html, where).toContain('<footer class="site-footer" role="contentinfo">')
  expect(html, where).toContain('<dt>网站标识码</dt>')
}

beforeAll(async () => {
  removeCopy()
  makeCopy()
  server = await bootSecurityServer('theme-pages')
  payload = server.payload
  for (const theme of ['portal', 'department', 'county'] as const) {
    const site = (
      await payload.find({
        collection: 'sites',
        where: { and: [{ theme: { equals: theme } }, { status: { equals: 'active' } }] },
        sort: 'id',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0] as Record<string, any>
    sites[theme] = { id: site.id, code: site.code, name: site.name }
    // A published letter of the site, for the letter's own page.
    const { submitLetter, systemClock } = await import('../../src/interaction')
    const letter = await submitLetter(payload, {
      submission: {
        subject: `${site.name}门口路灯不亮`,
        category: 'consultation',
        content: '路灯已坏一周。\n请尽快修复。',
        name: '李四',
        phone: '13800000000',
        email: undefined,
        publishable: true,
      } as never,
      route: 'site',
      siteId: site.id,
      organizationId: site.organization,
      clock: systemClock,
    })
    await payload.update({
      collection: 'letters' as never,
      id: letter.id,
      data: { status: 'replied', reply: '已安排维修。', repliedAt: new Date().toISOString(), publication: { approved: true } } as never,
      overrideAccess: true,
      context: { letterInternal: true },
    })
    letterOf[site.code] = letter.id
  }
}, 600_000)

afterAll(async () => {
  await server?.close()
  removeCopy()
})

describe('every public page renders through the site theme', () => {
  it.each(['portal', 'department', 'county'] as const)('%s: every page type carries the theme header and footer', async (theme) => {
    const site = sites[theme]
    for (const [name, url] of Object.entries(await pagesOf(site.code))) {
      const reply = await get(url)
      expect(reply.status, `${theme} ${name} ${url}`).toBe(name === 'not found' ? 404 : 200)
      expectThemeLayout(reply.body, theme, site, `${theme} ${name} ${url}`)
    }
  })

  it('a page that maps to no site (a bare host) is still a themed page, in the group theme', async () => {
    const reply = await raw(server.port, 'GET', '/letters/track', { host: 'unknown.example' })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatch(/<body class="theme-portal page-letter-track">/)
    expect(reply.body).toContain('<footer class="site-footer" role="contentinfo">')
  })

  it("the form guard's refusal (no CSRF token) is a page of the site theme too", async () => {
    const site = sites.county
    const reply = await raw(
      server.port,
      'POST',
      `/s/${site.code}/error-report`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      'description=%E8%B7%AF%E7%81%AF',
    )
    expect(reply.status).toBe(403)
    expectThemeLayout(reply.body, 'county', site, 'refusal')
    expect(reply.body).toContain('page-generic')
    expect(reply.body).toContain('路灯')
  })

  it('the sites collection offers the installed themes and names them when refusing an unknown one', async () => {
    // Text in the database (no enum to migrate per theme), a choice of the installed themes in the admin.
    const field = payload.collections.sites.config.fields.find((f) => 'name' in f && f.name === 'theme') as {
      type: string
      admin: { components: { Field: { clientProps: { options: Array<{ value: string }> } } } }
    }
    expect(field.type).toBe('text')
    expect(field.admin.components.Field.clientProps.options.map((o) => o.value)).toEqual(expect.arrayContaining(['county', 'department', 'portal', COPY]))
    await expect(
      payload.update({ collection: 'sites', id: sites.department.id, data: { theme: 'no-such-theme' } as never, overrideAccess: true }),
    ).rejects.toThrow(/theme|主题/)
    const error = await payload
      .update({ collection: 'sites', id: sites.department.id, data: { theme: 'no-such-theme' } as never, overrideAccess: true })
      .catch((e: { data?: { errors?: Array<{ message: string }> } }) => e)
    expect(JSON.stringify((error as { data?: unknown }).data ?? error)).toContain('未安装的主题')
  })

  it('a copied theme with another colour applies to every page of the site set to it', async () => {
    const site = sites.department
    await payload.update({ collection: 'sites', id: site.id, data: { theme: COPY } as never, overrideAccess: true })
    await server.sites.reloadIndex()
    server.sites.cache.clear()
    try {
      for (const [name, url] of Object.entries(await pagesOf(site.code))) {
        const reply = await get(url)
        expectThemeLayout(reply.body, COPY, site, `${COPY} ${name} ${url}`)
        const css = new RegExp(`href="(/_theme/${COPY}/department\\.[0-9a-f]+\\.css)"`).exec(reply.body)?.[1]
        expect(css, `${name}: the copy's stylesheet`).toBeTruthy()
        // Whatever the stylesheet's layout: the copy's header rule carries the new colour.
        expect((await get(css!)).body.replace(/\s+/g, ' '), `${name}: the copy's colour`).toContain(
          `.theme-${COPY} .site-header { border-bottom: 4px solid ${COPY_COLOUR}; }`,
        )
      }
    } finally {
      await payload.update({ collection: 'sites', id: site.id, data: { theme: 'department' } as never, overrideAccess: true })
    }
  })
})
