import { describe, expect, it } from 'vitest'
import {
  createUrlResolver,
  restoreScanState,
  scanArticles,
  ScanStateMismatchError,
  serializeScanState,
  loadIndicatorSet,
  BUILT_IN_SET_DATA,
} from '../../src/scorecard'
import { AS_OF, cleanArticle, cleanInput, daysAgo, fullScan, indicator, INTERNAL_HOSTS, knownUrl, national } from './fixtures'

const set = national()

describe('known typos and forbidden terms (V1.1, V1.2)', () => {
  it('finds a listed typo in the text with the suggested wording and vetoes', () => {
    const scan = fullScan(set, [cleanArticle(1, 1), cleanArticle(2, 1, { text: '出席会议的有市长助里张三。市长助里李四也参加。' })])
    const result = indicator(set, 'V1.1', cleanInput(1), scan)
    expect(result.status).toBe('fail')
    expect(result.evidence).toEqual([
      expect.objectContaining({
        key: 'article:2:市长助里',
        target: { collection: 'articles', id: 2 },
        detail: expect.objectContaining({ term: '市长助里', suggestion: '市长助理', occurrences: 2 }),
      }),
    ])
    expect(result.evidence[0]!.message).toBe('《文章2》含严重错别字「市长助里」，应为「市长助理」')
  })

  it('finds forbidden terms in titles; clean text passes', () => {
    expect(indicator(set, 'V1.2', cleanInput(1), fullScan(set, [cleanArticle(1, 1)])).status).toBe('pass')
    const scan = fullScan(set, [cleanArticle(1, 1, { title: '六合彩开奖结果' })])
    expect(indicator(set, 'V1.2', cleanInput(1), scan)).toMatchObject({ status: 'fail', count: 1 })
  })

  it('is not applicable when no text scan has run', () => {
    expect(indicator(set, 'V1.1', cleanInput(1))).toMatchObject({ status: 'not-applicable', reason: 'the article text scan has not run' })
  })

  it('treats list terms literally (regex characters are escaped)', () => {
    const data = structuredClone(BUILT_IN_SET_DATA['national-2019']) as any
    data.indicators[0].measure.params.terms = [{ term: 'a.b' }]
    const custom = loadIndicatorSet(data)
    expect(indicator(custom, 'V1.1', cleanInput(1), fullScan(custom, [cleanArticle(1, 1, { text: 'axb' })])).status).toBe('pass')
    expect(indicator(custom, 'V1.1', cleanInput(1), fullScan(custom, [cleanArticle(1, 1, { text: 'a.b' })])).status).toBe('fail')
  })
})

describe('publish-date anomalies (V1.3)', () => {
  it('a date 23 h ahead passes, 25 h ahead fails; backdated 6 days passes, 8 fails', () => {
    const ahead = (hours: number) => new Date(AS_OF.getTime() + hours * 3_600_000).toISOString()
    const scan = fullScan(set, [
      cleanArticle(1, 1, { publishedAt: ahead(23), createdAt: daysAgo(1) }),
      cleanArticle(2, 1, { publishedAt: ahead(25), createdAt: daysAgo(1) }),
      cleanArticle(3, 1, { publishedAt: daysAgo(16), createdAt: daysAgo(10) }),
      cleanArticle(4, 1, { publishedAt: daysAgo(18), createdAt: daysAgo(10) }),
      cleanArticle(5, 1, { publishedAt: daysAgo(900), createdAt: daysAgo(10), legacyImport: true }),
    ])
    const result = indicator(set, 'V1.3', cleanInput(1), scan)
    expect(result.status).toBe('fail')
    expect(result.evidence.map((e) => e.key)).toEqual(['article:2:future', 'article:4:backdated'])
  })

  it('a future date found earlier stops counting once that date has come', async () => {
    const soon = new Date(AS_OF.getTime() + 2 * 86_400_000).toISOString()
    const scan = fullScan(set, [cleanArticle(1, 1, { publishedAt: soon, createdAt: daysAgo(1) })])
    const { evaluateOrganization, indexFindings } = await import('../../src/scorecard')
    const later = new Date(AS_OF.getTime() + 3 * 86_400_000)
    const findings = indexFindings(scan).get('1')
    const result = evaluateOrganization(set, cleanInput(1), later, findings).indicators.find((r) => r.code === 'V1.3')!
    expect(result.status).toBe('pass')
  })
})

