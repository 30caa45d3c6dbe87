/**
 * The text the matchers read. Words in the lists and the text are folded the same way, and every
 * character of the folded text remembers where it came from, so a finding points at the original.
 *
 * - Full-width ASCII (ＡＢＣ１２３，：) becomes half-width, Latin letters lower case: 截至２０２４年
 *   matches a rule written with 2024.
 * - Whitespace next to a Chinese character is dropped: editors' Word files split 国土 资源部 or
 *   break a line inside a word, and Chinese needs no spaces between words. Other whitespace
 *   (between Latin words or digits) collapses to one space, so "138 1234 5678" keeps its groups.
 * - Zero-width characters and soft hyphens are dropped.
 */
export interface FoldedText {
  text: string
  /** Original UTF-16 index of each folded character; absent when the text needed no folding. */
  origin?: number[]
}

const isZeroWidth = (code: number) => (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad
// Char codes instead of regular expressions: this loop runs once per character of every text checked.
const isWhitespace = (code: number) =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  code === 0xa0 ||
  code === 0x3000 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x1680 ||
  code === 0x202f ||
  code === 0x205f
/** CJK ideographs and the CJK punctuation/full-width forms blocks: text where spaces carry no meaning. */
const isChinese = (char: string | undefined) => {
  const code = char === undefined ? 0 : char.charCodeAt(0)
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)
}

export function foldChar(char: string): string {
  const code = char.charCodeAt(0)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase()
  if (code < 0x80) return char.toLowerCase()
  return char
}

/**
 * What folding would do: nothing (most Chinese prose), change characters one for one (full-width or
 * capital letters: positions stay, no origin map needed), or drop characters (whitespace).
 */
function foldingNeeded(original: string): 'none' | 'characters' | 'positions' {
  let result: 'none' | 'characters' = 'none'
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i)
    if (isWhitespace(code) || isZeroWidth(code)) return 'positions'
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0xff01 && code <= 0xff5e)) result = 'characters'
  }
  return result
}

const FOLDABLE = /[A-Z\uff01-\uff5e]/g

export function foldText(original: string): FoldedText {
  const needed = foldingNeeded(original)
  if (needed === 'none') return { text: original }
  if (needed === 'characters') return { text: original.replace(FOLDABLE, foldChar) }
  let text = ''
  const origin: number[] = []
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i)
    if (isZeroWidth(code)) continue
    if (isWhitespace(code)) {
      let end = i
      while (end + 1 < original.length && (isWhitespace(original.charCodeAt(end + 1)) || isZeroWidth(original.charCodeAt(end + 1)))) end++
      const before = text[text.length - 1]
      const after = original[end + 1]
      if (before !== undefined && after !== undefined && !isChinese(before) && !isChinese(after)) {
        text += ' '
        origin.push(i)
      }
      i = end
      continue
    }
    text += code < 0x80 || (code >= 0xff01 && code <= 0xff5e) ? foldChar(original[i]) : original[i]
    origin.push(i)
  }
  return { text, origin }
}

/** A list word folded as the text is (whitespace inside a word is dropped). */
export function foldWord(word: string): string {
  return foldText(word).text
}

/** The original range of folded [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): { offset: number; length: number } {
  if (!folded.origin) return { offset: start, length: end - start }
  const offset = folded.origin[start]
  return { offset, length: folded.origin[end - 1] + 1 - offset }
}
