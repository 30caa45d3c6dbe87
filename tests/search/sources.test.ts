// Integration: letter replies (masked only), service guides, disclosure entries, the synonym
// settings, the query log and its report, and recovery after the engine failed mid-update.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashQueryCode, interactionPolicy } from '../../src/interaction'
import { publicArticleWhere } from '../../src/access'
import { lexicalParagraphs } from '../../src/seed/text'
import {
  createSearchEngine,
  searchIndexerEngine,
  searchIndexerFor,
  searchQueryReport,
  searchSourcesOf,
  SearchQueryLog,
  type SearchEngine,
} from '../../src/search/index'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { QueryReport } from '../../src/search/admin/QueryReport'
import { login, startApiServer } from '../helpers/http'
import { bootPayload, DEMO_PASSWORD, userByEmail } from '../helpers/payload'
import { startSearchServer, type SearchServer } from './http-helpers'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sources-'))
const indexFile = path.join(directory, 'index.db')
process.env.SEARCH_INDEX_PATH = indexFile

let payload: Payload
let engine: SearchEngine
let server: SearchServer
let queryLog: SearchQueryLog
let fgw: { id: number | string; organization: number | string }
const PHONE = '13907751234'
const ID_NUMBER = '450902198803151234'
const WRITER = '黄晓明'

async function api(pathAndQuery: string): Promise<any> {
  const res = await fetch(server.url + pathAndQuery)
  expect(res.status, pathAndQuery).toBe(200)
  return res.json()
}

async function createLetter(subject: string, publicationApproved: boolean) {
  const now = new Date()
  return payload.create({
    collection: 'letters' as never,
    overrideAccess: true,
    context: { letterInternal: true },
    data: {
      subject,
      category: interactionPolicy.letterCategories[0]!.value,
      content: `我叫${WRITER}，电话${PHONE}，身份证号${ID_NUMBER}，反映${subject}的问题。`,
      name: WRITER,
      phone: PHONE,
      publishable: true,
      route: 'site',
      site: fgw.id,
      status: 'replied',
      assignedOrganization: fgw.organization,
      receivedAt: new Date(now.getTime() - 86_400_000).toISOString(),
      deadline: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
      reply: `已联系${WRITER}（${PHONE}），问题已处理。`,
      repliedAt: now.toISOString(),
      publication: { approved: publicationApproved },
      queryCodeHash: hashQueryCode(`${subject}-${Math.random()}`),
    } as never,
  }) as Promise<{ id: number | string }>
}

async function indexedIds(): Promise<Set<string>> {
  const ids = new Set<string>()
  for await (const id of engine.allIds()) ids.add(id)
  return ids
}

beforeAll(async () => {
  payload = await bootPayload('search-sources', { seeded: true })
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as any
  fgw = { id: site.id, organization: site.organization }
  await searchIndexerFor(payload).reconcile()
  engine = createSearchEngine(process.env, { embedded: { workers: 1 } })
  queryLog = new SearchQueryLog(payload, { flushIntervalMs: 3_600_000 })
  server = await startSearchServer(payload, engine, { queryLog })
})

afterAll(async () => {
  await server?.close()
  await queryLog?.close()
  await engine?.close()
  await payload?.destroy()
  fs.rmSync(directory, { recursive: true, force: true })
})

describe('letter replies', () => {
  it('indexes only published replies, and only their masked text', async () => {
    const published = await createLetter('青蛙塘路灯不亮', true)
    const unapproved = await createLetter('青蛙塘井盖缺失', false)
    const indexer = searchIndexerFor(payload)
    expect(await indexer.syncDocument('letters', published.id)).toBe('indexed')
    expect(await indexer.syncDocument('letters', unapproved.id)).toBe('removed')

    const found = await api('/s/fgw/api/search?q=青蛙塘')
    expect(found.hits.map((hit: any) => hit.id)).toEqual([`letters:${published.id}`])
    expect(found.hits[0]).toMatchObject({ type: 'letter', url: `/s/fgw/letters/${published.id}` })
    for (const secret of [PHONE, ID_NUMBER, WRITER, PHONE.slice(-8)]) {
      expect((await api(`/api/search?scope=all&q=${secret}`)).total, secret).toBe(0)
    }
    // Nothing personal anywhere in the index file's stored text either.
    const db = new Database(indexFile, { readonly: true })
    const rows = db.prepare("SELECT title || ' ' || body AS text FROM docs WHERE id LIKE 'letters:%'").pluck().all() as string[]
    db.close()
    expect(rows.length).toBe(1)
    for (const secret of [PHONE, ID_NUMBER, WRITER]) expect(rows[0]).not.toContain(secret)
    expect(rows[0]).toContain('青蛙塘路灯不亮')
  })
})

