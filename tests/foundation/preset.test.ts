import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicArticleWhere } from '../../src/access'
import { planPreset } from '../../src/seed'
import { DEMO_PASSWORD, bootPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await bootPayload('preset', { seeded: true })
})
afterAll(async () => payload?.destroy())

const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true } as const

describe('Yulin preset', () => {
  it('seeds the portal and 159 unit sites with their organizations', async () => {
    const sites = await payload.find({ collection: 'sites', ...all })
    expect(sites.docs).toHaveLength(160)
    const portal = sites.docs.find((s) => s.code === 'www')!
    expect(portal.name).toBe('中国玉林')
    expect(portal.theme).toBe('portal')
    expect(portal.domains?.map((d) => d.domain)).toContain('www.yulin.gov.cn')
    expect(sites.docs.find((s) => s.code === 'fgw')?.domains?.[0]?.domain).toBe('fgw.yulin.gov.cn')
    const codes = sites.docs.map((s) => s.identificationCode)
    expect(new Set(codes).size).toBe(160)
    for (const code of codes) expect(code).toMatch(/^\d{10}$/)
    for (const site of sites.docs) {
      expect(site.settings?.footer?.icp).toMatch(/^桂ICP备\d+号$/)
      expect(site.settings?.footer?.publicSecurity).toMatch(/^桂公网安备 \d+号$/)
    }

    const orgs = await payload.find({ collection: 'organizations', ...all })
    const counties = orgs.docs.filter((o) => o.kind === 'county' || o.kind === 'district').map((o) => o.shortName)
    expect(counties.sort()).toEqual(['兴业县', '北流市', '博白县', '容县', '玉州区', '福绵区', '陆川县'].sort())
    expect(orgs.docs.filter((o) => o.kind === 'city')).toHaveLength(1)
  })

  it('gives every site the standard column tree with unique paths', async () => {
    const columns = await payload.find({ collection: 'columns', ...all })
    const bySite = new Map<string, typeof columns.docs>()
    for (const c of columns.docs) bySite.set(String(c.site), [...(bySite.get(String(c.site)) ?? []), c])
    expect(bySite.size).toBe(160)
    for (const [, list] of bySite) {
      const paths = list.map((c) => c.path)
      expect(new Set(paths).size).toBe(paths.length)
      const roots = list.filter((c) => !c.parent).map((c) => c.name)
      expect(roots).toEqual(expect.arrayContaining(['通知公告', '政策文件', '政府信息公开', '办事服务', '互动交流']))
      for (const c of list.filter((c) => c.parent)) {
        const parent = list.find((p) => p.id === c.parent)!
        expect(c.path).toBe(`${parent.path}/${c.slug}`)
      }
    }
    const fgw = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, ...all })).docs[0]
    const fgwColumns = bySite.get(String(fgw.id))!
    expect(fgwColumns.map((c) => c.path)).toEqual(expect.arrayContaining(['jggk', 'jggk/ldxx', 'gzdt', 'tzgg', 'zcwj/gfxwj', 'zfxxgk', 'bsfw', 'hdjl/qzlx']))
    expect(fgwColumns.every((c) => c.ownerOrganization === fgw.organization)).toBe(true)
  })

  it('creates the demo accounts, which can log in', async () => {
    const plan = planPreset('yulin')
    for (const account of plan.demoAccounts) {
      const result = await payload.login({ collection: 'users', data: { email: account.email, password: DEMO_PASSWORD } })
      expect(result.user?.roles).toEqual(account.roles)
    }
  })

  it('bulk-seeded articles read back through the Local API, consistent and with versions', async () => {
    const published = await payload.count({ collection: 'articles', where: publicArticleWhere(), overrideAccess: true })
    expect(published.totalDocs).toBe(3000)
    const sample = await payload.find({ collection: 'articles', limit: 200, depth: 1, overrideAccess: true, sort: '-id' })
    const seen = new Set<string>()
    for (const article of sample.docs) {
      const column = article.column as { site: unknown; ownerOrganization: unknown }
      expect(typeof article.site === 'object' ? (article.site as { id: unknown }).id : article.site).toBe(column.site)
      expect(typeof article.organization === 'object' ? (article.organization as { id: unknown }).id : article.organization).toBe(column.ownerOrganization)
      const org = article.organization as { code: string }
      expect(article.disclosure?.indexNumber).toMatch(new RegExp(`^${org.code}/\\d{4}-\\d{5}$`))
      expect(seen.has(article.disclosure!.indexNumber!)).toBe(false)
      seen.add(article.disclosure!.indexNumber!)
      expect((article.body as { root?: { children?: unknown[] } })?.root?.children?.length).toBeGreaterThan(0)
    }
    const drafts = await payload.find({ collection: 'articles', draft: true, limit: 5, depth: 0, overrideAccess: true })
    expect(drafts.totalDocs).toBe(3000)
    const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: sample.docs[0].id } }, overrideAccess: true })
    expect(versions.totalDocs).toBe(1)
  })

  it('dates spread over years, with every news column fresh', async () => {
    const oldest = await payload.find({ collection: 'articles', sort: 'publishedAt', limit: 1, depth: 0, overrideAccess: true })
    expect(Date.now() - new Date(oldest.docs[0].publishedAt!).getTime()).toBeGreaterThan(2 * 365 * 86_400_000)
    const news = await payload.find({ collection: 'columns', where: { category: { equals: 'news' } }, ...all })
    const leaves = news.docs.filter((c) => !news.docs.some((other) => other.parent === c.id))
    for (const column of leaves.slice(0, 40)) {
      const latest = await payload.find({
        collection: 'articles',
        where: { column: { equals: column.id } },
        sort: '-publishedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      expect(Date.now() - new Date(latest.docs[0].publishedAt!).getTime()).toBeLessThan(14 * 86_400_000)
    }
  })
})
