import { describe, expect, it } from 'vitest'
import { highlightText, makeSnippet, normalizeWithOffsets } from '../../src/search/highlight'
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
const ALPHABET = ['低', '保', '容', '县', 'a', 'Z', '２', 'Ａ', '，', '：', '〔', '〕', '“', 'ﬁ', '㈱', '①', 'Σ', 'É', 'e\u0301', '😀', '𠀋', '\ud800', ' ', '\n', '&', '<']

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
      const boundaries = (list: number[]) => list.filter((_, i) => !/[\udc00-\udfff]/.test(normalized[i] ?? '') || /[\ud800-\udbff]/.test(normalized[i - 1] ?? '') === false)
      expect(boundaries(actual), JSON.stringify(text)).toEqual(boundaries(expected.offsets))
    }
  })

  it('marks the original characters of a match whose fold changed its length', () => {
    expect(highlightText('Ａ㈱ﬁle低保Ｘ', ['(株)fi', '低保'])).toBe('Ａ<mark>㈱ﬁ</mark>le<mark>低保</mark>Ｘ')
    expect(highlightText('ＹＵＬＩＮ，低保', ['yulin'])).toBe('<mark>ＹＵＬＩＮ</mark>，低保')
    expect(makeSnippet('<b>“低保”</b>', ['低保'], 120, 30)).toBe('&lt;b&gt;“<mark>低保</mark>”&lt;/b&gt;')
  })
})
