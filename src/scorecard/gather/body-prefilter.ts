import type { IndicatorSet } from '../indicator-sets'

/**
 * Raw-JSON prefilter for the text scan (正文预筛): a body whose stored Lexical JSON cannot give any
 * scan check a finding is not parsed at all. Parsing and walking a body costs ~11 µs, one regex
 * over its raw JSON ~2 µs, and on a real group almost no body has a finding.
 *
 * It never drops a finding, because a skipped body can only be one where:
 * - no backslash occurs in the raw JSON, so every string in it is stored verbatim (no escapes);
 * - no listed term occurs in the raw JSON or the title (a term inside one text node is verbatim);
 * - no text string ends with a character that starts or continues a term (`X"`): the scanned text
 *   joins all text nodes, so a term can span two nodes only where the first ends inside the term;
 * - no `"link"`/`"autolink"` (broken-links) or `"upload"` (image-alt) string occurs.
 * Terms holding characters JSON escapes, or a scan check this file does not know, switch the
 * prefilter off (every body is parsed). tests/scorecard/fast-scan.test.ts compares both ways.
 */
type Needs = { terms?: string[]; continuing?: string[]; structural?: string[] }
const BODY_NEEDS: Record<string, (params: any) => Needs | null> = {
  'term-list': (params: { terms: Array<{ term: string }> }) => {
    const terms: string[] = []
    const continuing = new Set<string>()
    for (const { term } of params.terms) {
      const chars = Array.from(term)
      // eslint-disable-next-line no-control-regex
      if (chars.some((c) => /["\\\u0000-\u001f\ufffd]/.test(c) || /[\ud800-\udfff]/.test(c))) return null
      terms.push(term)
      for (const c of chars.slice(0, -1)) continuing.add(c)
    }
    return { terms, continuing: [...continuing] }
  },
  'broken-links': () => ({ structural: ['"link"', '"autolink"'] }),
  'image-alt': () => ({ structural: ['"upload"'] }),
  // Reads only the dates, never the body.
  'publish-date-anomalies': () => ({}),
}

/**
 * The patterns run over the body's UTF-8 bytes read as latin1 (one char per byte), so a body is
 * never decoded unless it is parsed; a term matches there exactly when its UTF-8 bytes occur, and
 * UTF-8 never puts a backslash or a quote byte inside a multi-byte character.
 */
const bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
const escape = (text: string) => bytes(text).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The prefilter's regex sources for the set's scan checks, or null when every body must be
 * parsed. A body needs the scan when any of them matches. Strings, so they can be handed to worker
 * threads. Three short regexes instead of one alternation: irregexp tries every alternative at
 * every position of a mixed alternation (18 µs a body), three simple ones take ~7 µs together.
 */
export function bodyPrefilterSources(set: IndicatorSet): string[] | null {
  const structural = ['\\\\'] // any escape in the raw JSON: parse it
  const terms = new Set<string>()
  const continuing = new Set<string>()
  for (const indicator of set.indicators) {
    if (indicator.measure.kind !== 'check' || !indicator.measure.check.scanArticle) continue
    const needs = BODY_NEEDS[indicator.measure.check.id]
    const found = needs ? needs(indicator.measure.params) : null
    if (found === null) return null
    structural.push(...(found.structural ?? []))
    for (const term of found.terms ?? []) terms.add(escape(term))
    for (const c of found.continuing ?? []) continuing.add(escape(c))
  }
  const sources = [structural.join('|')]
  if (terms.size) sources.push([...terms].join('|'))
  if (continuing.size) sources.push(`(?:${[...continuing].join('|')})"`)
  return sources
}

/** The compiled prefilter (null: parse every body). */
export function compileBodyPrefilter(sources: string[] | null): RegExp[] | null {
  return sources === null ? null : sources.map((source) => new RegExp(source))
}

/**
 * Whether the body (its stored JSON's UTF-8 bytes) must be parsed and walked; false means the
 * checks cannot find anything in it.
 */
export function bodyNeedsScan(patterns: RegExp[] | null, title: string | null, rawBody: Buffer | string | null): boolean {
  if (patterns === null || rawBody === null) return true
  const body = typeof rawBody === 'string' ? bytes(rawBody) : rawBody.toString('latin1')
  const head = title === null ? null : bytes(title)
  for (const pattern of patterns) if (pattern.test(body) || (head !== null && pattern.test(head))) return true
  return false
}
