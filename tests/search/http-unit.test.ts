// Unit tests without Payload: request parsing, the result cache and its invalidation across
// engine instances, the extra sources' documents, the query report and the synonym rows.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/search/corpus'
import {
  chinaDay,
  createSearchIndexer,
  EmbeddedSearchEngine,
  readSearchRequest,
  reportFromAggregates,
  ResultCache,
  SearchInputError,
  searchQueryString,
  synonymGroupsFromRows,
} from '../../src/search/index'
import { letterSearchSource as letterSource } from '../../src/interaction/index'
import { serviceGuideSearchSource as serviceGuideSource } from '../../src/sites/index'
import { searchSources } from '../../src/search-sources'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-unit-'))
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

describe('readSearchRequest', () => {
  const read = (query: Record<string, unknown>, strict = true) => readSearchRequest(query, { strict, defaultPageSize: 10 })

  it('reads lists, defaults and round-trips through the query string', () => {
    const request = read({ q: '低保', scope: 'all', sites: 'fgw,rsj', types: ['letter', 'article'], years: '2024', page: '2' })
    expect(request).toMatchObject({
      q: '低保',
      scope: 'all',
      sites: ['fgw', 'rsj'],
      types: ['letter', 'article'],
      years: ['2024'],
      page: 2,
      pageSize: 10,
      sort: 'relevance',
    })
    expect(read(Object.fromEntries(new URLSearchParams(searchQueryString(request, {}, 10))))).toEqual(request)
  })

  it('refuses unknown parameters only when strict, and malformed ones always', () => {
    expect(() => read({ q: 'a', utm_source: 'x' })).toThrow(/unknown parameter\): utm_source/)
    expect(read({ q: 'a', utm_source: 'x' }, false).q).toBe('a')
    expect(() => read({ q: ['a', 'b'] })).toThrow(SearchInputError)
    expect(() => read({ page: '-1' })).toThrow(/positive integer/)
    expect(() => read({ scope: 'everything' })).toThrow(/scope must be/)
    expect(() => read({ sites: { a: 1 } })).toThrow(/malformed/)
  })
})

describe('ResultCache', () => {
  it('drops entries when the generation changes, expires them and evicts the least recently used', () => {
    const cache = new ResultCache<number>({ maxEntries: 2, maxAgeMs: 1000 })
    cache.sync('g1')
    cache.set('a', 1, 0)
    cache.set('b', 2, 0)
    expect(cache.get('a', 10)).toBe(1)
    cache.set('c', 3, 10) // evicts b, the least recently used
    expect(cache.get('b', 10)).toBeUndefined()
    expect(cache.get('a', 2000)).toBeUndefined() // expired
    cache.sync('g1')
    expect(cache.get('c', 20)).toBe(3)
    cache.sync('g2')
    expect(cache.get('c', 20)).toBeUndefined()
  })
})

