// One contract for every engine: exact hit counts against a brute-force substring scan,
// scoping, facets, dates, sorting, highlighting, writes and hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, makeRandom } from '../../bench/search/corpus'
import { normalizeText, SearchInputError, type SearchDocument, type SearchEngine, type SearchResult } from '../../src/search/index'
import settings from '../../src/search/settings.json' with { type: 'json' }
import { articleDocument, EXACTNESS_SITE, randomArticles } from './lexical-articles'

/** Totals are exact up to this many matches and flagged as estimates beyond (as Meilisearch's estimatedTotalHits). */
const EXACT_LIMIT = settings.limits.totalExactLimit

export interface ContractOptions {
  corpusSize?: number
}

const WORD_CHAR = /[a-z0-9]/

/**
 * Does one paragraph or field (normalized) contain the term, by the engines' rule (docs/search.md)?
 * A substring, except that a Latin word at either edge of the term, or a term that is one word,
 * matches whole words only; a digit run at the edge of a longer term may continue in the text.
 */
export function containsTerm(text: string, term: string): boolean {
  const whole = /^[a-z0-9]+$/.test(term)
  const openStart = !whole && /^[0-9]+(?![a-z0-9])/.test(term)
  const openEnd = !whole && /(?<![a-z0-9])[0-9]+$/.test(term)
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (WORD_CHAR.test(term[0]!) && !openStart && WORD_CHAR.test(text[at - 1] ?? ' ')) continue
    if (WORD_CHAR.test(term[term.length - 1]!) && !openEnd && WORD_CHAR.test(text[at + term.length] ?? ' ')) continue
    return true
  }
  return false
}

/** The title and each line of the body: a phrase never runs from one into the next. */
const fieldsOf = (doc: SearchDocument) => [doc.title, ...doc.body.split('\n')].map(normalizeText)

/** Brute force: every whitespace-separated term (or one of its synonyms) in the title or one body line. */
export function bruteForce(
  docs: SearchDocument[],
  text: string,
  keep: (doc: SearchDocument) => boolean = () => true,
  synonyms: string[][] = [],
): SearchDocument[] {
  const terms = normalizeText(text).split(' ').filter(Boolean)
  return docs.filter((doc) => {
    if (!keep(doc)) return false
    const fields = fieldsOf(doc)
    return terms.every((term) => {
      const variants = synonyms.find((group) => group.includes(term)) ?? [term]
      return variants.some((variant) => fields.some((field) => containsTerm(field, variant)))
    })
  })
}

export const EXACT_QUERIES = [
  '低保',
  '医保',
  '社保',
  '社会保障',
  '医疗保险',
  '容县',
  '北流市',
  '北流市民安镇',
  '民安镇',
  '玉政办发〔2024〕',
  '〔2023〕',
  '玉政办发〔2019〕5号',
  '2024年',
  '0775',
  '县',
  '镇',
  '保',
  '障',
  '号',
  '营商环境',
  '乡村振兴',
  '容县 低保',
  '陆川县 医疗保险 2021年',
  '工作，',
  '人民群众合法权益',
  '高质量',
  '质量',
  'yulin',
  'wifi',
  'online service',
  '关于印发',
  '实施方案》',
  '《容县',
  '人力资源和社会保障局',
  '会保',
  '公积',
  '积金',
  '不存在的词语',
  'gdp 低保',
  '合法',
  '发〔',
]

/** The total an engine must report for `expected` matches: exact up to the bound, an estimate of at least the bound beyond. */
export function expectTotal(result: SearchResult, expected: number, label?: string): void {
  if (expected > EXACT_LIMIT) {
    expect(result.totalIsEstimate, label).toBe(true)
    expect(result.total, label).toBeGreaterThanOrEqual(EXACT_LIMIT)
  } else {
    expect(result.totalIsEstimate, label).toBe(false)
    expect(result.total, label).toBe(expected)
  }
}

