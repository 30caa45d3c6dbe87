// The search page's view model (themes/_base/pages/search.liquid renders it). Everything here is
// plain text the template escapes, except a hit's title and snippet: the engine escaped their text
// and then added only <mark>, so the template outputs those two as they are.
import settings from '../settings.json' with { type: 'json' }
import type { SearchHit } from '../types'
import type { PublicSearchRequest } from './request'
import { searchQueryString } from './request'
import type { Suggestion } from './suggestions'
import { TYPE_LABELS } from './labels'

export interface FacetValue {
  value: string
  label: string
  count: number
  selected: boolean
}

export interface FacetView {
  site: FacetValue[]
  organization: FacetValue[]
  type: FacetValue[]
  year: FacetValue[]
}

export interface SearchPageView {
  action: string
  request: PublicSearchRequest
  siteName: string | null
  /** null before the visitor searched (empty form). */
  result: null | {
    hits: SearchHit[]
    total: number
    estimate: boolean
    pages: number
    facets: FacetView
    facetsAreEstimate: boolean
    suggestions: Suggestion[]
  }
  /** A message instead of results: bad input (400) or search unavailable (503). */
  message?: { text: string; kind: 'input' | 'unavailable' | 'busy' }
}

/** One line of help: text, an optional link, text. */
interface SuggestionLine {
  before: string
  href: string
  link: string
  after: string
}

const href = (action: string, request: PublicSearchRequest, change: Partial<PublicSearchRequest> = {}) => {
  const query = searchQueryString(request, { page: 1, ...change })
  return query ? `${action}?${query}` : action
}

function suggestionLine(view: SearchPageView, suggestion: Suggestion): SuggestionLine {
  const line = (before: string, link = '', after = '', to?: PublicSearchRequest) => ({ before, link, after, href: to ? href(view.action, to) : '' })
  switch (suggestion.kind) {
    case 'synonyms':
      return line(`已同时搜索“${suggestion.term}”的同义词：${suggestion.alternatives.join('、')}`)
    case 'all-sites':
      return line('', `在全部网站中搜索“${view.request.q}”`, `（${suggestion.total} 条结果）`, suggestion.request)
    case 'drop-term':
      return line(`去掉“${suggestion.dropped}”：`, suggestion.request.q, `（${suggestion.total} 条结果）`, suggestion.request)
    case 'split':
      return line('您是不是要找：', suggestion.text, `（${suggestion.total} 条结果）`, suggestion.request)
    case 'clear-filters':
      return line('', '取消筛选条件', `（${suggestion.total} 条结果）`, suggestion.request)
  }
}

function facetGroup(view: SearchPageView, title: string, param: 'sites' | 'orgs' | 'types' | 'years', values: FacetValue[]) {
  const items = values.slice(0, settings.http.facetValuesShown).map((facet) => ({
    label: `${facet.label} (${facet.count})`,
    selected: facet.selected,
    // A selected value links to the results without it.
    href: href(view.action, view.request, { [param]: facet.selected ? view.request[param].filter((v) => v !== facet.value) : [facet.value] }),
  }))
  return { title, items }
}

function pager(view: SearchPageView, pages: number) {
  const { page } = view.request
  if (pages <= 1) return null
  const first = Math.max(1, page - 4)
  const last = Math.min(pages, first + 9)
  const items = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((n) => ({
    n,
    current: n === page,
    href: href(view.action, view.request, { page: n }),
  }))
  return {
    items,
    prevHref: page > 1 ? href(view.action, view.request, { page: page - 1 }) : '',
    nextHref: page < pages ? href(view.action, view.request, { page: page + 1 }) : '',
  }
}

export function searchPageModel(view: SearchPageView) {
  const { request, result } = view
  return {
    action: view.action,
    q: request.q,
    maxLength: settings.limits.maxQueryLength,
    siteName: view.siteName ?? '',
    scopeAll: request.scope === 'all',
    sortByDate: request.sort === 'date',
    message: view.message ? { text: view.message.text, isInput: view.message.kind === 'input' } : null,
    result: result && {
      summary: `${request.q ? `“${request.q}”：` : ''}${result.estimate ? `超过 ${result.total} 条结果` : `共 ${result.total} 条结果`}${request.scope === 'all' ? '（全部网站）' : ''}`,
      empty: result.total === 0,
      help: result.suggestions.filter((s) => s.kind !== 'synonyms').map((s) => suggestionLine(view, s)),
      synonyms: result.suggestions.filter((s) => s.kind === 'synonyms').map((s) => suggestionLine(view, s)),
      facetsHeading: `筛选${result.facetsAreEstimate ? '（按最新结果统计）' : ''}`,
      facets: [
        request.scope === 'all' ? facetGroup(view, '网站', 'sites', result.facets.site) : null,
        facetGroup(view, '单位', 'orgs', result.facets.organization),
        facetGroup(view, '类型', 'types', result.facets.type),
        facetGroup(view, '年份', 'years', result.facets.year),
      ].filter((group) => group && group.items.length),
      start: (request.page - 1) * request.pageSize + 1,
      hits: result.hits.map((hit) => ({
        href: hit.url,
        titleHtml: hit.titleHighlighted,
        snippetHtml: hit.snippet,
        meta: `${hit.siteName} · ${hit.organizationName} · ${TYPE_LABELS[hit.type] ?? hit.type} · `,
        publishedAt: hit.publishedAt,
        date: hit.publishedAt.slice(0, 10),
      })),
      pager: pager(view, result.pages),
    },
  }
}
