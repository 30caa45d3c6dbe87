// Chinese-aware tokens made in JS, fed to SQLite FTS5 as space-separated words
// (research/search.md: bigrams in JS are 4× faster than jieba and the only way, with
// trigram, to match "contains" exactly; jieba misses local names such as 北流市民安镇).
//
// Text is read as units: a run of CJK characters, a word of other letters/digits, or one
// punctuation/symbol character. A CJK run c1…cn becomes the bigrams c1c2 … c(n-1)cn followed
// by the unigram cn, so every character starts exactly one token. Tokenizing any substring of
// a text therefore yields a contiguous slice of the text's tokens, except that the substring's
// last CJK character may start a bigram in the text: that last token is matched as a prefix.
// This makes every query of CJK characters (with punctuation such as 〔〕) an exact substring test.
//
// Two tokens no text can produce (private-use characters are separators to classify()):
// - BOUNDARY between paragraphs and fields (line breaks in the text): phrases are adjacent
//   tokens, so a phrase cannot run from one paragraph into the next.
// - after every word ending in digits, DIGITS_REVERSED + its trailing digits reversed: a query
//   whose first word is a digit run (`24年`) is matched as a suffix of a number by a prefix
//   query on this token (FTS5 has prefix queries, not suffix ones).
import { stripControlChars } from './query-schema'

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007]/u
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const SYMBOL = /[\p{P}\p{S}]/u
const CJK_CHAR = 0
const WORD = 1
const PUNCTUATION = 2
const SEPARATOR = 3

/** Character class, with fast paths for ASCII and common ideographs (Unicode regexes are slow per character). */
function classify(ch: string): number {
  const code = ch.charCodeAt(0)
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) return WORD
    return code <= 0x20 ? SEPARATOR : PUNCTUATION
  }
  if (code >= 0x4e00 && code <= 0x9fff) return CJK_CHAR
  if (CJK.test(ch)) return CJK_CHAR
  if (WORD_CHAR.test(ch)) return WORD
  return SYMBOL.test(ch) ? PUNCTUATION : SEPARATOR
}

export const BOUNDARY = '\ue000'
export const DIGITS_REVERSED = '\ue001'
const TRAILING_DIGITS = /[0-9]+$/
const ALL_DIGITS = /^[0-9]+$/

/** Longer "words" (hashes, base64) are cut so one token cannot bloat the index. */
const MAX_WORD_LENGTH = 40

/** NFKC folds full-width letters/digits (２０２４ → 2024); lowercasing makes Latin case-insensitive. */
export function normalizeText(text: string): string {
  return stripControlChars(text.normalize('NFKC').toLowerCase())
}

export interface TokenizedText {
  tokens: string[]
  /** True when the last token is a single CJK character that ends the text: match it as a prefix. */
  lastIsOpenUnigram: boolean
}

/** Tokens of already-normalized text. */
export function tokenizeNormalized(text: string): TokenizedText {
  const tokens: string[] = []
  let cjkRun: string[] = []
  let word = ''
  let lastIsOpenUnigram = false

  const flushCjk = () => {
    for (let i = 0; i + 1 < cjkRun.length; i++) tokens.push(cjkRun[i]! + cjkRun[i + 1]!)
    if (cjkRun.length > 0) tokens.push(cjkRun[cjkRun.length - 1]!)
    cjkRun = []
  }
  const flushWord = () => {
    if (!word) return
    tokens.push(word.slice(0, MAX_WORD_LENGTH))
    const digits = TRAILING_DIGITS.exec(word)?.[0]
    if (digits) tokens.push(reversedDigits(digits))
    word = ''
  }

  for (const ch of text) {
    const kind = classify(ch)
    if (kind === CJK_CHAR) {
      flushWord()
      cjkRun.push(ch)
      lastIsOpenUnigram = true
      continue
    }
    lastIsOpenUnigram = false
    if (kind === WORD) {
      flushCjk()
      word += ch
    } else {
      flushCjk()
      flushWord()
      // Punctuation is kept as a token so 〔2024〕 does not match [2024]; other characters separate.
      if (kind === PUNCTUATION) tokens.push(ch)
    }
  }
  flushCjk()
  flushWord()
  return { tokens, lastIsOpenUnigram }
}

/** The token that follows a word ending in these digits; digits beyond a word's length limit are cut as the word is. */
export function reversedDigits(digits: string): string {
  return DIGITS_REVERSED + [...digits.slice(-MAX_WORD_LENGTH)].reverse().join('')
}

/** Index tokens for a field, as the string stored in the FTS5 column; a line break is a paragraph boundary. */
export function indexTokens(text: string): string {
  const paragraphs: string[] = []
  for (const paragraph of text.split(/[\n\r\u2028\u2029]/)) {
    const tokens = tokenizeNormalized(normalizeText(paragraph)).tokens
    if (tokens.length) paragraphs.push(tokens.join(' '))
  }
  return paragraphs.join(` ${BOUNDARY} `)
}

/** Index tokens a digit edge can be expanded into (plan.ts): words starting with a digit, and reversed-digits tokens. */
export function digitTerms(indexed: string): string[] {
  return indexed.match(/(?<=^| )[0-9\ue001][^ ]*/g) ?? []
}

export interface QueryTokens {
  tokens: string[]
  /** The last token is a CJK character ending the term, or a digit run ending a longer term: match it as a prefix. */
  prefixLast: boolean
  /** The first token is the reversed-digits token of a digit run starting a longer term: match it as a prefix (a suffix of a number). */
  suffixFirst: boolean
}

/**
 * Tokens that prove a query term occurs as a substring. A trailing run of ≥ 2 CJK characters
 * ends on a bigram, which is always followed in the index by the next character's token, so
 * its closing unigram is redundant and dropped (a prefix query over a common character is slow).
 * A digit run at either edge of a longer term may continue in the text (`24年` in `2024年`):
 * a trailing one is a prefix, a leading one a suffix through its reversed-digits token.
 */
export function queryTokens(normalizedTerm: string): QueryTokens {
  const { tokens, lastIsOpenUnigram } = tokenizeNormalized(normalizedTerm)
  // The reversed-digits token after the last word says nothing the word does not.
  if (tokens.length > 1 && tokens[tokens.length - 1]!.startsWith(DIGITS_REVERSED)) tokens.pop()
  let suffixFirst = false
  if (ALL_DIGITS.test(tokens[0] ?? '') && tokens[1]?.startsWith(DIGITS_REVERSED) && tokens.length > 2) {
    tokens.shift()
    suffixFirst = true
  }
  if (!lastIsOpenUnigram) {
    const prefixLast = tokens.length > 1 && ALL_DIGITS.test(tokens[tokens.length - 1]!)
    return { tokens, prefixLast, suffixFirst }
  }
  const previous = tokens[tokens.length - 2]
  const last = tokens[tokens.length - 1]!
  // previous is the bigram ending in `last` when the run had ≥ 2 characters.
  if (previous && [...previous].length === 2 && [...previous][1] === last && CJK.test([...previous][0]!)) {
    return { tokens: tokens.slice(0, -1), prefixLast: false, suffixFirst }
  }
  return { tokens, prefixLast: true, suffixFirst }
}

export function isCjk(ch: string): boolean {
  return CJK.test(ch)
}
