// Highlighting is done in JS for both engines' hits from the stored plain text: the embedded
// index is contentless (FTS5 snippet() needs stored content), and one implementation keeps
// the markup identical across engines.

import { escapeHtml } from '../lib/html'

// Folding runs over every hit's body (≈ 170 µs a hit when done character by character, most of
// a snippet's cost). Characters outside ASCII and the common ideographs are few and repeat
// (punctuation), so their folds are memoised; the map is bounded by the characters that exist.
const foldedCharacters = new Map<string, string>()
/** Characters whose fold is not themselves: A–Z and everything outside ASCII and U+4E00–U+9FFF. */
const NEEDS_FOLDING = /[A-Z]|[^\x00-\x7f\u4e00-\u9fff]/gu

/** NFKC + lowercase of one character (code point). */
function foldCharacter(ch: string): string {
  let folded = foldedCharacters.get(ch)
  if (folded === undefined) {
    folded = ch.normalize('NFKC').toLowerCase()
    foldedCharacters.set(ch, folded)
  }
  return folded
}

/**
 * The whole text folded at once (4× cheaper than a replace with a callback per punctuation
 * mark), when that equals folding each character alone and changes no length: then the offsets
 * are the positions. Null otherwise (compositions, ligatures), for the character-wise path.
 */
function alignedFold(text: string): string | null {
  const whole = text.normalize('NFKC').toLowerCase()
  if (whole.length !== text.length) return null
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const keepsItself = code < 0x80 ? code < 0x41 || code > 0x5a : code >= 0x4e00 && code <= 0x9fff
    if (keepsItself) {
      if (whole.charCodeAt(i) !== code) return null
    } else if (code >= 0xd800 && code <= 0xdbff) {
      if (foldCharacter(text.slice(i, i + 2)) !== whole.slice(i, i + 2)) return null
      i++
    } else if (foldCharacter(text[i]!) !== whole[i]) {
      return null
    }
  }
  return whole
}

/**
 * Normalized (NFKC, lowercase) text with, for each normalized UTF-16 unit, its offset in the
 * original; `offsets` is null when every character folds to one of the same length (nearly
 * always), and the offsets are then the positions themselves.
 */
export function normalizeWithOffsets(text: string): { normalized: string; offsets: number[] | null } {
  const aligned = alignedFold(text)
  if (aligned !== null) return { normalized: aligned, offsets: null }
  let sameLength = true
  const normalized = text.replace(NEEDS_FOLDING, (ch) => {
    const folded = foldCharacter(ch)
    if (folded.length !== ch.length) sameLength = false
    return folded
  })
  if (sameLength) return { normalized, offsets: null }
  const offsets: number[] = []
  let position = 0
  for (const ch of text) {
    const folded = ch.replace(NEEDS_FOLDING, foldCharacter)
    for (let i = 0; i < folded.length; i++) offsets.push(position)
    position += ch.length
  }
  offsets.push(position)
  return { normalized, offsets }
}

interface Range {
  start: number
  end: number
}

/** Every occurrence of any needle, as ranges of the original text, merged where they overlap. */
function findMatches(text: string, needles: string[]): Range[] {
  const { normalized, offsets } = normalizeWithOffsets(text)
  const ranges: Range[] = []
  for (const needle of needles) {
    if (!needle) continue
    let from = normalized.indexOf(needle)
    while (from !== -1) {
      const end = from + needle.length
      ranges.push(offsets ? { start: offsets[from]!, end: offsets[end]! } : { start: from, end })
      from = normalized.indexOf(needle, from + needle.length)
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

function markRanges(text: string, ranges: Range[], offset: number): string {
  let html = ''
  let cursor = 0
  for (const range of ranges) {
    const start = Math.max(range.start - offset, cursor)
    const end = Math.min(range.end - offset, text.length)
    if (end <= start) continue
    html += escapeHtml(text.slice(cursor, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>'
    cursor = end
  }
  return html + escapeHtml(text.slice(cursor))
}

/** The whole text, HTML-escaped, with needles wrapped in <mark>. */
export function highlightText(text: string, needles: string[]): string {
  return markRanges(text, findMatches(text, needles), 0)
}

/**
 * An excerpt of about `length` characters around the first match, HTML-escaped except for the
 * <mark> tags; the start of the text when nothing matches (e.g. a title-only match).
 */
export function makeSnippet(text: string, needles: string[], length: number, contextBefore: number): string {
  return excerpt(text, needles, length, contextBefore, { before: false, after: false })
}

/**
 * makeSnippet for a UTF-8 body as stored: decoding a whole 3 KB body cost as much as the rest of
 * a hit (V8 decodes UTF-8 at ≈ 150 MB/s), so only a window around the first verbatim occurrence
 * of a needle is decoded. Without a verbatim one (the match was folded: full-width, capitals) the
 * whole body is. A folded occurrence before the verbatim one, outside the window, is not the one
 * shown: the excerpt is still around a match.
 */
export function makeSnippetFromUtf8(bytes: Buffer, needles: string[], length: number, contextBefore: number): string {
  let first = -1
  for (const needle of needles) {
    if (!needle) continue
    const at = bytes.indexOf(needle, 0, 'utf8')
    if (at !== -1 && (first === -1 || at < first)) first = at
  }
  if (first === -1) return makeSnippet(bytes.toString('utf8'), needles, length, contextBefore)
  // At most 4 bytes a character: these hold at least `contextBefore` and `length` characters.
  let from = Math.max(0, first - 4 * (contextBefore + 1))
  while (from > 0 && (bytes[from]! & 0xc0) === 0x80) from++
  let to = Math.min(bytes.length, first + 4 * (length + 1))
  while (to < bytes.length && (bytes[to]! & 0xc0) === 0x80) to--
  return excerpt(bytes.toString('utf8', from, to), needles, length, contextBefore, { before: from > 0, after: to < bytes.length })
}

/** `cut` says the text is a window of a longer one, which the ellipses must show. */
function excerpt(text: string, needles: string[], length: number, contextBefore: number, cut: { before: boolean; after: boolean }): string {
  const ranges = findMatches(text, needles)
  const first = ranges[0]
  let start = first ? Math.max(0, first.start - contextBefore) : 0
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--
  let end = Math.min(text.length, start + length)
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++
  const html = markRanges(
    text.slice(start, end),
    ranges.filter((r) => r.end > start && r.start < end),
    start,
  )
  return (start > 0 || cut.before ? '…' : '') + html + (end < text.length || cut.after ? '…' : '')
}