describe('service guides and disclosure entries', () => {
  it("indexes published service guides under their organization's site", async (context) => {
    if (!searchSourcesOf(payload).some((source) => source.collection === 'service-guides')) {
      console.log('skipped: the service-guides collection is not configured in this build')
      return context.skip()
    }
    const guide = (await payload.create({
      collection: 'service-guides' as never,
      overrideAccess: true,
      data: {
        title: '企业投资项目核准办理指南（鹊桥试点）',
        organization: fgw.organization,
        conditions: '鹊桥试点企业',
        materials: '申请表',
        _status: 'published',
      } as never,
    })) as { id: number | string }
    await searchIndexerFor(payload).syncDocument('service-guides', guide.id)
    const found = await api('/s/fgw/api/search?q=鹊桥试点')
    expect(found.hits.map((hit: any) => hit.id)).toEqual([`service-guides:${guide.id}`])
    expect(found.hits[0].type).toBe('service-guide')
    expect(found.hits[0].url).toMatch(new RegExp(`^/s/fgw/[a-z/]+/g${guide.id}\\.html$`))
  })

  it('gives policy and disclosure articles the disclosure type', async () => {
    const result = await api('/api/search?scope=all&types=disclosure&pageSize=5')
    expect(result.total).toBeGreaterThan(0)
    expect(result.hits.every((hit: any) => hit.type === 'disclosure')).toBe(true)
  })
})

