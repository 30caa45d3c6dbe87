// The search page's main content (the theme's layout wraps it). Every value from the request is
// escaped here; titles and snippets come escaped from the engine with only <mark> added.
import { escapeHtml } from '../highlight'
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

// Inline so the page works inside any theme; the CSP allows exactly this text by its hash (src/security).
export const SEARCH_PAGE_CSS = `
.sg-search form[role=search]{display:grid;gap:.5rem;max-width:40rem}
.sg-search fieldset{border:0;padding:0;margin:0}.sg-search fieldset label{display:inline;font-weight:normal;margin-right:1rem}
.sg-search .facets ul,.sg-search .pager ul{list-style:none;padding:0}.sg-search .facets li{margin:.2rem 0}
.sg-search .pager li{display:inline-block;margin-right:.5rem}.sg-search mark{background:#ffe45c;color:inherit}
.sg-search .meta{color:#444;font-size:.9em}.sg-search .results li{margin-bottom:1.2rem}
.sg-search [aria-current]{font-weight:700}
.sg-search .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`
const STYLE = `<style>${SEARCH_PAGE_CSS}</style>`

const link = (action: string, request: PublicSearchRequest, change: Partial<PublicSearchRequest> = {}) => {
  const query = searchQueryString(request, { page: 1, ...change })
  return escapeHtml(query ? `${action}?${query}` : action)
}

function form(view: SearchPageView): string {
  const { request, siteName } = view
  const checked = (on: boolean) => (on ? ' checked' : '')
  const selected = (on: boolean) => (on ? ' selected' : '')
  return `<form role="search" action="${escapeHtml(view.action)}" method="get" aria-label="站内搜索">
<label for="sg-search-q">搜索关键词</label>
<input id="sg-search-q" name="q" type="search" value="${escapeHtml(request.q)}" maxlength="${settings.limits.maxQueryLength}" autocomplete="off">
${siteName ? `<fieldset><legend>搜索范围</legend>
<label><input type="radio" name="scope" value="site"${checked(request.scope === 'site')}> 本站（${escapeHtml(siteName)}）</label>
<label><input type="radio" name="scope" value="all"${checked(request.scope === 'all')}> 全部网站</label>
</fieldset>` : '<input type="hidden" name="scope" value="all">'}
<label for="sg-search-sort">排序方式</label>
<select id="sg-search-sort" name="sort"><option value="relevance"${selected(request.sort === 'relevance')}>按相关度</option><option value="date"${selected(request.sort === 'date')}>按时间（最新在前）</option></select>
<button type="submit">搜索</button>
</form>`
}

function facetGroup(view: SearchPageView, title: string, param: 'sites' | 'orgs' | 'types' | 'years', values: FacetValue[]): string {
  if (values.length === 0) return ''
  const shown = values.slice(0, settings.http.facetValuesShown)
  const items = shown.map((facet) =>
    facet.selected
      ? `<li><a href="${link(view.action, view.request, { [param]: view.request[param].filter((v) => v !== facet.value) })}" aria-current="true">${escapeHtml(facet.label)} (${facet.count}) <span>✕<span class="visually-hidden">取消此筛选</span></span></a></li>`
      : `<li><a href="${link(view.action, view.request, { [param]: [facet.value] })}">${escapeHtml(facet.label)} (${facet.count})</a></li>`,
  )
  return `<h3>${escapeHtml(title)}</h3><ul>${items.join('')}</ul>`
}

function suggestionHtml(view: SearchPageView, suggestion: Suggestion): string {
  const href = (request: PublicSearchRequest) => link(view.action, request)
  switch (suggestion.kind) {
    case 'synonyms':
      return `<li>已同时搜索“${escapeHtml(suggestion.term)}”的同义词：${suggestion.alternatives.map(escapeHtml).join('、')}</li>`
    case 'all-sites':
      return `<li><a href="${href(suggestion.request)}">在全部网站中搜索“${escapeHtml(view.request.q)}”</a>（${suggestion.total} 条结果）</li>`
    case 'drop-term':
      return `<li>去掉“${escapeHtml(suggestion.dropped)}”：<a href="${href(suggestion.request)}">${escapeHtml(suggestion.request.q)}</a>（${suggestion.total} 条结果）</li>`
    case 'split':
      return `<li>您是不是要找：<a href="${href(suggestion.request)}">${escapeHtml(suggestion.text)}</a>（${suggestion.total} 条结果）</li>`
    case 'clear-filters':
      return `<li><a href="${href(suggestion.request)}">取消筛选条件</a>（${suggestion.total} 条结果）</li>`
  }
}

