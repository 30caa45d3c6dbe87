/**
 * Switching a unit own-site → portal columns → own-site on the seeded Yulin template: every old
 * address answers 301 with a page showing the same content, nothing is lost or renumbered, search
 * and the scorecard follow, an injected failure leaves everything as it was, and every bad request
 * is refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { bootPayload, userByEmail } from '../helpers/payload'
import { get as getWithAgent, startSitesServer, type TestServer } from '../sites/boot'
import { createPublicSites, type PublicSites } from '../../src/sites'
import { modeSwitchEndpoints, planModeSwitch, switchMode, HostingError, type ModeSwitchPlan } from '../../src/hosting'
import { searchIndexerEngine } from '../../src/search'
import { submitLetter, systemClock, letterCategoryValues } from '../../src/interaction'
import { activeIndicatorSet, evaluateOrganization, gatherInputs } from '../../src/scorecard'

type Doc = Record<string, any>
let payload: Payload
let sites: PublicSites
let server: TestServer
let org: Doc
let ownSite: Doc
let portal: Doc
const originalPages = new Map<string, string>() // old local URL → the <h1> text it showed

// Node's global agent keeps sockets alive; after a long switch the server may close an idle one just as it is reused (ECONNRESET).
const get = (port: number, path: string, headers: Record<string, string> = {}) => getWithAgent(port, path, { connection: 'close', ...headers })
const h1 = (html: string) => (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').trim()
const all = async (collection: string, where: Doc = {}) =>
  (await payload.find({ collection: collection as 'articles', where, depth: 0, pagination: false, overrideAccess: true, sort: 'id' })).docs as Doc[]

/** Everything of the unit a switch must not change, and (with `placement`) where it is. */
async function snapshot(placement: boolean) {
  const columns = (await all('columns', { ownerOrganization: { equals: org.id } })).map((c) => ({
    id: c.id,
    name: c.name,
    slug: c.slug,
    category: c.category,
    ...(placement ? { site: c.site, parent: c.parent, path: c.path } : {}),
  }))
  const articles = (await all('articles', { organization: { equals: org.id } })).map((a) => ({
    id: a.id,
    title: a.title,
    body: JSON.stringify(a.body),
    column: a.column,
    state: a.state,
    status: a._status,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    indexNumber: a.disclosure?.indexNumber,
    cover: a.cover,
    attachments: a.attachments,
    ...(placement ? { site: a.site } : {}),
  }))
  const versions = (await payload.countVersions({ collection: 'articles', where: { parent: { in: articles.map((a) => a.id) } }, overrideAccess: true }))
    .totalDocs
  const media = (await all('media', { organization: { equals: org.id } })).map((m) => ({
    id: m.id,
    filename: m.filename,
    alt: m.alt,
    ...(placement ? { site: m.site } : {}),
  }))
  const letters = (await all('letters', { assignedOrganization: { equals: org.id } })).map((l) => ({
    id: l.id,
    subject: l.subject,
    status: l.status,
    ...(placement ? { site: l.site } : {}),
  }))
  const guides = (await all('service-guides', { organization: { equals: org.id } })).map((g) => g.id)
  const organization = await payload.findByID({ collection: 'organizations', id: org.id, depth: 0, overrideAccess: true })
  const site = await payload.findByID({ collection: 'sites', id: ownSite.id, depth: 0, overrideAccess: true })
  const redirects = await all('redirects')
  return {
    columns,
    articles,
    versions,
    media,
    letters,
    guides,
    ...(placement
      ? {
          mode: organization.hostingMode,
          hostSite: organization.hostSite,
          siteStatus: site.status,
          redirects: redirects.length,
          portalColumns: (await all('columns', { site: { equals: portal.id } })).length,
        }
      : {}),
  }
}

