import { describe, expect, it } from 'vitest'
import { indexTokens, normalizeText, parseQueryTerms } from '../../src/search/index'
import { BOUNDARY, DIGITS_REVERSED } from '../../src/search/tokenizer'
import type { TermAlternative } from '../../src/search/query-terms'
import { makeRandom } from '../../bench/search/corpus'
import { containsTerm } from './contract'

/** Does the token list contain the query tokens contiguously, the first or last one as a prefix when asked? */
function containsSlice(tokens: string[], query: TermAlternative): boolean {
  const wanted = query.tokens
  outer: for (let start = 0; start + wanted.length <= tokens.length; start++) {
    for (let i = 0; i < wanted.length; i++) {
      const token = tokens[start + i]!
      const prefix = (i === 0 && query.suffixFirst) || (i === wanted.length - 1 && query.prefixLast)
      if (prefix ? !token.startsWith(wanted[i]!) : token !== wanted[i]) continue outer
    }
    return true
  }
  return false
}

const R = DIGITS_REVERSED
const visible = (tokens: string) => tokens.replaceAll(BOUNDARY, '¶').replaceAll(R, '~')

describe('tokenizer', () => {
  it('makes CJK bigrams with a closing unigram, Latin words and punctuation tokens', () => {
    expect(visible(indexTokens('玉政办发〔2024〕12号'))).toBe('玉政 政办 办发 发 〔 2024 ~4202 〕 12 ~21 号')
    expect(visible(indexTokens('Hello，WORLD GB2312 低'))).toBe('hello , world gb2312 ~2132 低')
    expect(visible(indexTokens('ＡＢＣ２０２４'))).toBe('abc2024 ~4202')
  })

  it('puts a boundary token between paragraphs (line breaks), which no query can contain', () => {
    expect(visible(indexTokens('结束。\n\n罗江镇\r\n2026'))).toBe('结束 束 。 ¶ 罗江 江镇 镇 ¶ 2026 ~6202')
    expect(parseQueryTerms(`${BOUNDARY}罗江 ${R}42`).flatMap((term) => term.alternatives.flatMap((alternative) => alternative.tokens))).toEqual(['罗江', '42'])
  })

  it('drops control characters and normalizes full-width forms', () => {
    expect(normalizeText('\u0000低\u200b保\u0007 ＡＢ')).toBe('低 保 ab')
  })

  it('turns the query terms into phrases, a lone trailing character as a prefix', () => {
    const [term] = parseQueryTerms('低保')
    expect(term!.alternatives[0]).toMatchObject({ tokens: ['低保'], prefixLast: false })
    expect(parseQueryTerms('县')[0]!.alternatives[0]).toMatchObject({ tokens: ['县'], prefixLast: true })
    expect(parseQueryTerms('2024年')[0]!.alternatives[0]).toMatchObject({ tokens: [`${R}4202`, '年'], prefixLast: true, suffixFirst: true })
    expect(parseQueryTerms('年20')[0]!.alternatives[0]).toMatchObject({ tokens: ['年', '20'], prefixLast: true, suffixFirst: false })
    expect(parseQueryTerms('年2024年')[0]!.alternatives[0]).toMatchObject({ tokens: ['年', '2024', `${R}4202`, '年'], prefixLast: true, suffixFirst: false })
    expect(parseQueryTerms('2024')[0]!.alternatives[0]).toMatchObject({ tokens: ['2024'], prefixLast: false, suffixFirst: false })
    expect(parseQueryTerms('gb2312年')[0]!.alternatives[0]).toMatchObject({ tokens: ['gb2312', `${R}2132`, '年'], suffixFirst: false })
    expect(parseQueryTerms('"社会 保障" 医保').map((t) => [t.text, t.phrase])).toEqual([
      ['社会 保障', true],
      ['医保', false],
    ])
    expect(parseQueryTerms('a b c d e f g h i j k l').length).toBe(10)
    expect(parseQueryTerms('  "  " ')).toEqual([])
  })

  it('finds every substring of one paragraph and nothing that spans a paragraph break (the exactness property)', () => {
    const random = makeRandom(11)
    const alphabet = [...'低保医疗保险容县北流市民安镇〔〕（）《》，。、：；2024abcXY \n\n']
    let spanning = 0
    for (let round = 0; round < 2000; round++) {
      const length = 5 + Math.floor(random() * 40)
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      const paragraphs = text.split('\n').map(normalizeText)
      const tokens = indexTokens(text).split(' ')
      const start = Math.floor(random() * text.length)
      const sub = normalizeText(text.slice(start, start + 1 + Math.floor(random() * 8)).replaceAll('\n', ''))
      if (!sub || sub.includes(' ')) continue
      const expected = paragraphs.some((paragraph) => containsTerm(paragraph, sub))
      if (!expected && normalizeText(text.replaceAll('\n', '')).includes(sub)) spanning++
      for (const term of parseQueryTerms(`"${sub}"`)) {
        expect(containsSlice(tokens, term.alternatives[0]!), `${sub} in ${JSON.stringify(text)}`).toBe(expected)
      }
    }
    expect(spanning).toBeGreaterThan(50)
  })
})
