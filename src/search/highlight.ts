// Highlighting is done in JS for both engines' hits from the stored plain text: the embedded
// index is contentless (FTS5 snippet() needs stored content), and one implementation keeps
// the markup identical across engines.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}

/** Normalized (NFKC, lowercase) text with, for each normalized UTF-16 unit, its offset in the original. */
function normalizeWithOffsets(text: string): { normalized: string; offsets: number[] } {
  let normalized = ''
  const offsets: number[] = []
  let position = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    // Fast path: ASCII only needs lowercasing and common CJK ideographs are already NFKC.
    const folded =
      code < 0x80 ? ch.toLowerCase() : code >= 0x4e00 && code <= 0x9fff ? ch : ch.normalize('NFKC').toLowerCase()
    for (let i = 0; i < folded.length; i++) offsets.push(position)
    normalized += folded
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
      ranges.push({ start: offsets[from]!, end: offsets[from + needle.length]! })
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
  const ranges = findMatches(text, needles)
  const first = ranges[0]
  let start = first ? Math.max(0, first.start - contextBefore) : 0
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--
  let end = Math.min(text.length, start + length)
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++
  const excerpt = text.slice(start, end)
  const html = markRanges(excerpt, ranges.filter((r) => r.end > start && r.start < end), start)
  return (start > 0 ? '…' : '') + html + (end < text.length ? '…' : '')
}
