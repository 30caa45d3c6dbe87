import { describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine, parseSearchQuery, SearchUnavailableError, type SearchDocument } from '../../src/search/index'
import { newestFirstSlices, type RowidRange } from '../../src/search/embedded/rowid'

describe('embedded query plans', () => {
  const engine = new EmbeddedSearchEngine({ file: ':memory:' })
  const plan = (input: Record<string, unknown>) => engine.plan(parseSearchQuery(input))

  it('quotes every user token and every filter value', async () => {
    await engine.setSynonyms([])
    // An unbalanced ASCII quote only separates words; operators become quoted, literal tokens.
    expect(plan({ text: 'a"b NEAR(x) 县' }).match).toBe('"a" AND "b" AND "near ( x )" AND "县" *')
    expect(plan({ text: '“引号” OR' }).match).toBe('"“ 引号 号 ”" AND "or"')
    // More sites than `siteRangesUpTo`: the site filter is a tag condition on the date-ordered table.
    const many = Array.from({ length: 9 }, (_, i) => `site-${i}`)
    const scoped = plan({ text: '低保', sites: many.slice(0, 9), types: ['letter'], years: [2024] })
    const siteTags = many.map((site) => `"s.${site}"`).join(' OR ')
    expect(scoped.siteRanges).toBeNull()
    expect(scoped.match).toBe(`"低保" AND tags : (${siteTags}) AND tags : ("t.letter") AND tags : ("y.2024")`)
  })

  it('turns date bounds into BigInt rowid ranges, a bare end date covering its whole day', () => {
    // BigInt, because FTS5 seeks only on INTEGER bounds and better-sqlite3 binds a JS number as REAL.
    const [lo, hi] = plan({ text: 'x', publishedFrom: '2024-01-01', publishedTo: '2024-01-31' }).rowidRange
    expect(lo).toBe(BigInt(Date.parse('2024-01-01') * 1024))
    expect(hi).toBe(BigInt((Date.parse('2024-02-01') - 1) * 1024 + 1023))
  })

  it('runs a few named sites over their ranges of the site-major table, without site tags', async () => {
    const doc = (id: string, site: string, publishedAt: string): SearchDocument => ({
      id,
      type: 'article',
      title: '低保',
      body: '低保',
      url: `/${id}`,
      site,
      siteName: site,
      organization: 'o',
      organizationName: 'o',
      publishedAt,
      year: 2024,
    })
    await engine.upsert([doc('articles:1', 'site-a', '2024-03-01T08:00:00Z'), doc('articles:2', 'site-b', '2024-03-02T08:00:00Z')])
    // A search notices the write (and the new site numbers) before it plans.
    const result = await engine.search({ text: '低保', sites: ['site-a', 'site-b'], sort: 'date' })
    expect(result.hits.map((hit) => hit.id)).toEqual(['articles:2', 'articles:1'])
    const scoped = plan({ text: '低保', sites: ['site-a', 'site-b', 'site-unknown'], types: ['article'] })
    expect(scoped.match).toBe('"低保" AND tags : ("t.article")')
    expect(scoped.siteRanges).toHaveLength(2)
    const [a, b] = scoped.siteRanges!
    expect(a!.range[0] < a!.range[1] && a!.range[1] < b!.range[0]).toBe(true)
    expect([a!.tag, b!.tag]).toEqual(['tags : ("s.site-a")', 'tags : ("s.site-b")'])
    // Only unknown sites: nothing can match, and no tag query is needed to say so.
    expect(plan({ text: '低保', sites: ['site-unknown'] }).siteRanges).toEqual([])
    // A bound inside a second cannot be an exact site range: the tags are used instead.
    const inexact = plan({ text: '低保', sites: ['site-a'], publishedFrom: '2024-03-01T08:00:00.500Z' })
    expect(inexact.siteRanges).toBeNull()
    expect(inexact.match).toContain('"s.site-a"')
    // Before 1970 the site-major table keeps no time (every such document shares second 0), so a
    // bound there cannot be exact either.
    expect(plan({ text: '低保', sites: ['site-a'], publishedTo: '1965-12-31' }).siteRanges).toBeNull()
    expect(plan({ text: '低保', sites: ['site-a'], publishedFrom: '1969-01-01' }).siteRanges).toBeNull()
    expect((await engine.search({ text: '低保', sites: ['site-a'], publishedFrom: '2024-03-01T08:00:00.500Z' })).total).toBe(0)
    expect((await engine.search({ text: '低保', sites: ['site-a'], publishedTo: '2024-03-01' })).total).toBe(1)
    expect((await engine.search({ text: '低保', sites: ['site-b'], publishedTo: '2024-03-01' })).total).toBe(0)
    await engine.upsert([doc('articles:3', 'site-a', '1966-05-01T08:00:00Z'), doc('articles:4', 'site-a', '1968-05-01T08:00:00Z')])
    const before1967 = await engine.search({ text: '低保', sites: ['site-a'], publishedTo: '1967-01-01' })
    expect(before1967.hits.map((hit) => hit.id)).toEqual(['articles:3'])
  })

  it('never matches query text against the filter tags, which is why terms carry no column filter', async () => {
    const doc = (id: string, body: string): SearchDocument => ({
      id,
      type: 'article',
      title: '通知',
      body,
      url: `/${id}`,
      site: 'site-t',
      siteName: 'T',
      organization: 'org-t',
      organizationName: 'T',
      publishedAt: '2024-04-01T08:00:00Z',
      year: 2024,
    })
    await engine.upsert([doc('articles:t1', '低保'), doc('articles:t2', '详见 s.site-t 栏目')])
    for (const sites of [undefined, ['site-t']]) {
      // Every tag of articles:t1 spelled out, whole or in part: none may find it.
      for (const text of ['s.site-t', 'o.org-t', 't.article', 'y.2024', 's', 'o', 't', 'y', 'site-t', 'org-t', 'article', '2024', '"s.site-t"']) {
        const ids = (await engine.search({ text, sites })).hits.map((hit) => hit.id)
        expect(ids, `${text} in ${sites ?? 'all sites'}`).not.toContain('articles:t1')
      }
      // The same words in the text are found, in the title tier's table too.
      expect((await engine.search({ text: 's.site-t', sites })).hits.map((hit) => hit.id)).toEqual(['articles:t2'])
      expect((await engine.search({ text: '通知', sites })).total).toBe(2)
    }
  })

  it('counts over the whole range in adjacent slices, newest first', () => {
    const cases: [RowidRange, RowidRange][] = [
      [
        [-(2n ** 53n), 2n ** 53n],
        [1_000n, 1_000_000n],
      ],
      [
        [5n, 5n],
        [0n, 10n],
      ],
      [
        [0n, 6n],
        [0n, 6n],
      ],
      [
        [500n, 100_000n],
        [0n, 70_000n],
      ],
    ]
    for (const [range, within] of cases) {
      const slices = newestFirstSlices(range, within, 8, 2)
      const lo = range[0] > within[0] ? range[0] : within[0]
      const hi = range[1] < within[1] ? range[1] : within[1]
      // From the top down, each slice ending right below the previous one, down to the bottom.
      expect(slices[0]![1]).toBe(hi)
      expect(slices.at(-1)![0]).toBe(lo)
      for (let i = 0; i < slices.length; i++) {
        expect(slices[i]![0] <= slices[i]![1]).toBe(true)
        if (i > 0) expect(slices[i]![1]).toBe(slices[i - 1]![0] - 1n)
      }
    }
    expect(newestFirstSlices([0n, 799n], [0n, 10_000n], 8, 2)).toEqual([
      [700n, 799n],
      [500n, 699n],
      [100n, 499n],
      [0n, 99n],
    ])
    // No indexed rowid in the range: nothing to count.
    expect(newestFirstSlices([0n, 9n], [10n, 20n], 8, 2)).toEqual([])
    // A setting that could never reach the bottom is refused, not looped on.
    expect(() => newestFirstSlices([0n, 9n], [0n, 9n], 8, 0)).toThrow(/countSliceGrowth 0/)
    expect(() => newestFirstSlices([0n, 9n], [0n, 9n], 0.5, 2)).toThrow(/whole numbers/)
  })

  it('counts exactly in a site range that ends before the site does (a lower date bound)', async () => {
    const doc = (id: string, site: string, title: string, publishedAt: string): SearchDocument => ({
      id,
      type: 'article',
      title,
      body: title,
      url: `/${id}`,
      site,
      siteName: site,
      organization: 'o',
      organizationName: 'o',
      publishedAt,
      year: 2024,
    })
    // Above the range lie this site's older documents, not a later site: only this site's own
    // tag can end the walk there; a later site's would not, and this site's ORed would match all.
    await engine.upsert([
      doc('articles:r1', 'site-r', '医保报销', '2024-05-01T08:00:00Z'),
      doc('articles:r2', 'site-r', '公积金', '2024-05-02T08:00:00Z'),
      doc('articles:r0', 'site-r', '医保报销', '2023-01-01T08:00:00Z'),
      doc('articles:s1', 'site-s', '医保报销', '2024-05-03T08:00:00Z'),
    ])
    for (const sort of ['relevance', 'date'] as const) {
      const bounded = await engine.search({ text: '医保报销', sites: ['site-r'], publishedFrom: '2024-04-01', sort })
      expect(bounded.hits.map((hit) => hit.id)).toEqual(['articles:r1'])
      expect(bounded.total).toBe(1)
      const whole = await engine.search({ text: '医保报销', sites: ['site-r'], sort })
      expect(whole.hits.map((hit) => hit.id)).toEqual(['articles:r1', 'articles:r0'])
      expect(whole.total).toBe(2)
    }
  })

  it('reports an engine that cannot answer as SearchUnavailableError', async () => {
    const closed = new EmbeddedSearchEngine({ file: ':memory:' })
    await closed.close()
    await expect(closed.search({ text: '低保' })).rejects.toBeInstanceOf(SearchUnavailableError)
    await engine.close()
  })
})
