/**
 * The Yuxi preset seeded by scripts/seed.ts: what it creates, how the public sites serve a
 * department that runs columns on the portal, and that search and the scorecard treat such a
 * unit as a unit.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicArticleWhere } from '../../src/access'
import { builtInIndicatorSet, evaluateOrganization, gatherInputs } from '../../src/scorecard'
import { parseSearchQuery, searchIndexerEngine, searchIndexerFor } from '../../src/search'
import { planPreset } from '../../src/seed'
import { createPublicSites, loadSiteIndex, unitHomeUrl, type PublicSites } from '../../src/sites/index'
import { get, startSitesServer, type TestServer } from '../sites/boot'
import { YUXI_ARTICLES, bootYuxi, findOne } from './yuxi'

let payload: Payload
let sites: PublicSites
let server: TestServer
const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true } as const
const plan = planPreset('yuxi')
type Doc = Record<string, any>
let portal: Doc
let fgw: Doc
let hongta: Doc
let yuxing: Doc

beforeAll(async () => {
  payload = await bootYuxi('yuxi-seeded')
  sites = await createPublicSites({ payload, background: false, logger: { error: (obj, msg) => console.error(msg, obj) } })
  server = await startSitesServer(sites)
  portal = await findOne(payload, 'sites', { code: { equals: 'www' } })
  fgw = await findOne(payload, 'organizations', { name: { equals: '玉溪市发展和改革委员会' } })
  hongta = await findOne(payload, 'sites', { code: { equals: 'hongta' } })
  yuxing = await findOne(payload, 'organizations', { name: { equals: '红塔区玉兴街道人民政府' } })
}, 900_000) // the first file to run builds the Yuxi template (minutes on a loaded machine)
afterAll(async () => {
  await server?.close()
  await sites?.close()
  await payload?.destroy()
})

describe('Yuxi preset, seeded', () => {
  it('creates the portal and the 9 county/district sites; every column-mode unit owns a subtree on its host site', async () => {
    const siteDocs = (await payload.find({ collection: 'sites', ...all })).docs
    expect(siteDocs.map((s) => s.code).sort()).toEqual(
      ['www', 'hongta', 'jiangchuan', 'chengjiang', 'tonghai', 'huaning', 'yimen', 'eshan', 'xinping', 'yuanjiang'].sort(),
    )
    expect(portal.name).toBe('玉溪网')
    const group = await payload.findGlobal({ slug: 'group-settings', overrideAccess: true })
    expect(group).toMatchObject({ preset: 'yuxi', baseDomain: 'yuxi.gov.cn', defaultHostingMode: 'portal-columns' })

    const orgs = (await payload.find({ collection: 'organizations', ...all })).docs
    const columnUnits = orgs.filter((o) => o.hostingMode === 'portal-columns')
    expect(orgs.filter((o) => o.kind === 'department' && o.hostingMode === 'portal-columns').length).toBeGreaterThanOrEqual(30)
    const columns = (await payload.find({ collection: 'columns', ...all })).docs
    const byId = new Map(columns.map((c) => [c.id, c]))
    for (const unit of columnUnits) {
      const owned = columns.filter((c) => c.ownerOrganization === unit.id)
      const roots = owned.filter((c) => byId.get(c.parent as number)?.ownerOrganization !== unit.id)
      expect(roots, unit.name).toHaveLength(1)
      expect(
        owned.every((c) => c.site === unit.hostSite),
        unit.name,
      ).toBe(true)
      const host = siteDocs.find((s) => s.id === unit.hostSite)!
      if (unit.kind === 'department') expect(roots[0].path).toMatch(/^bmlm\/[a-z]+$/)
      else expect(host.organization).toBe(unit.parent) // townships publish on their county's site
      expect(owned.length).toBeGreaterThan(5)
    }
    expect((await payload.count({ collection: 'articles', where: publicArticleWhere(), overrideAccess: true })).totalDocs).toBe(YUXI_ARTICLES)
  })

  it('creates the demo accounts, which log in with the Yuxi demo password', async () => {
    for (const account of plan.demoAccounts) {
      const result = await payload.login({ collection: 'users', data: { email: account.email, password: plan.demoPassword } })
      expect(result.user?.roles, account.email).toEqual(account.roles)
    }
    await expect(payload.login({ collection: 'users', data: { email: 'editor@fgw.yuxi.gov.cn', password: 'Demo#2026yl' } })).rejects.toThrow()
  })
})

describe('a department section on the portal', () => {
  it('serves the portal home with the departments in its unit list, linking to their sections', async () => {
    const home = await get(server.port, '/s/www/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('玉溪网')
    expect(home.body).toContain('href="/s/www/bmlm/fgw/">玉溪市发展和改革委员会</a>')
    const byDomain = await get(server.port, '/', { host: 'www.yuxi.gov.cn' })
    expect(byDomain.body).toContain('href="https://www.yuxi.gov.cn/bmlm/fgw/">玉溪市发展和改革委员会</a>')
  })

  it("renders the landing page with the unit's name as heading, its own navigation and its latest lists", async () => {
    const page = await get(server.port, '/s/www/bmlm/fgw/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1 class="unit-heading">玉溪市发展和改革委员会</h1>')
    const nav = /<nav class="column-side unit-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? ''
    for (const [title, slug] of [
      ['工作动态', 'gzdt'],
      ['通知公告', 'tzgg'],
      ['信息公开', 'xxgk'],
      ['办事指南', 'bszn'],
    ])
      expect(nav).toContain(`<a href="/s/www/bmlm/fgw/${slug}/">${title}</a>`)
    expect(nav).not.toContain('/bmlm/rsj/') // only this unit's columns
    expect(page.body).toMatch(/class="home-section section-news"[\s\S]*href="\/s\/www\/bmlm\/fgw\/gzdt\/\d+\.html"/)
    const byDomain = await get(server.port, '/bmlm/fgw/', { host: 'www.yuxi.gov.cn' })
    expect(byDomain.status).toBe(200)
    expect(byDomain.body).toContain('<a href="/bmlm/fgw/gzdt/">工作动态</a>')
  })

  it("sub-column pages keep the unit's navigation with the current column marked; articles name the unit as publisher", async () => {
    const column = await get(server.port, '/s/www/bmlm/fgw/gzdt/')
    expect(column.status).toBe(200)
    expect(column.body).toContain('<h1>工作动态</h1>')
    expect(column.body).toContain('<a href="/s/www/bmlm/fgw/gzdt/" aria-current="page">工作动态</a>')
    expect(column.body).toContain('<h2 class="unit-name"><a href="/s/www/bmlm/fgw/">玉溪市发展和改革委员会</a></h2>')
    const articleHref = /href="(\/s\/www\/bmlm\/fgw\/gzdt\/\d+\.html)"/.exec(column.body)![1]
    const article = await get(server.port, articleHref)
    expect(article.status).toBe(200)
    expect(article.body).toContain('发布单位：<a href="/s/www/bmlm/fgw/">玉溪市发展和改革委员会</a>')
    // Portal columns of the city itself are not a unit section.
    const news = await get(server.port, '/s/www/xw/')
    expect(news.body).not.toContain('unit-nav')
  })

  it("limits the section's catalogue and service guides to the unit", async () => {
    const catalogue = await get(server.port, '/s/www/bmlm/fgw/xxgk/')
    expect(catalogue.status).toBe(200)
    const publishers = [...(/<select id="f-publisher"[\s\S]*?<\/select>/.exec(catalogue.body)?.[0] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])
    expect(publishers).toEqual(['玉溪市发展和改革委员会'])
    const guides = await get(server.port, '/s/www/bmlm/fgw/bszn/')
    expect(guides.status).toBe(200)
    const titles = [...guides.body.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1])
    expect(titles).toContain('玉溪市发展和改革委员会')
    expect(titles).not.toContain('玉溪市人力资源和社会保障局')
    const portalGuides = await get(server.port, '/s/www/fw/bsfw/')
    expect(portalGuides.body).toContain('玉溪市人力资源和社会保障局') // the portal's own catalogue still lists every unit
  })

  it('lists column-mode units in the site directory, linked to their sections', async () => {
    const directory = await get(server.port, '/')
    expect(directory.status).toBe(200)
    expect(directory.body).toContain('<a href="/s/www/bmlm/fgw/">玉溪市发展和改革委员会</a>')
    expect(directory.body).toContain('<a href="/s/hongta/xzjd/yuxing/">红塔区玉兴街道人民政府</a>')
    expect(directory.body).toContain('<a href="/s/hongta/">红塔区人民政府门户网站</a>')
  })

  it('unitHomeUrl says where any organization publishes', async () => {
    const index = await loadSiteIndex(payload)
    const city = await findOne(payload, 'organizations', { kind: { equals: 'city' } })
    expect(unitHomeUrl(index, fgw.id)).toBe('https://www.yuxi.gov.cn/bmlm/fgw/')
    expect(unitHomeUrl(index, fgw.id, { local: true })).toBe('/s/www/bmlm/fgw/')
    expect(unitHomeUrl(index, hongta.organization)).toBe('https://www.hongta.gov.cn/')
    expect(unitHomeUrl(index, yuxing.id, { local: true })).toBe('/s/hongta/xzjd/yuxing/')
    expect(unitHomeUrl(index, city.id, { local: true })).toBe('/s/www/')
    expect(unitHomeUrl(index, 987_654_321)).toBeUndefined()
    expect(sites.unitHomeUrl(fgw.id, { local: true })).toBe('/s/www/bmlm/fgw/')
  })
})

describe('search and scorecard treat a column-mode unit as a unit', () => {
  it("search results for an article in the unit's subtree carry the unit as organization facet", async () => {
    await searchIndexerFor(payload).reconcile()
    const article = (
      await payload.find({
        collection: 'articles',
        where: { and: [{ organization: { equals: fgw.id } }, publicArticleWhere()] },
        sort: '-publishedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const engine = searchIndexerEngine(payload)
    const result = await engine.search(parseSearchQuery({ text: article.title, facets: true }))
    const hit = result.hits.find((h) => h.id === `articles:${article.id}`)!
    expect(hit).toMatchObject({ organization: fgw.code, organizationName: '玉溪市发展和改革委员会', site: 'www' })
    expect(hit.url).toMatch(/^\/s\/www\/bmlm\/fgw\/[a-z]+\/\d+\.html$/)
    expect(result.facets!.organization[fgw.code]).toBeGreaterThanOrEqual(1)
    const only = await engine.search(parseSearchQuery({ text: '', organizations: [fgw.code], facets: true, pageSize: 50 }))
    const articles = only.hits.filter((h) => h.id.startsWith('articles:'))
    expect(articles.length).toBe(
      (await payload.count({ collection: 'articles', where: { and: [{ organization: { equals: fgw.id } }, publicArticleWhere()] }, overrideAccess: true }))
        .totalDocs,
    )
    expect(articles.every((h) => h.url.startsWith('/s/www/bmlm/fgw/'))).toBe(true)
    expect(only.hits.every((h) => h.organization === fgw.code)).toBe(true) // its service guides too
  })

  it("the scorecard gathers the unit's columns on the portal and scores them", async () => {
    const asOf = new Date()
    const owned = (await payload.find({ collection: 'columns', where: { ownerOrganization: { equals: fgw.id } }, ...all })).docs
    const { inputs } = await gatherInputs(payload, { asOf, organizationIds: [fgw.id, yuxing.id] })
    const input = inputs.find((i) => i.organization.id === fgw.id)!
    expect(input.organization.hostingMode).toBe('portal-columns')
    expect(input.site).toBeUndefined()
    expect(input.columns!.map((c) => c.id).sort()).toEqual(owned.map((c) => c.id).sort())
    expect(input.columns!.every((c) => String(c.siteId) === String(portal.id))).toBe(true)
    expect(input.columns!.filter((c) => c.onHomepage).map((c) => c.path)).toEqual(['bmlm/fgw'])
    expect(input.interactionChannel).toEqual({ available: true, target: { collection: 'columns', id: owned.find((c) => c.category === 'interaction')!.id } })

    const set = builtInIndicatorSet('national-2019')
    const result = evaluateOrganization(set, input, asOf)
    expect(result.status).not.toBe('not-applicable')
    expect(result.indicators.find((i) => i.code === 'V4.3')!.status).toBe('pass') // every content column of fgw holds an article
    // A township seeded after the first YUXI_ARTICLES leaves has blank columns, and is scored for them.
    const township = evaluateOrganization(
      set,
      inputs.find((i) => i.organization.id === yuxing.id)!,
      asOf,
    )
    const blank = township.indicators.find((i) => i.code === 'V4.3')!
    expect(blank.status).toBe('fail')
    expect(blank.count).toBeGreaterThan(0)
  })
})
