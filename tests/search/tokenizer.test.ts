import { describe, expect, it } from 'vitest'
import { indexTokens, normalizeText, parseQueryTerms } from '../../src/search/index'
import { makeRandom } from '../../bench/search/corpus'

/** Does the token list contain the query tokens contiguously, the last one as a prefix when asked? */
function containsSlice(tokens: string[], query: string[], prefixLast: boolean): boolean {
  outer: for (let start = 0; start + query.length <= tokens.length; start++) {
    for (let i = 0; i < query.length; i++) {
      const token = tokens[start + i]!
      const wanted = query[i]!
      const last = i === query.length - 1
      if (last && prefixLast ? !token.startsWith(wanted) : token !== wanted) continue outer
    }
    return true
  }
  return false
}

describe('tokenizer', () => {
  it('makes CJK bigrams with a closing unigram, Latin words and punctuation tokens', () => {
    expect(indexTokens('玉政办发〔2024〕12号')).toBe('玉政 政办 办发 发 〔 2024 〕 12 号')
    expect(indexTokens('Hello，WORLD GB2312 低')).toBe('hello , world gb2312 低')
    expect(indexTokens('ＡＢＣ２０２４')).toBe('abc2024')
  })

  it('drops control characters and normalizes full-width forms', () => {
    expect(normalizeText('\u0000低\u200b保\u0007 ＡＢ')).toBe('低 保 ab')
  })

  it('turns the query terms into phrases, a lone trailing character as a prefix', () => {
    const [term] = parseQueryTerms('低保')
    expect(term!.alternatives[0]).toMatchObject({ tokens: ['低保'], prefixLast: false })
    expect(parseQueryTerms('县')[0]!.alternatives[0]).toMatchObject({ tokens: ['县'], prefixLast: true })
    expect(parseQueryTerms('2024年')[0]!.alternatives[0]).toMatchObject({ tokens: ['2024', '年'], prefixLast: true })
    expect(parseQueryTerms('"社会 保障" 医保').map((t) => [t.text, t.phrase])).toEqual([['社会 保障', true], ['医保', false]])
    expect(parseQueryTerms('a b c d e f g h i j k l').length).toBe(10)
    expect(parseQueryTerms('  "  " ')).toEqual([])
  })

  it('finds every substring of a random text (the exactness property)', () => {
    const random = makeRandom(11)
    const alphabet = [...'低保医疗保险容县北流市民安镇〔〕（）《》，。、：；2024abcXY ']
    for (let round = 0; round < 300; round++) {
      const length = 5 + Math.floor(random() * 40)
      const text = normalizeText(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
      const tokens = indexTokens(text).split(' ')
      const start = Math.floor(random() * text.length)
      const sub = text.slice(start, start + 1 + Math.floor(random() * 8)).trim()
      // Substrings cutting through a Latin word are matched as whole words only, by design.
      if (!sub || /[a-z0-9]/.test(sub[0]!) || /[a-z0-9]/.test(sub[sub.length - 1]!) || sub.includes(' ')) continue
      for (const term of parseQueryTerms(`"${sub}"`)) {
        const alternative = term.alternatives[0]!
        expect(containsSlice(tokens, alternative.tokens, alternative.prefixLast), `${sub} in ${text}`).toBe(true)
      }
    }
  })
})
