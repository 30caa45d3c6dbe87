// URL parameters of the public search (page and API) → a typed request. Everything here is
// checked before it reaches the engine, whose own schema checks the rest (length, codes, dates).
import { SearchInputError } from '../errors'
import settings from '../settings.json' with { type: 'json' }
import type { SearchQueryInput } from '../types'

export type Scope = 'site' | 'all'

/** The visitor's request, in the URL's own terms (so links can be rebuilt from it). */
export interface PublicSearchRequest {
  q: string
  scope: Scope
  sites: string[]
  orgs: string[]
  types: string[]
  years: string[]
  from: string
  to: string
  sort: 'relevance' | 'date'
  page: number
  pageSize: number
}

const LIST_PARAMS = ['sites', 'orgs', 'types', 'years'] as const
const KNOWN = new Set(['q', 'scope', 'sort', 'page', 'pageSize', 'from', 'to', 'site', ...LIST_PARAMS])

function single(query: Record<string, unknown>, name: string): string {
  const value = query[name]
  if (value === undefined) return ''
  if (typeof value !== 'string')
    throw new SearchInputError(`参数 ${name} 只能出现一次 (parameter "${name}" must be given once)`, [{ path: name, message: 'given more than once' }])
  return value
}

function list(query: Record<string, unknown>, name: string): string[] {
  const value = query[name]
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
  if (values.some((entry) => typeof entry !== 'string'))
    throw new SearchInputError(`参数 ${name} 格式不正确 (parameter "${name}" is malformed)`, [{ path: name, message: 'malformed' }])
  return [
    ...new Set(
      (values as string[])
        .flatMap((entry) => entry.split(','))
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  ]
}

/**
 * Reads the URL query. `strict` (the JSON API) refuses unknown parameters so typos are noticed;
 * the HTML page ignores them (tracking parameters and the like).
 */
export function readSearchRequest(query: Record<string, unknown>, options: { strict: boolean; defaultPageSize: number }): PublicSearchRequest {
  if (options.strict) {
    const unknown = Object.keys(query).filter((key) => !KNOWN.has(key))
    if (unknown.length) {
      throw new SearchInputError(
        `未知参数 (unknown parameter): ${unknown.slice(0, 5).join(', ')}; 可用参数 (known): ${[...KNOWN].join(', ')}`,
        unknown.map((path) => ({ path, message: 'unknown parameter' })),
      )
    }
  }
  const scope = single(query, 'scope') || 'site'
  if (scope !== 'site' && scope !== 'all')
    throw new SearchInputError('scope 只能是 site 或 all (scope must be "site" or "all")', [{ path: 'scope', message: 'expected site or all' }])
  const sort = single(query, 'sort') || 'relevance'
  if (sort !== 'relevance' && sort !== 'date')
    throw new SearchInputError('sort 只能是 relevance 或 date (sort must be "relevance" or "date")', [{ path: 'sort', message: 'expected relevance or date' }])
  const number = (name: string, fallback: number) => {
    const raw = single(query, name)
    if (raw === '') return fallback
    if (!/^\d{1,6}$/.test(raw))
      throw new SearchInputError(`${name} 必须是正整数 (${name} must be a positive integer)`, [{ path: name, message: 'expected a positive integer' }])
    return Number(raw)
  }
  return {
    q: single(query, 'q'),
    scope,
    sites: list(query, 'sites'),
    orgs: list(query, 'orgs'),
    types: list(query, 'types'),
    years: list(query, 'years'),
    from: single(query, 'from'),
    to: single(query, 'to'),
    sort,
    page: number('page', 1),
    pageSize: number('pageSize', options.defaultPageSize),
  }
}

/** The engine query for a request; `siteCode` is the visitor's site when the scope is "site". */
export function engineQuery(request: PublicSearchRequest, siteCode: string | null, facets = true): SearchQueryInput {
  const sites = request.scope === 'site' && siteCode ? [siteCode] : request.sites
  return {
    text: request.q,
    sites: sites.length ? sites : undefined,
    organizations: request.orgs.length ? request.orgs : undefined,
    types: (request.types.length ? request.types : undefined) as SearchQueryInput['types'],
    years: (request.years.length ? request.years : undefined) as SearchQueryInput['years'],
    publishedFrom: request.from || undefined,
    publishedTo: request.to || undefined,
    sort: request.sort,
    page: request.page,
    pageSize: request.pageSize,
    facets,
  }
}

/** URL query string for a request, leaving out defaults; `change` overrides fields. */
export function searchQueryString(
  request: PublicSearchRequest,
  change: Partial<PublicSearchRequest> = {},
  defaultPageSize = settings.http.htmlPageSize,
): string {
  const next = { ...request, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.scope !== 'site') params.set('scope', next.scope)
  for (const name of LIST_PARAMS) if (next[name].length) params.set(name, next[name].join(','))
  if (next.from) params.set('from', next.from)
  if (next.to) params.set('to', next.to)
  if (next.sort !== 'relevance') params.set('sort', next.sort)
  if (next.page !== 1) params.set('page', String(next.page))
  if (next.pageSize !== defaultPageSize) params.set('pageSize', String(next.pageSize))
  return params.toString()
}

export function hasFilters(request: PublicSearchRequest): boolean {
  return Boolean(
    request.orgs.length || request.types.length || request.years.length || request.from || request.to || (request.scope === 'all' && request.sites.length),
  )
}
