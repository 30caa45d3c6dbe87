import { describe, expect, it } from 'vitest'
import { highlightText, makeSnippet, makeSnippetFromUtf8, normalizeWithOffsets } from '../../src/search/highlight'
import { makeRandom } from '../../bench/search/corpus'

/** The definition: each code point folded alone (NFKC, lowercase), every output unit mapped back to its code point. */
function reference(text: string): { normalized: string; offsets: number[] } {
  let normalized = ''
  const offsets: number[] = []
  let position = 0
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase()
    for (let i = 0; i < folded.length; i++) offsets.push(position)
    normalized += folded
    position += ch.length
  }
  offsets.push(position)
  return { normalized, offsets }
}

// Same-length folds (full-width, capitals, punctuation) and length-changing ones (ligatures,
// enclosed characters, decomposing compatibility characters), surrogate pairs, a lone surrogate.
const ALPHABET = [
  '低',
  '保',
  '容',
  '县',
  'a',
  'Z',
  '２',
  'Ａ',
  '，',
  '：',
  '〔',
  '〕',
  '“',
  'ﬁ',
  '㈱',
  '①',
  'Σ',
  'É',
  'e\u0301',
  '😀',
  '𠀋',
  '\ud800',
  ' ',
  '\n',
  '&',
  '<',
]

describe('snippet folding', () => {
  it('normalizes with the same text and offsets as folding each character alone', () => {
    const random = makeRandom(11)
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 40)
      const text = Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]!).join('')
      const expected = reference(text)
      const { normalized, offsets } = normalizeWithOffsets(text)
      expect(normalized, JSON.stringify(text)).toBe(expected.normalized)
      // Compared where a match can start or end: not inside a surrogate pair.
      const actual = offsets ?? Array.from({ length: normalized.length + 1 }, (_, i) => i)
      const boundaries = (list: number[]) =>
        list.filter((_, i) => !/[\udc00-\udfff]/.test(normalized[i] ?? '') || /[\ud800-\udbff]/.test(normalized[i - 1] ?? '') === false)
      expect(boundaries(actual), JSON.stringify(text)).toEqual(boundaries(expected.offsets))
    }
  })

  it('marks the original characters of a match whose fold changed its length', () => {
    expect(highlightText('Ａ㈱ﬁle低保Ｘ', ['(株)fi', '低保'])).toBe('Ａ<mark>㈱ﬁ</mark>le<mark>低保</mark>Ｘ')
    expect(highlightText('ＹＵＬＩＮ，低保', ['yulin'])).toBe('<mark>ＹＵＬＩＮ</mark>，低保')
    expect(makeSnippet('<b>“低保”</b>', ['低保'], 120, 30)).toBe('&lt;b&gt;“<mark>低保</mark>”&lt;/b&gt;')
  })

  it('excerpts a UTF-8 body from a window around the first verbatim match, as from the whole text', () => {
    const random = makeRandom(12)
    let compared = 0
    for (let n = 0; n < 3000; n++) {
      const length = 50 + Math.floor(random() * 300)
      // As stored: UTF-8 has no lone surrogates (they become U+FFFD).
      const text = Buffer.from(Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]!).join('')).toString()
      const { normalized, offsets } = normalizeWithOffsets(text)
      // Needles are whole characters of normalized text, as query terms are.
      const characters = [...normalized]
      const needles = [1, 2].map(() => {
        const at = Math.floor(random() * characters.length)
        return characters.slice(at, at + 1 + Math.floor(random() * 3)).join('')
      })
      const size = 10 + Math.floor(random() * 40)
      const before = Math.floor((random() * size) / 2)
      const windowed = makeSnippetFromUtf8(Buffer.from(text), needles, size, before)
      // Where the first match of the whole text is a verbatim one, both must agree exactly.
      const folded = Math.min(...needles.map((needle) => normalized.indexOf(needle)).filter((at) => at !== -1))
      const verbatim = Math.min(...needles.map((needle) => text.indexOf(needle)).filter((at) => at !== -1))
      const firstFolded = offsets ? offsets[folded] : folded
      if (firstFolded === verbatim) {
        expect(windowed, JSON.stringify({ text, needles, size, before })).toBe(makeSnippet(text, needles, size, before))
        compared++
      } else if (Number.isFinite(verbatim)) {
        expect(windowed, JSON.stringify({ text, needles, size, before })).toContain('<mark>')
      }
    }
    expect(compared).toBeGreaterThan(500)
    // No verbatim occurrence: the whole body is folded and searched, as makeSnippet does.
    expect(makeSnippetFromUtf8(Buffer.from('前言ＹＵＬＩＮ市'), ['yulin'], 120, 30)).toBe('前言<mark>ＹＵＬＩＮ</mark>市')
    const long = '甲'.repeat(500) + '低保' + '乙'.repeat(500)
    expect(makeSnippetFromUtf8(Buffer.from(long), ['低保'], 20, 5)).toBe(makeSnippet(long, ['低保'], 20, 5))
  })
})