describe('embedded engine caches', () => {
  it('never serves a cached result older than a write made by another engine on the same file', async () => {
    const file = path.join(directory, 'shared.db')
    const writer = new EmbeddedSearchEngine({ file, workers: 0 })
    const reader = new EmbeddedSearchEngine({ file, workers: 0 })
    const docs = [...generateCorpus({ count: 200, seed: 11, bodyLength: 120 })]
    await writer.upsert(docs)
    const first = await reader.search({ text: '容县' })
    const again = await reader.search({ text: '容县' })
    expect(again.total).toBe(first.total)
    expect(reader.cacheStats().resultHits).toBe(1)

    const extra = { ...docs[0]!, id: 'articles:extra-1', title: '容县新闻', publishedAt: new Date().toISOString() }
    await writer.upsert([extra])
    const after = await reader.search({ text: '容县' })
    expect(after.total).toBe(first.total + 1)
    expect(after.hits[0]!.id).toBe('articles:extra-1')

    // Synonyms set through the writer apply to the reader's next query, with no restart.
    expect((await reader.search({ text: '鸵鸟' })).total).toBe(0)
    await writer.setSynonyms([['鸵鸟', '容县']])
    expect((await reader.search({ text: '鸵鸟' })).total).toBe(after.total)

    await writer.markRebuilding(true)
    await expect(reader.search({ text: '容县' })).rejects.toThrow(/being rebuilt/)
    await writer.markRebuilding(false)
    expect((await reader.search({ text: '容县' })).total).toBe(after.total)
    await writer.close()
    await reader.close()
  })

  it('gives the same answers with and without the caches (page 2 reuses the count)', async () => {
    const file = path.join(directory, 'same.db')
    const cached = new EmbeddedSearchEngine({ file, workers: 0 })
    await cached.upsert([...generateCorpus({ count: 500, seed: 12, bodyLength: 150 })])
    const cold = new EmbeddedSearchEngine({ file, workers: 0, cache: false })
    for (const query of [{ text: '低保', facets: true }, { text: '低保', page: 2, facets: true }, { text: '容县 医保', sort: 'date' as const }, { text: '' }]) {
      const { tookMs: _a, ...one } = await cached.search(query)
      const { tookMs: _b, ...two } = await cold.search(query)
      expect(one).toEqual(two)
    }
    expect(cached.cacheStats().countHits).toBeGreaterThan(0)
    expect(cold.cacheStats().resultHits).toBe(0)
    await cached.close()
    await cold.close()
  })
})

describe('reconcile and the rebuilding flag', () => {
  it('clears a flag left by a rebuild that was killed half-way', async () => {
    const engine = new EmbeddedSearchEngine({ file: path.join(directory, 'killed.db'), workers: 0 })
    await engine.upsert([...generateCorpus({ count: 20, seed: 13, bodyLength: 80 })])
    await engine.markRebuilding(true) // what a killed `search:reindex -- --full` leaves behind
    await expect(engine.search({ text: '容县' })).rejects.toThrow(/being rebuilt/)
    // A Payload with no searchable collections: reconcile empties the index and must switch search back on.
    const payload = { collections: {}, globals: { config: [] }, logger: { error: () => {} } } as never
    const report = await createSearchIndexer(payload, engine, searchSources).reconcile()
    expect(report).toMatchObject({ indexed: 0, removed: 20 })
    expect((await engine.search({ text: '容县' })).total).toBe(0)
    await engine.close()
  })
})

const lookups = {
  column: async () => null,
  site: async (id: number | string) => (String(id) === '3' ? { id: 3, code: 'fgw', name: '玉林市发展和改革委员会', organization: 30 } : null),
  organization: async (id: number | string) => (String(id) === '30' ? { code: 'ORG030', name: '发改委' } : null),
  siteOfOrganization: async (id: number | string) => (String(id) === '30' ? { id: 3, code: 'fgw', name: '玉林市发展和改革委员会', organization: 30 } : null),
  servicesPath: async () => 'bsfw',
}

