import { describe, expect, it } from 'vitest'
import { BUILT_IN_SET_DATA, builtInIndicatorSet, loadIndicatorSet, scanArticles, serializeScanState, walkLexical, type ArticleText } from '../../src/scorecard'
import { bodyNeedsScan, bodyPrefilterSources, compileBodyPrefilter } from '../../src/scorecard/gather/body-prefilter'

/**
 * The raw-JSON prefilter of the fast text scan must never skip a body in which a check finds
 * something: over a few thousand generated bodies built from pieces of the listed terms (split
 * across text nodes and paragraphs, in titles, next to escaped characters, with links and images),
 * the scan of prefiltered articles gives exactly the findings of the plain per-article check.
 */
const set = builtInIndicatorSet('national-2019')
const asOf = new Date('2026-06-01T00:00:00.000Z')

function random(seed: number) {
  let state = seed >>> 0
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

const termsOf = (code: string) => ((set.indicators.find((i) => i.code === code)!.measure as any).params.terms as Array<{ term: string }>).map((t) => t.term)
const TERMS = [...termsOf('V1.1'), ...termsOf('V1.2')]
const FILLER = ['玉林市召开工作会议。', '部署近期重点工作', '人民', '市长', '"引号"', '\\', '\n', '中华人民', '共合国', 'abc', '。', '']

const textNode = (text: string) => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const paragraph = (children: unknown[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children })

function generated(rand: () => number, i: number) {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const piece = () => {
    const r = rand()
    if (r < 0.08) return pick(TERMS)
    if (r < 0.3) {
      // a term cut in two: the halves land in neighbouring nodes or paragraphs
      const term = Array.from(pick(TERMS))
      const cut = 1 + Math.floor(rand() * (term.length - 1))
      return rand() < 0.5 ? term.slice(0, cut).join('') : term.slice(cut).join('')
    }
    return pick(FILLER)
  }
  const paragraphs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
    const children: unknown[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => textNode(piece() + (rand() < 0.5 ? piece() : '')))
    if (rand() < 0.05)
      children.push({
        type: 'link',
        version: 3,
        fields: { url: rand() < 0.5 ? '/s/www/none/1.html' : 'http://[bad', linkType: 'custom' },
        children: [textNode('链接')],
      })
    if (rand() < 0.05) children.push({ type: 'autolink', version: 1, fields: { url: '/s/www/missing/', linkType: 'custom' }, children: [textNode(piece())] })
    if (rand() < 0.05) children.push({ type: 'upload', version: 3, relationTo: 'media', value: { id: i, alt: rand() < 0.5 ? '' : '图' } })
    return paragraph(children)
  })
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs } }
}

function article(
  i: number,
  title: string,
  body: { text: string; links: Array<{ href: string }>; uploads: Array<{ media: string | null; alt?: string | null }> },
): ArticleText {
  return {
    id: i,
    organizationId: String(1 + (i % 3)),
    columnId: 7,
    url: `http://localhost/s/www/news/${i}.html`,
    title,
    text: `${title}\n${body.text}`,
    // every 7th dated in the future, every 5th created a month after its publish date (backdated)
    publishedAt: new Date(asOf.getTime() - i * 60_000 + (i % 7 === 0 ? 5 * 86_400_000 : 0)).toISOString(),
    createdAt: new Date(asOf.getTime() - i * 60_000 + (i % 5 === 0 ? 30 * 86_400_000 : 0)).toISOString(),
    legacyImport: i % 2 === 0,
    images: body.uploads.map((u) => ({ src: u.media ? `/media/${u.media}` : '', alt: u.alt ?? null })),
    links: body.links,
  }
}

const scanOptions = { asOf, full: true, resolveInternalUrl: () => false, internalHosts: new Set(['localhost']) }

describe('the raw-body prefilter of the fast text scan', () => {
  it('gives the same findings as parsing every body, on generated bodies with split terms, escapes, links and images', () => {
    const rand = random(42)
    const pattern = compileBodyPrefilter(bodyPrefilterSources(set))
    const plain: ArticleText[] = []
    const fast: ArticleText[] = []
    const raws: string[] = []
    let skipped = 0
    for (let i = 1; i <= 4000; i++) {
      const title = rand() < 0.03 ? `关于${TERMS[i % TERMS.length]}的通知` : `工作动态${i}`
      const raw = JSON.stringify(generated(rand, i))
      raws.push(raw)
      plain.push(article(i, title, walkLexical(JSON.parse(raw))))
      const needed = bodyNeedsScan(pattern, title, raw)
      if (!needed) skipped++
      fast.push(article(i, title, needed ? walkLexical(JSON.parse(raw)) : { text: '', links: [], uploads: [] }))
    }
    const expected = serializeScanState(scanArticles(set, null, { upserted: plain }, scanOptions))
    const actual = serializeScanState(scanArticles(set, null, { upserted: fast }, scanOptions))
    expect(actual).toEqual(expected)
    // The fixture must exercise every scan check, and the prefilter must actually skip bodies.
    const codes = new Set(expected.findings.map((f) => f.indicatorCode))
    expect([...codes].sort()).toEqual(
      [
        'V1.1',
        'V1.2',
        'V1.3',
        ...set.indicators.filter((i) => i.measure.kind === 'check' && ['broken-links', 'image-alt'].includes(i.measure.check.id)).map((i) => i.code),
      ].sort(),
    )
    expect(skipped).toBeGreaterThan(200)
    // Terms found only because text nodes are joined (not verbatim in the raw JSON) are among them.
    const spanning = expected.findings.filter(
      (f) =>
        ['V1.1', 'V1.2'].includes(f.indicatorCode) &&
        !raws[Number(f.articleId) - 1]!.includes(String(f.detail.term)) &&
        !f.title.includes(String(f.detail.term)),
    )
    expect(spanning.length).toBeGreaterThan(5)
  })

  it('skips an ordinary body and keeps one whose term spans two text nodes', () => {
    const pattern = compileBodyPrefilter(bodyPrefilterSources(set))
    const body = (...texts: string[]) => JSON.stringify({ root: { type: 'root', children: [paragraph(texts.map(textNode))] } })
    expect(bodyNeedsScan(pattern, '工作动态', body('玉林市召开工作会议。'))).toBe(false)
    expect(bodyNeedsScan(pattern, '工作动态', body('市长助', '里出席会议。'))).toBe(true)
    expect(walkLexical(JSON.parse(body('市长助', '里出席会议。'))).text).toContain('市长助里')
    expect(bodyNeedsScan(pattern, '六合彩开奖', body('正文。'))).toBe(true)
    expect(bodyNeedsScan(pattern, '工作动态', body('他说\\"你好\\"'))).toBe(true)
    expect(bodyNeedsScan(pattern, '工作动态', null)).toBe(true)
  })

  it('is off (every body parsed) for terms JSON escapes and for scan checks it does not know', () => {
    const data = structuredClone(BUILT_IN_SET_DATA['national-2019']) as any
    data.indicators.find((i: any) => i.code === 'V1.2').measure.params.terms = [{ term: '"错"字' }]
    expect(bodyPrefilterSources(loadIndicatorSet(data))).toBeNull()
    const unknown = {
      ...set,
      indicators: [...set.indicators, { code: 'X9', measure: { kind: 'check', check: { id: 'new-body-check', scanArticle: () => [] }, params: {} } }],
    }
    expect(bodyPrefilterSources(unknown as never)).toBeNull()
    expect(bodyNeedsScan(null, '工作动态', '{}')).toBe(true)
  })
})