export function defineSearchContract(name: string, makeEngine: () => Promise<SearchEngine>, options: ContractOptions = {}): void {
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine
    let docs: SearchDocument[]

    beforeAll(async () => {
      engine = await makeEngine()
      await engine.clear()
      await engine.setSynonyms([])
      docs = [...generateCorpus({ count: options.corpusSize ?? 6000, seed: 7, bodyLength: 300 })]
      await engine.upsert(docs)
    }, 240_000)

    afterAll(async () => {
      await engine?.close()
    })

    const search = (input: Record<string, unknown>) => engine.search({ pageSize: 50, ...input })

    it('indexes every document', async () => {
      expect(await engine.count()).toBe(docs.length)
    })

    it.each(EXACT_QUERIES)('finds exactly the documents containing %s', async (text) => {
      const expected = bruteForce(docs, text)
      const result = await search({ text })
      expectTotal(result, expected.length)
      if (expected.length <= 50) expect(result.hits.map((hit) => hit.id).sort()).toEqual(expected.map((doc) => doc.id).sort())
    })

    it('finds a phrase across inline formatting, never across a paragraph or field break, and digit runs at a term’s edge inside longer numbers', async () => {
      const article = await articleDocument(870_001, {
        title: '关于2026年度工作的通知',
        blocks: [
          ['青铜孔', { bold: '雀石' }, '结束。'],
          ['罗江镇', { link: '召开' }, '会议，回顾2026'],
          ['年度总结', { italic: '会议' }],
        ],
        summary: '文号见下',
        documentNumber: '玉政办发〔2024〕12号',
        indexNumber: '114509000075600011/2024-00006',
        publisher: '玉林市人民政府',
      })
      expect(article.body.split('\n')).toEqual([
        '文号见下',
        '青铜孔雀石结束。',
        '罗江镇召开会议，回顾2026',
        '年度总结会议',
        '玉政办发〔2024〕12号',
        '114509000075600011/2024-00006',
        '玉林市人民政府',
      ])
      await engine.upsert([article])
      try {
        const found = [
          '青铜孔雀石',
          '孔雀',
          '雀石结束',
          '罗江镇召开',
          '回顾2026',
          '24〕12号',
          '024〕',
          '〔20',
          '2号',
          '6年度',
          '26年度',
          '00006',
          '2024-00006',
          '/2024-0',
        ]
        const notFound = [
          '。罗江镇',
          '2026年度总结',
          '号114509000075600011',
          '00006玉林市',
          '下青铜',
          '知文号',
          '会议玉政',
          '0006',
          '1145090000756',
          '45090000756',
        ]
        for (const text of [...found, ...notFound]) {
          const result = await search({ text, sites: [EXACTNESS_SITE] })
          expect(result.total, text).toBe(found.includes(text) ? 1 : 0)
        }
      } finally {
        await engine.remove([article.id])
      }
    })

    it('finds every substring of one paragraph or field and no string across a break (generated articles, random inline formatting)', async () => {
      const generated = randomArticles(40, 25)
      const articles = await Promise.all(generated.map(({ id, fields }) => articleDocument(id, fields)))
      // The indexer's text is the visible text, one line per block and field: no stray spaces.
      articles.forEach((article, i) => expect(article.body.split('\n')).toEqual(generated[i]!.visible))
      await engine.upsert(articles)
      try {
        const random = makeRandom(26)
        const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
        const cut = (text: string, from: 'start' | 'end') => {
          const length = 1 + Math.floor(random() * Math.min(6, text.length))
          return from === 'start' ? text.slice(0, length) : text.slice(text.length - length)
        }
        let across = 0
        for (const article of articles) {
          const fields = [article.title, ...article.body.split('\n')]
          const queries: string[] = []
          for (let i = 0; i < 12; i++) {
            const field = pick(fields)
            const start = Math.floor(random() * (field.length - 1))
            queries.push(field.slice(start, start + 2 + Math.floor(random() * 10)))
            const next = 1 + Math.floor(random() * (fields.length - 1))
            queries.push(cut(fields[next - 1]!, 'end') + cut(fields[next]!, 'start'))
          }
          for (const text of queries) {
            if (normalizeText(text).length < 2) continue
            const expected = bruteForce(articles, text)
              .map((doc) => doc.id)
              .sort()
            if (!expected.includes(article.id)) across++
            const result = await search({ text, sites: [EXACTNESS_SITE] })
            expect(result.hits.map((hit) => hit.id).sort(), text).toEqual(expected)
          }
        }
        // Strings across a break that occur in no single field of their own article: the point of the test.
        expect(across).toBeGreaterThan(100)
      } finally {
        await engine.remove(articles.map((article) => article.id))
      }
    })

    it('counts exactly up to the bound and flags the total as an estimate one match beyond it', async () => {
      const marked = (n: number, from = 0) =>
        docs.slice(from, from + n).map((doc, i) => ({ ...doc, id: `articles:${900_000 + from + i}`, title: `${doc.title} zqboundary` }))
      await engine.upsert(marked(EXACT_LIMIT - 1))
      let result = await search({ text: 'zqboundary' })
      expect([result.total, result.totalIsEstimate]).toEqual([EXACT_LIMIT - 1, false])
      await engine.upsert(marked(1, EXACT_LIMIT - 1))
      result = await search({ text: 'zqboundary' })
      expect([result.total, result.totalIsEstimate]).toEqual([EXACT_LIMIT, false])
      await engine.upsert(marked(1, EXACT_LIMIT))
      result = await search({ text: 'zqboundary' })
      expect(result.totalIsEstimate).toBe(true)
      expect(result.total).toBeGreaterThanOrEqual(EXACT_LIMIT)
      // A narrower filter under the bound is exact again.
      const oneSite = docs.slice(0, EXACT_LIMIT + 1).filter((doc) => doc.site === docs[0]!.site).length
      result = await search({ text: 'zqboundary', sites: [docs[0]!.site] })
      expect([result.total, result.totalIsEstimate]).toEqual([oneSite, false])
      await engine.remove(Array.from({ length: EXACT_LIMIT + 1 }, (_, i) => `articles:${900_000 + i}`))
      expect((await search({ text: 'zqboundary' })).total).toBe(0)
    })

    it('counts within one site up to the bound too, the newest first whichever the sort', async () => {
      // In the body, so the title group does not fill the page and the text itself is walked.
      const site = docs[1]!.site
      const inSite = (n: number) =>
        docs.slice(0, n).map((doc, i) => ({
          ...doc,
          id: `articles:${950_000 + i}`,
          site,
          body: `${doc.body} zqsitebound`,
          publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
          year: 2024,
        }))
      await engine.upsert(inSite(EXACT_LIMIT))
      for (const sort of ['relevance', 'date']) {
        const result = await search({ text: 'zqsitebound', sites: [site], sort, pageSize: 10 })
        expect([result.total, result.totalIsEstimate], sort).toEqual([EXACT_LIMIT, false])
        expect(result.hits[0]!.id, sort).toBe(`articles:${950_000 + EXACT_LIMIT - 1}`)
      }
      await engine.upsert(inSite(EXACT_LIMIT + 1))
      for (const sort of ['relevance', 'date']) {
        const result = await search({ text: 'zqsitebound', sites: [site], sort, page: 2, pageSize: 10 })
        expectTotal(result, EXACT_LIMIT + 1, sort)
        expect(
          result.hits.map((hit) => hit.id),
          sort,
        ).toEqual(Array.from({ length: 10 }, (_, i) => `articles:${950_000 + EXACT_LIMIT - 10 - i}`))
      }
      await engine.remove(Array.from({ length: EXACT_LIMIT + 1 }, (_, i) => `articles:${950_000 + i}`))
      expect((await search({ text: 'zqsitebound', sites: [site] })).total).toBe(0)
    })

    it('never returns another site’s document from a site-scoped query', async () => {
      for (const sites of [['site-001'], ['site-042', 'site-137'], ['yulin']]) {
        for (const text of ['低保', '县', '', '玉政办发〔2024〕']) {
          const result = await search({ text, sites, facets: true })
          const expected = bruteForce(docs, text, (doc) => sites.includes(doc.site))
          expectTotal(result, expected.length)
          expect(result.hits.every((hit) => sites.includes(hit.site))).toBe(true)
          expect(Object.keys(result.facets!.site).every((site) => sites.includes(site))).toBe(true)
        }
      }
    })

    it('counts facets by site, organization, type and year', async () => {
      const result = await search({ text: '医保', facets: true })
      const expected = bruteForce(docs, '医保')
      const tally = (key: (doc: SearchDocument) => string) =>
        expected.reduce<Record<string, number>>((counts, doc) => ({ ...counts, [key(doc)]: (counts[key(doc)] ?? 0) + 1 }), {})
      expect(result.facets!.site).toEqual(tally((doc) => doc.site))
      expect(result.facets!.organization).toEqual(tally((doc) => doc.organization))
      expect(result.facets!.type).toEqual(tally((doc) => doc.type))
      expect(result.facets!.year).toEqual(tally((doc) => String(doc.year)))
      expect(result.facetsAreEstimate).toBe(false)
    })

    it('filters by type, organization, year and date range', async () => {
      const cases: [Record<string, unknown>, (doc: SearchDocument) => boolean][] = [
        [{ types: ['disclosure', 'letter'] }, (doc) => doc.type === 'disclosure' || doc.type === 'letter'],
        [{ organizations: ['ORG007'] }, (doc) => doc.organization === 'ORG007'],
        [{ years: [2019, 2024] }, (doc) => doc.year === 2019 || doc.year === 2024],
        [{ publishedFrom: '2023-03-01', publishedTo: '2023-06-30' }, (doc) => doc.publishedAt >= '2023-03-01' && doc.publishedAt < '2023-07-01'],
        [{ publishedFrom: '2024-01-01T00:00:00Z' }, (doc) => doc.publishedAt >= '2024-01-01'],
      ]
      for (const [filters, keep] of cases) {
        for (const text of ['低保', '']) {
          const result = await search({ text, ...filters })
          expectTotal(result, bruteForce(docs, text, keep).length, JSON.stringify({ text, filters }))
          expect(result.hits.every((hit) => keep(docs.find((doc) => doc.id === hit.id)!))).toBe(true)
        }
      }
    })

    it('sorts by date, newest first, and pages without overlap', async () => {
      const first = await search({ text: '容县', sort: 'date', pageSize: 20 })
      const second = await search({ text: '容县', sort: 'date', pageSize: 20, page: 2 })
      const dates = [...first.hits, ...second.hits].map((hit) => Date.parse(hit.publishedAt))
      expect(dates).toEqual([...dates].sort((a, b) => b - a))
      const newest = bruteForce(docs, '容县')
        .map((doc) => Date.parse(doc.publishedAt))
        .sort((a, b) => b - a)
      expect(dates).toEqual(newest.slice(0, 40))
    })

    it('ranks title matches above body-only matches', async () => {
      const result = await search({ text: '实施方案', pageSize: 10 })
      expect(result.hits.length).toBe(10)
      expect(result.hits.every((hit) => hit.title.includes('实施方案'))).toBe(true)
      const empty = await search({ text: '' })
      const dates = empty.hits.map((hit) => Date.parse(hit.publishedAt))
      expect(dates).toEqual([...dates].sort((a, b) => b - a))
    })

    it('pages through relevance results: title matches first, every match exactly once', async () => {
      const text = '〔2019〕'
      const expected = bruteForce(docs, text)
      expect(expected.length).toBeGreaterThan(50)
      expect(expected.length).toBeLessThan(1000)
      const seen: string[] = []
      for (let page = 1; seen.length < expected.length + 50; page++) {
        const result = await search({ text, page })
        if (result.hits.length === 0) break
        seen.push(...result.hits.map((hit) => hit.id))
      }
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen.sort()).toEqual(expected.map((doc) => doc.id).sort())
      const inTitle = (id: string) => normalizeText(docs.find((doc) => doc.id === id)!.title).includes(text)
      const firstPage = (await search({ text })).hits.map((hit) => hit.id)
      const titleFlags = firstPage.map(inTitle)
      expect(titleFlags).toEqual([...titleFlags].sort((a, b) => Number(b) - Number(a)))
    })

    it('scopes to one or a few sites exactly: text, filters, dates, date order and relevance paging', async () => {
      const second = (hit: { publishedAt: string }) => Math.floor(Date.parse(hit.publishedAt) / 1000)
      for (const sites of [['site-003'], ['site-042', 'site-137', 'yulin']]) {
        const inSites = (doc: SearchDocument) => sites.includes(doc.site)
        for (const text of ['低保', '容县 低保', '玉政办发〔2024〕', '县', 'yulin', '']) {
          expectTotal(await search({ text, sites }), bruteForce(docs, text, inSites).length, `${text} in ${sites}`)
        }
        const dated = (doc: SearchDocument) => inSites(doc) && doc.publishedAt >= '2023-03-01' && doc.publishedAt < '2023-07-01'
        const inRange = await search({ text: '', sites, publishedFrom: '2023-03-01', publishedTo: '2023-06-30', types: ['article'] })
        expectTotal(inRange, bruteForce(docs, '', (doc) => dated(doc) && doc.type === 'article').length)
        // Newest first, to the second, across the sites' ranges; pages do not overlap.
        const pages = [1, 2, 3].map((page) => search({ text: '', sites, sort: 'date', pageSize: 10, page }))
        const hits = (await Promise.all(pages)).flatMap((result) => result.hits)
        const newest = bruteForce(docs, '', inSites)
          .map(second)
          .sort((a, b) => b - a)
        expect(hits.map(second)).toEqual(newest.slice(0, 30))
        expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length)
        // Relevance pages: every match once, title matches first.
        const text = '低保'
        const expected = bruteForce(docs, text, inSites)
        const seen: string[] = []
        for (let page = 1; page <= 20; page++) {
          const result = await search({ text, sites, page, pageSize: 10 })
          seen.push(...result.hits.map((hit) => hit.id))
          if (result.hits.length < 10) break
        }
        expect(seen.sort()).toEqual(expected.map((doc) => doc.id).sort())
        const firstPage = (await search({ text, sites, pageSize: 50 })).hits
        const titleFlags = firstPage.map((hit) => normalizeText(hit.title).includes(text))
        expect(titleFlags).toEqual([...titleFlags].sort((a, b) => Number(b) - Number(a)))
      }
    })

    it('highlights matches in snippets and escapes HTML', async () => {
      const hostile: SearchDocument = {
        ...docs[0]!,
        id: 'articles:999001',
        title: '<img src=x onerror=alert(1)>关于特困人员救助的说明',
        body: '前言 <script>alert("x")</script> 特困人员救助供养标准 & 其他',
      }
      await engine.upsert([hostile])
      const result = await search({ text: '特困人员' })
      const hit = result.hits.find((h) => h.id === hostile.id)!
      expect(hit.snippet).toContain('<mark>特困人员</mark>')
      expect(hit.snippet).toContain('&lt;script&gt;')
      expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/)
      expect(hit.titleHighlighted).toContain('&lt;img')
      expect(hit.titleHighlighted).toContain('<mark>特困人员</mark>')
      await engine.remove([hostile.id])
    })

    it('upserts, replaces and removes documents', async () => {
      const base = docs[1]!
      const doc: SearchDocument = { ...base, id: 'articles:999002', title: '鹿角藤试验文档', body: '仅此一篇提到鹿角藤。' }
      await engine.upsert([doc])
      expect((await search({ text: '鹿角藤' })).total).toBe(1)
      await engine.upsert([{ ...doc, title: '更名后的文档', body: '现在提到紫荆花。', publishedAt: '2016-02-02T00:00:00.000Z', year: 2016 }])
      expect((await search({ text: '鹿角藤' })).total).toBe(0)
      const replaced = await search({ text: '紫荆花' })
      expect(replaced.hits.map((hit) => [hit.id, hit.publishedAt])).toEqual([[doc.id, '2016-02-02T00:00:00.000Z']])
      expect(await engine.count()).toBe(docs.length + 1)
      const ids = new Set<string>()
      for await (const id of engine.allIds()) ids.add(id)
      expect(ids.size).toBe(docs.length + 1)
      expect(ids.has(doc.id)).toBe(true)
      await engine.remove([doc.id, 'articles:does-not-exist'])
      expect((await search({ text: '紫荆花' })).total).toBe(0)
      expect(await engine.count()).toBe(docs.length)
    })

    it('expands synonyms in both directions', async () => {
      await engine.setSynonyms([
        ['社保', '社会保障'],
        ['医保', '医疗保险'],
      ])
      try {
        for (const text of ['社保', '社会保障', '医保 容县']) {
          const groups = [
            ['社保', '社会保障'],
            ['医保', '医疗保险'],
          ]
          expectTotal(await search({ text }), bruteForce(docs, text, undefined, groups).length, text)
        }
      } finally {
        await engine.setSynonyms([])
      }
      await expect(engine.setSynonyms([['只有一个']])).rejects.toBeInstanceOf(SearchInputError)
      await expect(engine.setSynonyms('社保' as unknown as string[][])).rejects.toBeInstanceOf(SearchInputError)
    })

    it('answers hostile queries with a result or a SearchInputError, never a crash', async () => {
      const hostile = [
        '"',
        '""',
        '"低保',
        '*',
        '低保*',
        '* OR *',
        'NEAR(低保 医保)',
        'NEAR',
        'OR',
        'AND',
        'NOT 低保',
        '低保 OR 医保',
        '低保 AND',
        '^低保',
        'title:低保',
        'tags:s.yulin',
        '{title body}:低保',
        '(低保',
        '低保)',
        '-低保',
        "'; DROP TABLE docs; --",
        '\u0000\u0001低保\u001f',
        '\u202e低保',
        '🙂',
        '𠀀𠀁',
        '　',
        '\\',
        '%',
        '_',
        '低'.repeat(100),
        '低'.repeat(101),
        'x'.repeat(10_000),
        '\u0000'.repeat(10_000) + '低保',
      ]
      for (const text of hostile) {
        let outcome: SearchResult | Error
        try {
          outcome = await search({ text, facets: true })
        } catch (error) {
          outcome = error as Error
        }
        if (outcome instanceof Error) expect(outcome, JSON.stringify(text.slice(0, 20))).toBeInstanceOf(SearchInputError)
        else expect(Array.isArray(outcome.hits)).toBe(true)
      }
      // Operators are literal text: "低保 OR 医保" means all three words, as a scan would.
      expectTotal(await search({ text: '低保 OR 医保' }), bruteForce(docs, '低保 or 医保').length)
      expectTotal(await search({ text: '\u0000\u0001低保\u001f' }), bruteForce(docs, '低保').length)
    })

    it('rejects invalid queries with a SearchInputError', async () => {
      const invalid: Record<string, unknown>[] = [
        { text: 'x'.repeat(101) },
        { text: 42 },
        { text: '低保', pageSize: 51 },
        { text: '低保', page: 0 },
        { text: '低保', page: 1000 },
        { text: '低保', sites: ['Bad Site!'] },
        { text: '低保', types: ['novel'] },
        { text: '低保', years: ['abc'] },
        { text: '低保', sort: 'random' },
        { text: '低保', publishedFrom: '2024-13-45' },
        { text: '低保', publishedFrom: '2024-05-01', publishedTo: '2024-01-01' },
        { text: '低保', unknownFilter: 1 },
      ]
      for (const input of invalid) {
        await expect(search(input), JSON.stringify(input).slice(0, 80)).rejects.toBeInstanceOf(SearchInputError)
      }
      await expect(engine.search(null as unknown as Record<string, unknown>)).rejects.toBeInstanceOf(SearchInputError)
      await expect(engine.upsert([{ ...docs[0]!, id: 'no colon' }])).rejects.toBeInstanceOf(SearchInputError)
    })
  })
}