describe('images without alt text (D4.5: −0.2 each, at most −3)', () => {
  it('counts each image without alt; whitespace alt is missing', () => {
    const scan = fullScan(set, [
      cleanArticle(1, 1),
      cleanArticle(2, 1, { images: [{ src: '/a.jpg', alt: ' ' }, { src: '/b.jpg' }, { src: '/c.jpg', alt: '图' }] }),
    ])
    const result = indicator(set, 'D4.5', cleanInput(1), scan)
    expect(result).toMatchObject({ status: 'fail', count: 2, points: 0.4 })
    expect(result.evidence[0]).toMatchObject({ key: 'article:2', target: { collection: 'articles', id: 2 }, detail: { images: 2, firstSrc: '/a.jpg' } })
  })
})

describe('broken internal links (D4.4)', () => {
  it('flags unknown internal targets, ignores external, mail and fragment links', () => {
    const scan = fullScan(set, [
      cleanArticle(1, 1, {
        links: [
          { href: '/news/1.html' },
          { href: 'https://www.yulin.gov.cn/news/1.html#top' },
          { href: '/gone.html' },
          { href: 'https://www.example.com/anything' },
          { href: 'mailto:a@b.cn' },
          { href: '#section' },
          { href: 'http://[bad' },
        ],
      }),
    ])
    const result = indicator(set, 'D4.4', cleanInput(1), scan)
    expect(result.evidence.map((e) => e.detail)).toEqual([
      { href: '/gone.html', reason: 'not-found' },
      { href: 'http://[bad', reason: 'malformed' },
    ])
    expect(result.points).toBe(1)
    expect(result.evidence[0]!.message).toBe('《文章1》中的链接 /gone.html 不可用')
  })

  it('createUrlResolver ignores trailing slashes, fragments and host case', () => {
    const resolve = createUrlResolver(['https://www.yulin.gov.cn/zwgk/', '/news/2.html'])
    expect(resolve(new URL('https://WWW.yulin.gov.cn/zwgk#x'))).toBe(true)
    expect(resolve(new URL('http://internal.invalid/news/2.html'))).toBe(true)
    expect(resolve(new URL('https://www.yulin.gov.cn/zwgk/other'))).toBe(false)
  })
})

describe('incremental scan', () => {
  const options = { asOf: AS_OF, resolveInternalUrl: knownUrl, internalHosts: INTERNAL_HOSTS }

  it('updates findings of changed articles only, drops removed ones, survives serialisation', () => {
    const first = fullScan(set, [cleanArticle(1, 1, { text: '六合彩' }), cleanArticle(2, 1, { images: [{ src: '/x.jpg' }] }), cleanArticle(3, 1)])
    expect([...first.findings.keys()].sort()).toEqual(['1', '2'])
    const restored = restoreScanState(JSON.parse(JSON.stringify(serializeScanState(first))))
    const second = scanArticles(set, restored, { upserted: [cleanArticle(1, 1), cleanArticle(3, 1, { text: '代开发票' })], removed: [2] }, options)
    expect([...second.findings.keys()]).toEqual(['3'])
    expect(second.findings.get('3')![0]).toMatchObject({ indicatorCode: 'V1.2', detail: { term: '代开发票' } })
    expect(first.findings.has('1')).toBe(true) // the previous state is not modified
  })

  it('refuses to continue a state made with other parameters, and a first incremental scan', () => {
    const first = fullScan(set, [cleanArticle(1, 1)])
    const data = structuredClone(BUILT_IN_SET_DATA['national-2019']) as any
    data.indicators[1].measure.params.terms.push({ term: '新词' })
    const changed = loadIndicatorSet(data)
    expect(() => scanArticles(changed, first, { upserted: [] }, options)).toThrow(ScanStateMismatchError)
    expect(() => scanArticles(changed, null, { upserted: [] }, options)).toThrow('the first scan must be a full scan')
    expect(scanArticles(changed, first, { upserted: [] }, { ...options, full: true }).findings.size).toBe(0)
  })
})