function hitHtml(hit: SearchHit): string {
  const date = hit.publishedAt.slice(0, 10)
  return `<li><h3><a href="${escapeHtml(hit.url)}">${hit.titleHighlighted}</a></h3>
<p class="snippet">${hit.snippet}</p>
<p class="meta">${escapeHtml(hit.siteName)} · ${escapeHtml(hit.organizationName)} · ${escapeHtml(TYPE_LABELS[hit.type] ?? hit.type)} · <time datetime="${escapeHtml(hit.publishedAt)}">${escapeHtml(date)}</time></p></li>`
}

function pager(view: SearchPageView, pages: number): string {
  const { page } = view.request
  if (pages <= 1) return ''
  const first = Math.max(1, page - 4)
  const last = Math.min(pages, first + 9)
  const items: string[] = []
  if (page > 1) items.push(`<li><a href="${link(view.action, view.request, { page: page - 1 })}" rel="prev">上一页</a></li>`)
  for (let n = first; n <= last; n++) {
    items.push(n === page ? `<li><a aria-current="page">${n}</a></li>` : `<li><a href="${link(view.action, view.request, { page: n })}">${n}</a></li>`)
  }
  if (page < pages) items.push(`<li><a href="${link(view.action, view.request, { page: page + 1 })}" rel="next">下一页</a></li>`)
  return `<nav class="pager" aria-label="分页"><ul>${items.join('')}</ul></nav>`
}

export function searchPageHtml(view: SearchPageView): string {
  const parts = [STYLE, '<div class="sg-search">', '<h1>搜索</h1>', form(view)]
  if (view.message) {
    parts.push(`<p class="${view.message.kind === 'input' ? 'error' : 'notice'}" role="alert">${escapeHtml(view.message.text)}</p>`)
  }
  const result = view.result
  if (result) {
    const { request } = view
    const count = result.estimate ? `超过 ${result.total} 条结果` : `共 ${result.total} 条结果`
    parts.push(`<p role="status" class="summary">${request.q ? `“${escapeHtml(request.q)}”：` : ''}${count}${request.scope === 'all' ? '（全部网站）' : ''}</p>`)
    const synonymHelp = result.suggestions.filter((s) => s.kind === 'synonyms')
    const otherHelp = result.suggestions.filter((s) => s.kind !== 'synonyms')
    if (result.total === 0) {
      parts.push(`<section aria-labelledby="sg-search-help"><h2 id="sg-search-help">没有找到相关结果</h2><ul>${otherHelp.map((s) => suggestionHtml(view, s)).join('')}<li>请检查错别字，或换用更常见、更简短的词语。</li></ul></section>`)
    }
    if (synonymHelp.length) parts.push(`<ul class="synonyms">${synonymHelp.map((s) => suggestionHtml(view, s)).join('')}</ul>`)
    const facets = [
      request.scope === 'all' ? facetGroup(view, '网站', 'sites', result.facets.site) : '',
      facetGroup(view, '单位', 'orgs', result.facets.organization),
      facetGroup(view, '类型', 'types', result.facets.type),
      facetGroup(view, '年份', 'years', result.facets.year),
    ].join('')
    if (facets) parts.push(`<nav class="facets" aria-label="筛选结果"><h2>筛选${result.facetsAreEstimate ? '（按最新结果统计）' : ''}</h2>${facets}</nav>`)
    if (result.hits.length) {
      const start = (request.page - 1) * request.pageSize + 1
      parts.push(`<h2 class="visually-hidden">搜索结果</h2><ol class="results" start="${start}">${result.hits.map(hitHtml).join('\n')}</ol>`)
    }
    parts.push(pager(view, result.pages))
  }
  parts.push('</div>')
  return parts.join('\n')
}
