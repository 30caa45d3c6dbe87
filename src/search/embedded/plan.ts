import type { QueryTerm, TermAlternative } from '../query-terms'
import type { FacetCounts, SearchQuery } from '../types'
import settings from '../settings.json' with { type: 'json' }
import { rowidRangeForDates, siteRangeForDates, type RowidRange } from './rowid'

/** Everything a reader needs to run one search; plain data so it can cross to a worker thread. */
export interface SearchPlan {
  /**
   * FTS5 expression over text and filter tags; null when the query has neither. Run against the
   * text tables it finds title or body matches, against the title tables title matches: the
   * terms carry no column filter because no query token can equal a tag token (see phrase()).
   */
  match: string | null
  hasText: boolean
  rowidRange: RowidRange
  /**
   * Set when the query names a few sites: the search then runs over those sites' ranges of the
   * site-major `fts_site` (rowid.ts), and `match` carries no site tags. An empty list
   * means none of the sites has a document in the index.
   */
  siteRanges: SiteRange[] | null
  sort: 'relevance' | 'date'
  offset: number
  limit: number
  facets: boolean
  /** Normalized strings to <mark> in titles and snippets. */
  needles: string[]
  nowMs: number
  /** Counts already known for this `match` and range (from the engine's count cache): not recounted. */
  known?: KnownCounts
}

/**
 * One site's slice of `fts_site`. FTS5 checks the upper rowid bound only between matches, so a
 * condition with no match left in the range would walk on through the following sites' doclists
 * (10–70 ms for a title tier at 200,000 documents). The reader therefore bounds the walk: when
 * the range runs to the end of the site, by ORing the tag of the site whose documents come next
 * (it matches nothing inside the range, and its first document ends the walk); otherwise by
 * ANDing the site's own `tag`, whose doclist ends with the site.
 */
export interface SiteRange {
  range: RowidRange
  tag: string
  /** The range runs to the site's last rowid: every rowid above it belongs to a later site. */
  toSiteEnd: boolean
}

/** What depends only on the matching set, not on the page or the sort: cached per match expression. */
export interface KnownCounts {
  total: number
  totalIsEstimate: boolean
  facets?: FacetCounts
}

/** Tags are single FTS tokens in the `tags` column, e.g. `s.yl-gov` for site yl-gov. */
export const TAG_PREFIX = { site: 's.', organization: 'o.', type: 't.', year: 'y.' } as const

export function documentTags(doc: { site: string; organization: string; type: string; year: number }): string {
  return [TAG_PREFIX.site + doc.site, TAG_PREFIX.organization + doc.organization, TAG_PREFIX.type + doc.type, TAG_PREFIX.year + doc.year]
    .map((tag) => tag.toLowerCase())
    .join(' ')
}

/** A string literal in FTS5 syntax: everything inside double quotes is text, `"` is doubled. */
function quote(text: string): string {
  return '"' + text.replaceAll('"', '""') + '"'
}

/**
 * Why the text terms need no `{title body}` filter: every tag token holds a `.` after its
 * prefix letter (`s.yl-gov`), while the query tokenizer cuts punctuation into tokens of its own,
 * and a prefix term starts with a CJK character (`"县" *`), a digit (`"20" *`) or the reversed-digits
 * mark (tokenizer.ts), never with a tag's letter and dot. A column filter made FTS5
 * decode position lists it otherwise skips: 20–30 % of a count (measured at 1M documents).
 */
