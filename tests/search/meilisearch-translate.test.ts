import settings from '../../src/search/settings.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'
import { meilisearchTranslation as meili, parseQueryTerms, parseSearchQuery } from '../../src/search/index'

describe('meilisearch translation', () => {
  it('configures one shared index per research/search.md', () => {
    const settings = meili.indexSettings([['社保', '社会保障']])
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['site', 'organization', 'type', 'year', 'publishedTs']))
    expect(settings.sortableAttributes).toEqual(['publishedTs'])
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['title', 'body'], locales: ['cmn'] }])
    expect(settings.faceting!.maxValuesPerFacet).toBeGreaterThanOrEqual(160)
    expect(settings.synonyms).toEqual({ 社保: ['社会保障'], 社会保障: ['社保'] })
  })

  it('builds filters from typed values with escaped literals', () => {
    const query = parseSearchQuery({
      text: '低保',
      sites: ['yulin', 'site-001'],
      types: ['article'],
      years: [2024],
      publishedFrom: '2024-01-01',
      publishedTo: '2024-01-31',
    })
    expect(meili.buildFilter(query)).toEqual([
      'site IN ["yulin", "site-001"]',
      'type IN ["article"]',
      'year IN [2024]',
      `publishedTs >= ${Date.parse('2024-01-01')}`,
      `publishedTs <= ${Date.parse('2024-01-31') + 86_400_000 - 1}`,
    ])
    expect(meili.filterString('a"b\\c')).toBe('"a\\"b\\\\c"')
  })

  it('keeps user text in q only, without negation or stray quotes', () => {
    const terms = parseQueryTerms('-低保 "社会 保障" OR NOT --x" ')
    expect(meili.buildQ(terms)).toBe('低保 "社会 保障" or not x')
    const params = meili.buildSearchParams(parseSearchQuery({ text: '低保', sort: 'date', facets: true, page: 3, pageSize: 20 }), parseQueryTerms('低保'))
    expect(params).toMatchObject({
      q: '低保',
      page: 3,
      hitsPerPage: 20,
      matchingStrategy: 'all',
      sort: ['publishedTs:desc'],
      facets: ['site', 'organization', 'type', 'year'],
      locales: ['cmn'],
    })
    expect(meili.buildSearchParams(parseSearchQuery({ text: '低保' }), parseQueryTerms('低保')).sort).toBeUndefined()
  })

  it('encodes ids into valid primary keys and back', () => {
    const doc = meili.toMeiliDocument({
      id: 'articles:12',
      type: 'article',
      site: 's',
      siteName: 'S',
      organization: 'O',
      organizationName: 'O',
      title: 't',
      body: 'b',
      url: '/',
      publishedAt: '2024-01-02T00:00:00Z',
      year: 2024,
    })
    expect(doc.key).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(Buffer.from(doc.key, 'base64url').toString()).toBe('articles:12')
    expect(doc.publishedTs).toBe(Date.parse('2024-01-02T00:00:00Z'))
  })

  it('translates responses: highlighted snippets, capped totals, facets', () => {
    const query = parseSearchQuery({ text: '低保', facets: true })
    const result = meili.fromMeiliResponse(
      {
        hits: [
          {
            id: 'articles:1',
            type: 'article',
            title: '低保<通知>',
            body: '关于低保的说明',
            url: '/a',
            site: 's',
            siteName: 'S',
            organization: 'O',
            organizationName: 'O',
            publishedAt: '2024-01-01T00:00:00Z',
            _rankingScore: 0.9,
          },
        ],
        totalHits: 10_000,
        facetDistribution: { site: { s: 10_000 } },
        processingTimeMs: 3,
      },
      query,
      parseQueryTerms('低保'),
    )
    expect(result.totalIsEstimate).toBe(true)
    expect(result.total).toBe(settings.limits.totalExactLimit)
    const atBound = meili.fromMeiliResponse(
      { hits: [], totalHits: settings.limits.totalExactLimit, processingTimeMs: 1 },
      parseSearchQuery({ text: '低保' }),
      parseQueryTerms('低保'),
    )
    expect([atBound.total, atBound.totalIsEstimate]).toEqual([settings.limits.totalExactLimit, false])
    expect(result.hits[0]!.titleHighlighted).toBe('<mark>低保</mark>&lt;通知&gt;')
    expect(result.hits[0]!.snippet).toBe('关于<mark>低保</mark>的说明')
    expect(result.facets).toEqual({ site: { s: 10_000 }, organization: {}, type: {}, year: {} })
  })
})
