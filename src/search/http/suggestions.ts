// "Did you mean / no results" help // 搜索建议: which related searches would find something.
// Each candidate is counted with a one-hit query (cached like any other), and only on
// zero-result searches, so the help costs nothing on a normal search.
import settings from '../settings.json' with { type: 'json' }
import { buildSynonymMap, type SynonymGroups } from '../synonyms'
import { normalizeText } from '../tokenizer'
import type { SearchEngine } from '../types'
import { engineQuery, hasFilters, type PublicSearchRequest } from './request'

export type Suggestion =
  /** The query's terms that were widened with their synonym group (informative). */
  | { kind: 'synonyms'; term: string; alternatives: string[] }
  | { kind: 'all-sites'; total: number; request: PublicSearchRequest }
  | { kind: 'drop-term'; dropped: string; total: number; request: PublicSearchRequest }
  | { kind: 'split'; text: string; total: number; request: PublicSearchRequest }
  | { kind: 'clear-filters'; total: number; request: PublicSearchRequest }

const CHINESE_RUN = /^[\u3400-\u9fff]{4,}$/u

/** The words of a query as the engine sees them (quotes dropped: suggestions are loose by nature). */
function words(text: string): string[] {
  return [...new Set(normalizeText(text).replaceAll('"', ' ').split(' ').filter(Boolean))]
}

export function synonymSuggestions(text: string, groups: SynonymGroups): Suggestion[] {
  const map = buildSynonymMap(groups)
  return words(text).flatMap((term) => {
    const alternatives = (map.get(term) ?? []).filter((other) => other !== term)
    return alternatives.length ? [{ kind: 'synonyms' as const, term, alternatives }] : []
  })
}

/**
 * Alternatives for a search that found nothing: all sites instead of this one, the query without
 * one of its words, a long Chinese word split in two, the same words without the filters.
 */
export async function zeroResultSuggestions(engine: SearchEngine, request: PublicSearchRequest, siteCode: string | null): Promise<Suggestion[]> {
  const terms = words(request.q)
  if (terms.length === 0) return []
  const base = { ...request, page: 1 }
  const candidates: { make: (total: number, next: PublicSearchRequest) => Suggestion; request: PublicSearchRequest }[] = []
  if (request.scope === 'site' && siteCode) {
    const next = { ...base, scope: 'all' as const, sites: [] }
    candidates.push({ request: next, make: (total) => ({ kind: 'all-sites', total, request: next }) })
  }
  if (hasFilters(request)) {
    const next = { ...base, sites: [], orgs: [], types: [], years: [], from: '', to: '' }
    candidates.push({ request: next, make: (total) => ({ kind: 'clear-filters', total, request: next }) })
  }
  if (terms.length > 1) {
    for (const dropped of terms) {
      const next = { ...base, q: terms.filter((term) => term !== dropped).join(' ') }
      candidates.push({ request: next, make: (total) => ({ kind: 'drop-term', dropped, total, request: next }) })
    }
  } else if (CHINESE_RUN.test(terms[0]!)) {
    const term = terms[0]!
    const half = Math.ceil(term.length / 2)
    const text = `${term.slice(0, half)} ${term.slice(half)}`
    const next = { ...base, q: text }
    candidates.push({ request: next, make: (total) => ({ kind: 'split', text, total, request: next }) })
  }
  const found: Suggestion[] = []
  for (const candidate of candidates.slice(0, settings.http.maxSuggestionQueries)) {
    const result = await engine.search({ ...engineQuery(candidate.request, siteCode, false), page: 1, pageSize: 1 })
    if (result.total > 0) found.push(candidate.make(result.total, candidate.request))
  }
  return found
}
