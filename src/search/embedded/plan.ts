import type { QueryTerm, TermAlternative } from '../query-terms'
import type { FacetCounts, SearchQuery } from '../types'
import { rowidRangeForDates } from './rowid'

/** Everything a reader needs to run one search; plain data so it can cross to a worker thread. */
export interface SearchPlan {
  /** FTS5 expression over text and filter tags; null when the query has neither. */
  match: string | null
  /** The same terms restricted to titles, for the title tier of relevance ranking. */
  titleMatch: string | null
  hasText: boolean
  rowidRange: [number, number]
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

/** What depends only on the matching set, not on the page or the sort: cached per match expression. */
export interface KnownCounts {
  total: number
  totalIsEstimate: boolean
  facets?: FacetCounts
}

/** Tags are single FTS tokens in the `tags` column, e.g. `s.yl-gov` for site yl-gov. */
export const TAG_PREFIX = { site: 's.', organization: 'o.', type: 't.', year: 'y.' } as const

export function documentTags(doc: { site: string; organization: string; type: string; year: number }): string {
  return [
    TAG_PREFIX.site + doc.site,
    TAG_PREFIX.organization + doc.organization,
    TAG_PREFIX.type + doc.type,
    TAG_PREFIX.year + doc.year,
  ]
    .map((tag) => tag.toLowerCase())
    .join(' ')
}

/** A string literal in FTS5 syntax: everything inside double quotes is text, `"` is doubled. */
function quote(text: string): string {
  return '"' + text.replaceAll('"', '""') + '"'
}

function phrase(alternative: TermAlternative, columns: string): string {
  return `${columns} : ${quote(alternative.tokens.join(' '))}${alternative.prefixLast ? ' *' : ''}`
}

function termExpression(term: QueryTerm, columns: string): string {
  const options = term.alternatives.map((alternative) => phrase(alternative, columns))
  return options.length === 1 ? options[0]! : `(${options.join(' OR ')})`
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

export function compileSearchPlan(query: SearchQuery, terms: QueryTerm[], nowMs = Date.now()): SearchPlan {
  const filters = [
    tagExpression(TAG_PREFIX.site, query.sites),
    tagExpression(TAG_PREFIX.organization, query.organizations),
    tagExpression(TAG_PREFIX.type, query.types),
    tagExpression(TAG_PREFIX.year, query.years),
  ].filter((part): part is string => part !== null)

  const textParts = terms.map((term) => termExpression(term, '{title body}'))
  const titleParts = terms.map((term) => termExpression(term, 'title'))
  const join = (parts: string[]) => (parts.length ? parts.join(' AND ') : null)

  return {
    match: join([...textParts, ...filters]),
    titleMatch: terms.length ? join([...titleParts, ...filters]) : null,
    hasText: terms.length > 0,
    rowidRange: rowidRangeForDates(dateMs(query.publishedFrom, false), dateMs(query.publishedTo, true)),
    sort: query.sort,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    facets: query.facets,
    needles: [...new Set(terms.flatMap((term) => term.alternatives.map((alternative) => alternative.text)))],
    nowMs,
  }
}