function phrase(alternative: TermAlternative, expandDigits: DigitExpander): string {
  const { tokens, suffixFirst, prefixLast } = alternative
  const digitEnd = prefixLast && /^[0-9]/.test(tokens[tokens.length - 1]!)
  const firsts = suffixFirst ? expandDigits(tokens[0]!) : null
  const lasts = digitEnd && tokens.length > 1 ? expandDigits(tokens[tokens.length - 1]!) : null
  const size = (firsts?.length ?? 1) * (lasts?.length ?? 1)
  if ((suffixFirst ? firsts?.length : 1) && (digitEnd ? lasts?.length : 1) && size <= settings.embedded.digitEdgeExpansionLimit) {
    // Every index token the digit edges can be: an OR of exact phrases, each read lazily.
    const middle = tokens.slice(suffixFirst ? 1 : 0, digitEnd ? -1 : undefined)
    const options = (firsts ?? [null]).flatMap((first) =>
      (lasts ?? [null]).map((last) => {
        const exact = [...(first === null ? [] : [first]), ...middle, ...(last === null ? [] : [last])]
        return `${quote(exact.join(' '))}${prefixLast && !digitEnd ? ' *' : ''}`
      }),
    )
    return options.length === 1 ? options[0]! : `(${options.join(' OR ')})`
  }
  const last = `${quote(tokens.slice(suffixFirst ? 1 : 0).join(' '))}${prefixLast ? ' *' : ''}`
  // FTS5 allows a prefix on any part of a phrase joined with +.
  return suffixFirst ? `${quote(tokens[0]!)} * + ${last}` : last
}

/** Index tokens starting with a prefix, or null when more than the expansion limit do. */
export type DigitExpander = (prefix: string) => string[] | null

function termExpression(term: QueryTerm, expandDigits: DigitExpander): string {
  const options = term.alternatives.map((alternative) => phrase(alternative, expandDigits))
  return options.length === 1 ? options[0]! : `(${options.join(' OR ')})`
}

/** The FTS5 condition "document of this site". */
export function siteTag(site: string): string {
  return tagExpression(TAG_PREFIX.site, [site])!
}

function tagExpression(prefix: string, values: (string | number)[] | undefined): string | null {
  if (!values || values.length === 0) return null
  const options = [...new Set(values.map((value) => quote((prefix + value).toLowerCase())))]
  return `tags : (${options.join(' OR ')})`
}

function dateMs(value: string | undefined, endOfDay: boolean): number | undefined {
  if (!value) return undefined
  const ms = Date.parse(value)
  // A bare date as the upper bound means the whole of that day.
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + 86_400_000 - 1 : ms
}

/** Key of the engine's count cache: what decides the matching set, not the page or the sort. */
export function countKey(plan: SearchPlan): string {
  const ranges = plan.siteRanges ? plan.siteRanges.map(({ range }) => range.join('-')).join(',') : 'all'
  return `${plan.match}|${plan.rowidRange.join(',')}|${ranges}`
}

/** Site ranges for a few named sites with whole-second date bounds; null means: use the tags. */
function siteRangesOf(
  sites: string[] | undefined,
  siteNumber: (site: string) => number | undefined,
  fromMs: number | undefined,
  toMs: number | undefined,
): SiteRange[] | null {
  if (!sites?.length || sites.length > settings.embedded.siteRangesUpTo) return null
  const ranges: SiteRange[] = []
  for (const site of new Set(sites)) {
    const number = siteNumber(site)
    if (number === undefined) continue
    const range = siteRangeForDates(number, fromMs, toMs)
    if (!range) return null
    ranges.push({ range, tag: siteTag(site), toSiteEnd: fromMs === undefined })
  }
  return ranges
}

export function compileSearchPlan(
  query: SearchQuery,
  terms: QueryTerm[],
  siteNumber: (site: string) => number | undefined = () => undefined,
  nowMs = Date.now(),
  expandDigits: DigitExpander = () => null,
): SearchPlan {
  const fromMs = dateMs(query.publishedFrom, false)
  const toMs = dateMs(query.publishedTo, true)
  const siteRanges = siteRangesOf(query.sites, siteNumber, fromMs, toMs)
  const filters = [
    siteRanges ? null : tagExpression(TAG_PREFIX.site, query.sites),
    tagExpression(TAG_PREFIX.organization, query.organizations),
    tagExpression(TAG_PREFIX.type, query.types),
    tagExpression(TAG_PREFIX.year, query.years),
  ].filter((part): part is string => part !== null)

  const parts = [...terms.map((term) => termExpression(term, expandDigits)), ...filters]

  return {
    match: parts.length ? parts.join(' AND ') : null,
    hasText: terms.length > 0,
    rowidRange: rowidRangeForDates(fromMs, toMs),
    siteRanges,
    sort: query.sort,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    facets: query.facets,
    needles: [...new Set(terms.flatMap((term) => term.alternatives.map((alternative) => alternative.text)))],
    nowMs,
  }
}
