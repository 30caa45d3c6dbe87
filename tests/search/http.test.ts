// Integration over HTTP: the search router on a seeded Yulin database, with the articles hooks
// writing to the same index file the router's engine (one query worker) reads.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { createSearchEngine, EmbeddedSearchEngine, searchIndexerFor, type SearchEngine } from '../../src/search/index'
import { bootPayload, userByEmail } from '../helpers/payload'
import { getWithHost, startSearchServer, type SearchServer } from './http-helpers'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-http-'))
process.env.SEARCH_INDEX_PATH = path.join(directory, 'index.db')

let payload: Payload
let engine: SearchEngine
let server: SearchServer
let editor: Awaited<ReturnType<typeof userByEmail>>
let reviewer: Awaited<ReturnType<typeof userByEmail>>
let column: { id: number | string }
const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const

async function api(pathAndQuery: string): Promise<{ status: number; json: any }> {
  const res = await fetch(server.url + pathAndQuery)
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`)
  }
  return { status: res.status, json }
}

async function createArticle(title: string, body: string) {
  return payload.create({ collection: 'articles', data: { title, column: column.id, body: lexicalParagraphs([body]) } as never, draft: true, ...as(editor) })
}

async function publish(id: number | string) {
  await payload.update({ collection: 'articles', id, data: { state: 'in-review' }, draft: true, ...as(editor) })
  await payload.update({ collection: 'articles', id, data: { _status: 'published' }, ...as(reviewer) })
}

beforeAll(async () => {
  payload = await bootPayload('search-http', { seeded: true })
  editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
  reviewer = await userByEmail(payload, 'reviewer@fgw.yulin.gov.cn')
  column = (
    await payload.find({
      collection: 'columns',
      where: { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'tzgg' } }] },
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]!
  await searchIndexerFor(payload).reconcile()
  engine = createSearchEngine(process.env, { embedded: { workers: 1 } })
  server = await startSearchServer(payload, engine, { queryLog: false })
})

afterAll(async () => {
  await server?.close()
  await engine?.close()
  await payload?.destroy()
  fs.rmSync(directory, { recursive: true, force: true })
})

describe('GET /api/search', () => {
  it('finds a published article on the next query, never a draft, and drops it when withdrawn', async () => {
    expect((await api('/api/search?q=翡翠谷&scope=all')).json.total).toBe(0)
    const draft = await createArticle('翡翠谷草稿', '翡翠谷的草稿正文')
    const article = await createArticle('关于翡翠谷片区供水改造的通知', '翡翠谷片区居民供水管网改造')
    await publish(article.id)

    const found = await api('/s/fgw/api/search?q=翡翠谷')
    expect(found.status).toBe(200)
    expect(found.json.hits.map((hit: any) => hit.id)).toEqual([`articles:${article.id}`])
    expect(found.json.hits[0].titleHighlighted).toContain('<mark>翡翠谷</mark>')
    expect(found.json.query).toMatchObject({ scope: 'site', site: 'fgw' })
    expect(found.json.hits.some((hit: any) => hit.id === `articles:${draft.id}`)).toBe(false)

    await payload.update({ collection: 'articles', id: article.id, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })
    const gone = await api('/api/search?q=翡翠谷&scope=all')
    expect(gone.json.total).toBe(0)
  })

  it('scopes to the site in the path, the Host header, or all sites', async () => {
    const scoped = await api('/s/fgw/api/search?q=玉林&pageSize=50')
    expect(scoped.json.total).toBeGreaterThan(0)
    expect(new Set(scoped.json.hits.map((hit: any) => hit.site))).toEqual(new Set(['fgw']))
    expect(Object.keys(scoped.json.facets.site.length ? Object.fromEntries(scoped.json.facets.site.map((f: any) => [f.value, 1])) : {})).toEqual(['fgw'])

    const byHost = await getWithHost(`${server.url}/api/search?q=玉林&pageSize=50`, 'fgw.yulin.gov.cn')
    const hostJson = JSON.parse(byHost.body)
    expect(hostJson.query.site).toBe('fgw')
    expect(hostJson.hits.every((hit: any) => hit.site === 'fgw')).toBe(true)

    const all = await api('/s/fgw/api/search?q=玉林&scope=all&pageSize=50')
    expect(all.json.total).toBeGreaterThan(scoped.json.total)
    expect(all.json.facets.site.length).toBeGreaterThan(1)
    const other = all.json.facets.site.find((facet: any) => facet.value !== 'fgw')
    expect(other.label).not.toBe(other.value) // facets carry site names, not codes

    const filtered = await api(`/api/search?q=玉林&scope=all&sites=${other.value}&pageSize=50`)
    expect(filtered.json.total).toBe(other.count)
    expect(filtered.json.hits.every((hit: any) => hit.site === other.value)).toBe(true)

    expect((await api('/s/no-such-site/api/search?q=玉林')).status).toBe(404)
  })

  it('sorts by date, pages, and filters by type and year', async () => {
    const byDate = await api('/api/search?q=玉林&scope=all&sort=date&pageSize=20')
    const dates = byDate.json.hits.map((hit: any) => hit.publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    const second = await api('/api/search?q=玉林&scope=all&sort=date&pageSize=20&page=2')
    expect(second.json.hits[0].publishedAt <= dates.at(-1)).toBe(true)
    expect(second.json.page).toBe(2)
    const year = byDate.json.facets.year[0]
    const inYear = await api(`/api/search?q=玉林&scope=all&years=${year.value}`)
    // Facet counts come from a larger sample than the exact total (settings: limits.totalExactLimit).
    if (inYear.json.estimate) expect(year.count).toBeGreaterThan(inYear.json.total)
    else expect(inYear.json.total).toBe(year.count)
    const type = byDate.json.facets.type[0]
    const ofType = await api(`/api/search?q=玉林&scope=all&types=${type.value}&pageSize=50`)
    expect(ofType.json.hits.every((hit: any) => hit.type === type.value)).toBe(true)
  })

  it('answers bad or FTS-laden input with a normal result or a clear 400, never a 500', async () => {
    const cases: [string, number][] = [
      ['', 200],
      ['"', 200],
      ['""', 200],
      ['"低保', 200],
      ['*', 200],
      ['低保*', 200],
      ['NEAR(低保 医保)', 200],
      ['低保 OR 医保', 200],
      ['低保 AND NOT 医保', 200],
      ['(低保) ^ : - {}', 200],
      ['\u0000\u0001低保\u001f\u007f', 200],
      ['\u202e\u200b', 200],
      ['x'.repeat(10_240), 400],
      ['低'.repeat(101), 400],
    ]
    for (const [q, expected] of cases) {
      const { status, json } = await api(`/api/search?scope=all&q=${encodeURIComponent(q)}`)
      expect(status, JSON.stringify(q.slice(0, 40))).toBe(expected)
      if (status === 400) expect(json.error).toMatch(/longer than 100 characters/)
      else expect(Array.isArray(json.hits)).toBe(true)
    }
    const bad: [string, RegExp][] = [
      ['q=a&q=b', /only once|given once/],
      ['q=a&page=0', /page/],
      ['q=a&page=abc', /positive integer/],
      ['q=a&pageSize=500', /pageSize/],
      ['q=a&sort=best', /sort must be/],
      ['q=a&scope=world', /scope must be/],
      ['q=a&types=blog', /types/],
      ['q=a&years=12', /years/],
      ['q=a&from=2024-13-45', /publishedFrom|date/],
      ['q=a&from=2025-01-01&to=2024-01-01', /after/],
      ['q=a&colour=red', /unknown parameter/],
      ['q=a&scope=all&sites=BAD%20CODE', /site codes/],
    ]
    for (const [query, message] of bad) {
      const { status, json } = await api(`/api/search?${query}`)
      expect(status, query).toBe(400)
      expect(json.error, query).toMatch(message)
    }
  })

  it('helps when nothing is found: all sites, dropping a word, synonyms', async () => {
    const article = await createArticle('银杏坡村道硬化工程公示', '银杏坡村道硬化')
    await publish(article.id)
    const onKjj = await api(`/s/kjj/api/search?q=${encodeURIComponent('银杏坡')}`)
    expect(onKjj.json.total).toBe(0)
    expect(onKjj.json.suggestions).toContainEqual(
      expect.objectContaining({ kind: 'all-sites', total: 1, scope: 'all', href: expect.stringContaining('scope=all') }),
    )
    const split = await api(`/api/search?scope=all&q=${encodeURIComponent('银杏坡道硬化')}`)
    expect(split.json.total).toBe(0)
    expect(split.json.suggestions).toContainEqual(expect.objectContaining({ kind: 'split', text: '银杏坡 道硬化' }))

    const dropped = await api(`/api/search?scope=all&q=${encodeURIComponent('玉林 根本不存在的词语组合')}`)
    expect(dropped.json.total).toBe(0)
    expect(dropped.json.suggestions).toContainEqual(expect.objectContaining({ kind: 'drop-term', dropped: '根本不存在的词语组合', q: '玉林' }))
    const synonyms = await api('/api/search?scope=all&q=社保')
    expect(synonyms.json.suggestions).toContainEqual(
      expect.objectContaining({ kind: 'synonyms', term: '社保', alternatives: expect.arrayContaining(['社会保障']) }),
    )
  })
})

describe('GET /search (HTML)', () => {
  it('renders an accessible form, highlighted results, facets and pagination', async () => {
    const res = await fetch(`${server.url}/s/fgw/search?q=玉林`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<form role="search"/)
    expect(html).toMatch(/<label for="sg-search-q">/)
    expect(html).toContain('<mark>玉林</mark>')
    expect(html).toMatch(/<nav class="facets" aria-label="筛选结果">/)
    expect(html).toMatch(/<nav class="pager" aria-label="分页">/)
    expect(html).toContain('本站（玉林市发展和改革委员会）')
  })

  it('escapes what the visitor typed and shows input errors as a normal page', async () => {
    const xss = await fetch(`${server.url}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    expect(xss.status).toBe(200)
    const html = await xss.text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;')
    const long = await fetch(`${server.url}/search?q=${'x'.repeat(10_240)}`)
    expect(long.status).toBe(400)
    expect(await long.text()).toMatch(/搜索条件有误.*longer than 100 characters/)
  })
})