describe('extra sources', () => {
  const letter = {
    id: 9,
    site: 3,
    status: 'replied',
    publishable: true,
    publication: { approved: true },
    subject: '张三 13907751234 反映',
    content: 'raw',
    publicSubject: '张* 139****1234 反映',
    publicContent: '内容',
    publicReply: '已处理',
    repliedAt: '2025-03-01T02:00:00.000Z',
  }

  it('builds a letter document from the masked fields only, and none for unpublished letters', async () => {
    const doc = await letterSource.toDocument(letter, lookups)
    expect(doc).toMatchObject({
      id: 'letters:9',
      type: 'letter',
      site: 'fgw',
      organization: 'ORG030',
      title: '张* 139****1234 反映',
      url: '/s/fgw/letters/9',
      year: 2025,
    })
    expect(doc!.body).toBe('内容\n答复：已处理')
    expect(JSON.stringify(doc)).not.toContain('13907751234')
    expect(await letterSource.toDocument({ ...letter, publication: { approved: false } }, lookups)).toBeNull()
    expect(await letterSource.toDocument({ ...letter, status: 'in-progress' }, lookups)).toBeNull()
    expect(await letterSource.toDocument({ ...letter, publishable: false }, lookups)).toBeNull()
  })

  it("builds a service-guide document on its organization's site, none for drafts", async () => {
    const guide = {
      id: 5,
      title: '企业投资项目核准',
      organization: 30,
      conditions: '条件',
      materials: '材料',
      _status: 'published',
      updatedAt: '2024-12-31T20:00:00.000Z',
    }
    const doc = await serviceGuideSource.toDocument(guide, lookups)
    expect(doc).toMatchObject({ id: 'service-guides:5', type: 'service-guide', site: 'fgw', url: '/s/fgw/bsfw/g5.html', year: 2025 })
    expect(await serviceGuideSource.toDocument({ ...guide, _status: 'draft' }, lookups)).toBeNull()
  })
})

describe('query report and synonym rows', () => {
  it('sums daily rows per site and lists zero-result queries by their latest search', () => {
    const rows = [
      {
        siteCode: 'fgw',
        siteName: '发改委',
        query: '低保',
        day: '2025-03-01',
        searches: 5,
        zeroResultSearches: 0,
        lastHits: 8,
        lastAt: '2025-03-01T01:00:00Z',
      },
      {
        siteCode: 'fgw',
        siteName: '发改委',
        query: '低保',
        day: '2025-03-02',
        searches: 2,
        zeroResultSearches: 0,
        lastHits: 9,
        lastAt: '2025-03-02T01:00:00Z',
      },
      {
        siteCode: 'fgw',
        siteName: '发改委',
        query: '鸵鸟',
        day: '2025-03-01',
        searches: 3,
        zeroResultSearches: 3,
        lastHits: 0,
        lastAt: '2025-03-01T02:00:00Z',
      },
      {
        siteCode: 'fgw',
        siteName: '发改委',
        query: '医保',
        day: '2025-03-01',
        searches: 1,
        zeroResultSearches: 1,
        lastHits: 0,
        lastAt: '2025-03-01T01:00:00Z',
      },
      {
        siteCode: 'fgw',
        siteName: '发改委',
        query: '医保',
        day: '2025-03-02',
        searches: 1,
        zeroResultSearches: 0,
        lastHits: 4,
        lastAt: '2025-03-02T01:00:00Z',
      },
      {
        siteCode: 'rsj',
        siteName: '人社局',
        query: '社保',
        day: '2025-03-01',
        searches: 1,
        zeroResultSearches: 0,
        lastHits: 1,
        lastAt: '2025-03-01T01:00:00Z',
      },
    ]
    const [fgw, rsj] = reportFromAggregates(rows)
    expect(fgw).toMatchObject({ site: 'fgw', searches: 12, zeroResultSearches: 4 })
    expect(fgw!.hot.map((stat) => [stat.query, stat.searches])).toEqual([
      ['低保', 7],
      ['鸵鸟', 3],
      ['医保', 2],
    ])
    expect(fgw!.zeroResults.map((stat) => stat.query)).toEqual(['鸵鸟']) // 医保 found something later
    expect(rsj!.site).toBe('rsj')
  })

  it('splits rows on commas and 、 and names the bad row', () => {
    expect(synonymGroupsFromRows([{ terms: '社保, 社会保障、社会保险' }, { terms: 'ＡＢ，ab2' }])).toEqual([
      ['社保', '社会保障', '社会保险'],
      ['ab', 'ab2'],
    ])
    expect(() => synonymGroupsFromRows([{ terms: '社保, 社会保障' }, { terms: '孤词' }])).toThrow(/row 2/)
  })

  it('counts days in China time', () => {
    expect(chinaDay(new Date('2025-03-01T16:30:00Z'))).toBe('2025-03-02')
  })
})