/** A visit to an old address: 301 with a Location, and that location shows the same heading. */
async function expectMoved(oldUrl: string, expectedPrefix: string) {
  const moved = await get(server.port, oldUrl).catch((error) => Promise.reject(new Error(`${oldUrl}: ${error}`)))
  expect(moved.status, oldUrl).toBe(301)
  const location = String(moved.headers.location)
  expect(location.startsWith(expectedPrefix), `${oldUrl} → ${location}`).toBe(true)
  const page = await get(server.port, location).catch((error) => Promise.reject(new Error(`${oldUrl} → ${location}: ${error}`)))
  expect(page.status, location).toBe(200)
  expect(h1(page.body), location).toBe(originalPages.get(oldUrl))
  return location
}

/**
 * What every process does on its next poll of the database (or at once through the collection
 * hooks, which fire asynchronously): the switch's closing write to the organization makes the
 * public sites reload their index and redirects and clear the page cache. Awaited here so the
 * next request is deterministic.
 */
const followSwitch = () => sites.applyChanges([{ collection: 'organizations', doc: { id: org.id } }])

async function scorecardColumns() {
  const asOf = new Date()
  const gathered = await gatherInputs(payload, { asOf, organizationIds: [org.id], aggregates: 'local-api' } as never)
  const input = gathered.inputs.find((i) => String(i.organization.id) === String(org.id))!
  const set = (await activeIndicatorSet(payload))!
  const result = evaluateOrganization(set, input, asOf, undefined as never)
  const columns = (input.columns ?? [])
    .map((c) => ({ name: c.name, category: c.category, itemCount: c.itemCount, latestPublishedAt: c.latestPublishedAt }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.itemCount - b.itemCount)
  const columnIndicators = result.indicators.filter((r) => /column|栏目|update|更新/i.test(`${r.code} ${(r as Doc).name ?? ''}`)).map((r) => [r.code, r.status])
  return { columns, columnIndicators }
}

beforeAll(async () => {
  payload = await bootPayload('hosting', { seeded: true })
  sites = await createPublicSites({ payload, background: false, logger: { error: (obj, msg) => console.error(msg, obj) } })
  server = await startSitesServer(sites)
  ;[ownSite] = await all('sites', { code: { equals: 'fgw' } })
  ;[portal] = await all('sites', { code: { equals: 'www' } })
  org = await payload.findByID({ collection: 'organizations', id: ownSite.organization, depth: 0, overrideAccess: true })
  // A picture and a letter of the unit, so they are part of what moves.
  const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer()
  await payload.create({
    collection: 'media',
    data: { alt: '发改委大楼', site: ownSite.id, organization: org.id } as never,
    file: { data: image, mimetype: 'image/jpeg', name: 'fgw.jpg', size: image.length },
    overrideAccess: true,
  })
  await submitLetter(payload, {
    submission: {
      subject: '关于停车难的建议',
      category: letterCategoryValues[0],
      content: '小区周边停车位严重不足，建议增设公共停车场。'.repeat(2),
      name: '张三',
      phone: '13800138000',
      publishable: true,
    } as never,
    route: 'site',
    siteId: ownSite.id,
    organizationId: org.id,
    clock: systemClock,
  })
}, 240_000)

afterAll(async () => {
  await server?.close()
  await sites?.close()
})

describe('refusals', () => {
  it('refuses a unit already in that mode, an unknown or own host site, a bad or colliding slug', async () => {
    const keys = async (options: Doc) => (await planModeSwitch(payload, { organization: org.id, ...options } as never)).refusals.map((r) => r.key)
    expect(await keys({ to: 'own-site' })).toEqual(['alreadyInMode'])
    expect(await keys({ to: 'portal-columns', hostSite: 999_999 })).toEqual(['hostSiteNotActive'])
    expect(await keys({ to: 'portal-columns', hostSite: ownSite.id })).toEqual(['hostIsOwnSite'])
    expect(await keys({ to: 'portal-columns', slug: 'Bad Slug' })).toEqual(['invalidSlug'])
    const collide = await planModeSwitch(payload, { organization: org.id, to: 'portal-columns', parentColumn: null, slug: 'ywdt' })
    expect(collide.ok).toBe(false)
    expect(collide.refusals[0]).toMatchObject({ key: 'slugCollides' })
    expect(collide.refusals[0].zh).toContain('托管网站已有路径为“ywdt”的栏目')
    expect(collide.refusals[0].en).toContain('already has a column at “ywdt”')
    expect(await keys({ to: 'sideways' })).toEqual(['invalidTarget'])
    expect((await planModeSwitch(payload, { organization: 987_654, to: 'portal-columns' })).refusals[0].key).toBe('organizationNotFound')
    await expect(switchMode(payload, collide)).rejects.toBeInstanceOf(HostingError)
  })

  it('refuses a switch while another switch of the unit is running', async () => {
    const running = await payload.create({
      collection: 'mode-switches' as never,
      data: { organization: org.id, state: 'running', startedAt: new Date().toISOString() } as never,
      overrideAccess: true,
      context: { modeSwitchInternal: true },
    })
    const plan = await planModeSwitch(payload, { organization: org.id, to: 'portal-columns' })
    expect(plan.refusals.map((r) => r.key)).toEqual(['switchInProgress'])
    await payload.update({
      collection: 'mode-switches' as never,
      id: (running as Doc).id,
      data: { state: 'failed' } as never,
      overrideAccess: true,
      context: { modeSwitchInternal: true },
    })
    await expect(
      payload.create({ collection: 'mode-switches' as never, data: { organization: org.id, state: 'done' } as never, overrideAccess: true }),
    ).rejects.toThrow(/written by the switch only/)
  })

  it('refuses the admin action to anyone but a central admin (403) and previews for one', async () => {
    const [endpoint] = modeSwitchEndpoints
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const admin = await userByEmail(payload, 'admin@yulin.gov.cn')
    const call = (user: unknown, body: Doc) => endpoint.handler({ user, payload, json: async () => body } as never) as Promise<Response>
    const refused = await call(editor, { organization: org.id, to: 'portal-columns', dryRun: false })
    expect(refused.status).toBe(403)
    expect((await refused.json()).error).toContain('只有站群管理员')
    const preview = await call(admin, { organization: org.id, to: 'portal-columns' })
    expect(preview.status).toBe(200)
    const body = await preview.json()
    expect(body.dryRun).toBe(true)
    expect(body.plan.ok).toBe(true)
    expect(body.plan.counts.articles).toBeGreaterThan(0)
    expect((await payload.findByID({ collection: 'sites', id: ownSite.id, overrideAccess: true })).status).toBe('active')
  })

  it('refuses a redirect that would loop (A→B→A) when it is written', async () => {
    const a = await payload.create({
      collection: 'redirects' as never,
      data: { site: ownSite.id, fromPath: '/loop-a/', match: 'exact', toSite: portal.id, toPath: '/loop-b/' } as never,
      overrideAccess: true,
    })
    await expect(
      payload.create({
        collection: 'redirects' as never,
        data: { site: portal.id, fromPath: '/loop-b/', match: 'exact', toSite: ownSite.id, toPath: '/loop-a/' } as never,
        overrideAccess: true,
      }),
    ).rejects.toThrow(/跳转会形成循环.*would form a loop/)
    await expect(
      payload.create({
        collection: 'redirects' as never,
        data: { site: portal.id, fromPath: '/x/', match: 'exact', toSite: portal.id, toPath: '/x/' } as never,
        overrideAccess: true,
      }),
    ).rejects.toThrow(/cannot point at itself/)
    await payload.delete({ collection: 'redirects' as never, id: (a as Doc).id, overrideAccess: true })
  })
})

describe('own site → portal columns → own site', () => {
  let before: Awaited<ReturnType<typeof snapshot>>
  let scoreBefore: Awaited<ReturnType<typeof scorecardColumns>>
  let oldUrls: string[] = []
  let landing = ''

  it('records the original pages', async () => {
    before = await snapshot(false)
    expect(before.articles.length).toBeGreaterThan(5)
    expect(before.media.length).toBeGreaterThan(0)
    expect(before.letters.length).toBeGreaterThan(0)
    scoreBefore = await scorecardColumns()
    const columns = await all('columns', { site: { equals: ownSite.id } })
    const published = before.articles.filter((a) => a.status === 'published' && a.state === 'published').slice(0, 15)
    const pathOf = new Map(columns.map((c) => [String(c.id), c.path]))
    oldUrls = [
      '/s/fgw/',
      ...columns.filter((c) => !['services', 'interaction'].includes(c.category)).map((c) => `/s/fgw/${c.path}/`),
      ...published.map((a) => `/s/fgw/${pathOf.get(String(a.column))}/${a.id}.html`),
    ]
    for (const url of oldUrls) {
      const page = await get(server.port, url)
      expect(page.status, url).toBe(200)
      originalPages.set(url, h1(page.body))
    }
    expect(originalPages.size).toBeGreaterThan(10)
  })

  it('rolls everything back when the switch fails half-way', async () => {
    const full = await snapshot(true)
    const plan = await planModeSwitch(payload, { organization: org.id, to: 'portal-columns' })
    expect(plan.ok).toBe(true)
    await expect(switchMode(payload, plan, { failAfter: 5 })).rejects.toThrow(/已全部回滚|rolled back/)
    expect(await snapshot(true)).toEqual(full)
    const [record] = (await payload.find({ collection: 'mode-switches' as never, sort: '-createdAt', limit: 1, overrideAccess: true })).docs as Doc[]
    expect(record).toMatchObject({ state: 'failed' })
    expect((await get(server.port, '/s/fgw/')).status).toBe(200)
  })

  let toColumns: ModeSwitchPlan
  it('moves the site under a landing column on the portal, with redirects from every old URL', async () => {
    toColumns = await planModeSwitch(payload, { organization: org.id, to: 'portal-columns' })
    expect(toColumns.ok).toBe(true)
    landing = toColumns.target!.root
    expect(toColumns.counts).toMatchObject({
      articles: before.articles.length,
      media: before.media.length,
      letters: before.letters.length,
      versions: before.versions,
    })
    expect(toColumns.urls.find((u) => u.kind === 'home')).toEqual({
      kind: 'home',
      from: 'https://fgw.yulin.gov.cn/',
      to: `https://www.yulin.gov.cn/${landing}/`,
    })
    expect(toColumns.urls.some((u) => u.kind === 'catalogue' && u.from === 'https://fgw.yulin.gov.cn/gkml/')).toBe(true)
    const progress: number[] = []
    const result = await switchMode(payload, toColumns, { onProgress: (done) => progress.push(done) })
    await followSwitch()
    expect(progress.at(-1)).toBe(10)

    const after = await snapshot(false)
    const landingColumn = after.columns.find((c) => !before.columns.some((b) => b.id === c.id))
    expect(landingColumn).toMatchObject({ slug: toColumns.landing!.slug, category: 'other' })
    expect({ ...after, columns: after.columns.filter((c) => c !== landingColumn) }).toEqual(before) // content, versions, 索引号, media, letters: unchanged
    const placed = await snapshot(true)
    expect(placed.mode).toBe('portal-columns')
    expect(placed.siteStatus).toBe('archived')
    expect(placed.articles.every((a) => String(a.site) === String(portal.id))).toBe(true)
    expect(placed.media.every((m) => String(m.site) === String(portal.id))).toBe(true)
    expect(placed.letters.every((l) => String(l.site) === String(portal.id))).toBe(true)

    for (const url of oldUrls) await expectMoved(url, `/s/www/${landing}/`)
    // On the old domain the redirect goes to the portal's domain, and the catalogue to the unit's catalogue column.
    const byDomain = await get(server.port, '/', { host: 'fgw.yulin.gov.cn' })
    expect(byDomain.status).toBe(301)
    expect(byDomain.headers.location).toBe(`https://www.yulin.gov.cn/${landing}/`)
    const catalogue = await get(server.port, '/gkml/', { host: 'fgw.yulin.gov.cn' })
    expect(catalogue.headers.location).toBe(`https://www.yulin.gov.cn/${landing}/zfxxgk/`)
    expect((await get(server.port, `/${landing}/zfxxgk/`, { host: 'www.yulin.gov.cn' })).status).toBe(200)

    const audit = (await payload.find({ collection: 'audit-log', where: { action: { equals: 'mode-switch' } }, overrideAccess: true })).docs
    expect(audit).toHaveLength(1)
    const record = (await payload.findByID({ collection: 'mode-switches' as never, id: result.switchId, overrideAccess: true })) as Doc
    expect(record).toMatchObject({ state: 'done', progress: 100 })

    const article = before.articles.find((a) => a.status === 'published' && a.state === 'published')!
    const found = await searchIndexerEngine(payload).search({ text: article.title, pageSize: 50 })
    const hit = found.hits.find((h) => h.id === `articles:${article.id}`)
    expect(hit?.url).toMatch(new RegExp(`^/s/www/${landing}/.+/${article.id}\\.html$`))

    // The unit is evaluated over the columns it owns: the same columns with the same facts and the same column indicators;
    // only its new landing column (category "other", holding no articles of its own) is added.
    const score = await scorecardColumns()
    expect({ ...score, columns: score.columns.filter((c) => c.name !== toColumns.landing!.name) }).toEqual(scoreBefore)
  })

  it('refuses a new site whose code or domain is taken', async () => {
    const keys = async (site: Doc) => (await planModeSwitch(payload, { organization: org.id, to: 'own-site', site } as never)).refusals.map((r) => r.key)
    expect(await keys({ code: 'rsj' })).toContain('siteCodeTaken')
    expect(await keys({ code: 'fgw-new', domains: ['www.yulin.gov.cn'] })).toContain('domainTaken')
    expect(await keys({ code: 'fgw-new', domains: ['fgw.yulin.gov.cn'] })).toContain('domainTaken') // the archived site still answers there
    expect(await keys({ code: 'Bad Code' })).toContain('invalidSiteCode')
    expect(await keys({ code: 'fgw-new', identificationCode: '12' })).toContain('invalidIdentificationCode')
  })

  it('moves the subtree out to a new own site; every original and portal URL redirects there', async () => {
    const plan = await planModeSwitch(payload, { organization: org.id, to: 'own-site', site: { code: 'fgw-new', domains: ['fgwnew.yulin.gov.cn'] } })
    expect(plan.refusals).toEqual([])
    expect(plan.newSite).toMatchObject({ code: 'fgw-new', domains: ['fgwnew.yulin.gov.cn'] })
    expect(plan.newSite!.footer.sponsor).toBe(org.name)
    expect(plan.redirectChanges.filter((c) => c.action === 'retarget').length).toBeGreaterThan(0)
    const result = await switchMode(payload, plan)
    await followSwitch()
    const site = await payload.findByID({ collection: 'sites', id: result.targetSiteId, depth: 0, overrideAccess: true })
    expect(site).toMatchObject({ code: 'fgw-new', status: 'active', theme: 'department' })
    expect(await snapshot(false)).toEqual(before)
    const placed = await snapshot(true)
    expect(placed.mode).toBe('own-site')
    expect(placed.articles.every((a) => String(a.site) === String(site.id))).toBe(true)
    expect((await all('columns', { and: [{ site: { equals: portal.id } }, { ownerOrganization: { equals: org.id } }] })).length).toBe(0)

    // Original addresses go straight to the new site (one hop, no chain), with the same content.
    for (const url of oldUrls) await expectMoved(url, '/s/fgw-new/')
    const portalHome = await get(server.port, `/s/www/${landing}/`)
    expect(portalHome.status).toBe(301)
    expect(portalHome.headers.location).toBe('/s/fgw-new/')

    const article = before.articles.find((a) => a.status === 'published' && a.state === 'published')!
    const found = await searchIndexerEngine(payload).search({ text: article.title, pageSize: 50 })
    expect(found.hits.find((h) => h.id === `articles:${article.id}`)?.url).toMatch(new RegExp(`^/s/fgw-new/.+/${article.id}\\.html$`))
    expect(await scorecardColumns()).toEqual(scoreBefore)
    expect((await payload.find({ collection: 'audit-log', where: { action: { equals: 'mode-switch' } }, overrideAccess: true })).totalDocs).toBe(2)
  })
})