describe('synonym settings', () => {
  it("applies the central office's list to queries at once and refuses a malformed row", async () => {
    const central = await userByEmail(payload, 'admin@yulin.gov.cn')
    expect((await api('/api/search?scope=all&q=蓝莓村')).total).toBe(0)
    const letter = await createLetter('草莓村道路硬化', true)
    await searchIndexerFor(payload).syncDocument('letters', letter.id)
    await payload.updateGlobal({
      slug: 'search-settings' as never,
      data: { synonyms: [{ terms: '蓝莓村, 草莓村' }, { terms: '社保，社会保障' }] } as never,
      user: central,
      overrideAccess: false,
    })
    const found = await api('/api/search?scope=all&q=蓝莓村')
    expect(found.hits.map((hit: any) => hit.id)).toEqual([`letters:${letter.id}`])
    await expect(
      payload.updateGlobal({ slug: 'search-settings' as never, data: { synonyms: [{ terms: '只有一个词' }] } as never, user: central, overrideAccess: false }),
    ).rejects.toThrow(/row 1.*at least two terms/)
    const siteAdmin = await userByEmail(payload, 'siteadmin@fgw.yulin.gov.cn')
    await expect(
      payload.updateGlobal({ slug: 'search-settings' as never, data: { synonyms: [] } as never, user: siteAdmin, overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('query log', () => {
  it('aggregates searches per site, query and day and reports hot and zero-result queries by access', async () => {
    for (let i = 0; i < 3; i++) await api('/s/fgw/api/search?q=玉林')
    await api('/s/fgw/api/search?q=%E3%80%80玉林%20') // full-width space: the same normalized query
    await api('/s/fgw/api/search?q=玉林&page=2') // later pages are not new searches
    await api('/s/fgw/api/search?q=无人搜过的奇怪词汇')
    await api('/s/rsj/api/search?q=社保')
    await queryLog.flush()
    const { docs } = await payload.find({ collection: 'search-queries' as never, overrideAccess: true, pagination: false, depth: 0 })
    const rows = docs as any[]
    expect(rows.find((row) => row.siteCode === 'fgw' && row.query === '玉林')).toMatchObject({ searches: 4, zeroResultSearches: 0 })
    expect(rows.find((row) => row.query === '无人搜过的奇怪词汇')).toMatchObject({ searches: 1, zeroResultSearches: 1, lastHits: 0 })

    // The admin view's body, from the same data the endpoint serves, for a site admin: own sites only.
    const siteAdmin = await userByEmail(payload, 'siteadmin@fgw.yulin.gov.cn')
    const ownReport = await searchQueryReport(payload, siteAdmin as never, { days: 7 })
    expect(ownReport.sites.map((site) => site.site)).toEqual(['fgw'])
    const html = renderToStaticMarkup(createElement(QueryReport, { sites: ownReport.sites, days: 7 }))
    expect(html).toContain('无结果搜索词')
    expect(html).toContain('<td style="padding:4px 8px;border-bottom:1px solid var(--theme-elevation-100);text-align:left">无人搜过的奇怪词汇</td>')
    await expect(searchQueryReport(payload, siteAdmin as never, { days: 0 })).rejects.toThrow(/days must be/)

    const http = await startApiServer()
    try {
      const report = async (email: string) => {
        const res = await fetch(`${http.url}/api/search-queries/report?days=7`, { headers: { Authorization: await login(http.url, email, DEMO_PASSWORD) } })
        expect(res.status).toBe(200)
        return (await res.json()).sites as any[]
      }
      const all = await report('admin@yulin.gov.cn')
      expect(all.map((site) => site.site)).toEqual(expect.arrayContaining(['fgw', 'rsj']))
      const fgwReport = all.find((site) => site.site === 'fgw')
      expect(fgwReport.hot[0]).toMatchObject({ query: '玉林', searches: 4 })
      expect(fgwReport.zeroResults.map((stat: any) => stat.query)).toEqual(['无人搜过的奇怪词汇'])
      const own = await report('siteadmin@fgw.yulin.gov.cn')
      expect(own.map((site) => site.site)).toEqual(['fgw'])
      const anonymous = await fetch(`${http.url}/api/search-queries/report`)
      expect(anonymous.status).toBe(401)
      const bad = await fetch(`${http.url}/api/search-queries/report?days=9999`, {
        headers: { Authorization: await login(http.url, 'admin@yulin.gov.cn', DEMO_PASSWORD) },
      })
      expect(bad.status).toBe(400)
    } finally {
      await http.close()
    }
  })
})

describe('recovery', () => {
  it('catches up after the engine failed mid-update: reconcile makes the index equal the database', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const reviewer = await userByEmail(payload, 'reviewer@fgw.yulin.gov.cn')
    const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const
    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'tzgg' } }] },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]!
    const existing = (
      await payload.find({
        collection: 'articles',
        where: { and: [publicArticleWhere(), { site: { equals: fgw.id } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]!

    // The hooks' engine dies: every write throws. Editors' saves must still succeed.
    const hooksEngine = searchIndexerEngine(payload)
    const { upsert, remove } = hooksEngine
    hooksEngine.upsert = async () => Promise.reject(new Error('engine killed'))
    hooksEngine.remove = async () => Promise.reject(new Error('engine killed'))
    let created: { id: number | string }
    try {
      created = await payload.create({
        collection: 'articles',
        data: { title: '孔雀湾片区停电检修通知', column: column.id, body: lexicalParagraphs(['孔雀湾片区停电检修']) } as never,
        draft: true,
        ...as(editor),
      })
      await payload.update({ collection: 'articles', id: created.id, data: { state: 'in-review' }, draft: true, ...as(editor) })
      await payload.update({ collection: 'articles', id: created.id, data: { _status: 'published' }, ...as(reviewer) })
      await payload.update({ collection: 'articles', id: existing.id, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })
    } finally {
      hooksEngine.upsert = upsert
      hooksEngine.remove = remove
    }
    expect((await api('/api/search?scope=all&q=孔雀湾')).total).toBe(0) // missed while down
    expect((await indexedIds()).has(`articles:${existing.id}`)).toBe(true) // stale entry left

    const report = await searchIndexerFor(payload).reconcile()
    expect(report.removed).toBeGreaterThanOrEqual(1)
    const expected = new Set<string>()
    for (const source of searchSourcesOf(payload)) {
      const { docs } = await payload.find({
        collection: source.collection as 'articles',
        where: await source.publicWhere(),
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: {},
      })
      for (const doc of docs) expected.add(`${source.collection}:${doc.id}`)
    }
    expect(await indexedIds()).toEqual(expected)
    expect((await api('/api/search?scope=all&q=孔雀湾')).hits.map((hit: any) => hit.id)).toEqual([`articles:${created!.id}`])
  })
})