describe('rate limit', () => {
  it('answers 429 with a message past the per-address limit', async () => {
    const limited = await startSearchServer(payload, engine, { queryLog: false, rateLimit: { windowSeconds: 60, limit: 2 } })
    try {
      for (let i = 0; i < 2; i++) expect((await fetch(`${limited.url}/api/search?q=玉林`)).status).toBe(200)
      const refused = await fetch(`${limited.url}/api/search?q=玉林`)
      expect(refused.status).toBe(429)
      expect((await refused.json()).error).toMatch(/too many searches/)
      const page = await fetch(`${limited.url}/search?q=玉林`)
      expect(page.status).toBe(429)
      expect(await page.text()).toContain('搜索过于频繁')
    } finally {
      await limited.close()
    }
  })
})

describe('degrading', () => {
  it('says search is temporarily unavailable (503) when the engine is down or rebuilding', async () => {
    const file = path.join(directory, 'down.db')
    const down = new EmbeddedSearchEngine({ file, workers: 0 })
    const downServer = await startSearchServer(payload, down, { queryLog: false })
    try {
      await down.markRebuilding(true)
      const rebuilding = await fetch(`${downServer.url}/api/search?q=低保`)
      expect(rebuilding.status).toBe(503)
      expect((await rebuilding.json()).error).toMatch(/搜索暂时不可用/)
      await down.close()
      const api503 = await fetch(`${downServer.url}/api/search?q=低保`)
      expect(api503.status).toBe(503)
      const page = await fetch(`${downServer.url}/search?q=低保`)
      expect(page.status).toBe(503)
      expect(await page.text()).toContain('搜索暂时不可用')
    } finally {
      await downServer.close()
    }
  })
})
