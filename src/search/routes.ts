/**
 * The public search // 站内搜索 over HTTP: `GET /search` (page, in the site's theme) and
 * `GET /api/search` (JSON). Mount the router at "/" and at "/s/:site" (it uses mergeParams), before
 * Next's /api handler. Bad input answers 400 with a message; an engine that is down or rebuilding
 * answers 503 ("搜索暂时不可用"); nothing here answers 500.
 */
import type { IncomingMessage } from 'node:http'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'
import { SearchInputError, SearchUnavailableError } from './errors'
import { labelSource, TYPE_LABELS, type Labels } from './http/labels'
import { searchPageModel, type FacetValue, type FacetView, type SearchPageView } from './http/page'
import { engineQuery, readSearchRequest, type PublicSearchRequest } from './http/request'
import { synonymSuggestions, zeroResultSuggestions, type Suggestion } from './http/suggestions'
import { SearchQueryLog, type LoggedSite } from './query-log'
import settings from './settings.json' with { type: 'json' }
import { currentSynonymGroups } from './synonym-settings'
import type { DocumentType, FacetCounts, SearchEngine, SearchResult } from './types'
import type { SynonymGroups } from './synonyms'

/** The top-level paths the search router mounts (the public sites leave them to it). */
export const SEARCH_PATHS = { page: '/search', api: '/api/search' } as const

/**
 * What the search needs of the public sites: the request's site and the theme's search page.
 * src/sites' PublicPages fits; the caller hands it in, so the search does not know about sites.
 */
export interface SearchPages {
  sites: { forRequest(req: IncomingMessage): Promise<LoggedSite | null> }
  render(req: IncomingMessage, page: { site: LoggedSite | null; type: 'search'; title: string; view: object }): Promise<string>
}

export interface SearchRouterOptions {
  payload: Payload
  /** The engine that answers queries (with query workers): `createSearchEngine(process.env)`. */
  engine: SearchEngine
  /** Site resolution and the theme's search page: src/sites' `pages` (or `standalonePublicPages(payload)`). */
  pages: SearchPages
  /** Per-address limit on both routes; `false` turns it off (benchmarks, tests behind one address). */
  rateLimit?: false | { windowSeconds?: number; limit?: number }
  /** The query log; one is made (flushing every 5 s) when omitted, `false` records nothing. */
  queryLog?: SearchQueryLog | false
}

export const UNAVAILABLE_MESSAGE = '搜索暂时不可用，请稍后再试 (search is temporarily unavailable; please try again later)'
const BUSY_MESSAGE = '搜索过于频繁，请稍后再试 (too many searches; please wait a moment)'

interface Answer {
  request: PublicSearchRequest
  site: LoggedSite | null
  result: SearchResult
  facets: FacetView
  pages: number
  suggestions: Suggestion[]
}

function facetView(counts: FacetCounts | undefined, request: PublicSearchRequest, labels: Labels): FacetView {
  const list = (bucket: Record<string, number> | undefined, selected: string[], label: (value: string) => string, byValue = false): FacetValue[] =>
    Object.entries(bucket ?? {})
      .map(([value, count]) => ({ value, label: label(value), count, selected: selected.includes(value) }))
      .sort((a, b) => (byValue ? b.value.localeCompare(a.value) : b.count - a.count || a.label.localeCompare(b.label)))
  return {
    site: list(counts?.site, request.sites, labels.site),
    organization: list(counts?.organization, request.orgs, labels.organization),
    type: list(counts?.type, request.types, (value) => TYPE_LABELS[value as DocumentType] ?? value),
    year: list(counts?.year, request.years, (value) => `${value}年`, true),
  }
}

export function createSearchRouter(options: SearchRouterOptions): Router {
  const { payload, engine, pages } = options
  const resolver = pages.sites
  const labels = labelSource(payload)
  const queryLog = options.queryLog === false ? null : (options.queryLog ?? new SearchQueryLog(payload))
  let synonyms: { groups: SynonymGroups; at: number } | null = null
  const synonymGroups = async (): Promise<SynonymGroups> => {
    if (!synonyms || Date.now() - synonyms.at > settings.http.labelsTtlSeconds * 1000) {
      synonyms = { groups: await currentSynonymGroups(payload).catch(() => synonyms?.groups ?? []), at: Date.now() }
    }
    return synonyms.groups
  }
  const router = express.Router({ mergeParams: true })

  const sendPage = async (req: Request, res: Response, site: LoggedSite | null, view: SearchPageView, status: number) => {
    const title = view.request.q ? `${view.request.q} - 搜索` : '搜索'
    const html = await pages.render(req, { site, type: 'search', title, view: searchPageModel(view) })
    res.status(status).type('html').set('Cache-Control', 'no-store').send(html)
  }
  const emptyRequest = (): PublicSearchRequest => ({
    q: '',
    scope: 'site',
    sites: [],
    orgs: [],
    types: [],
    years: [],
    from: '',
    to: '',
    sort: 'relevance',
    page: 1,
    pageSize: settings.http.htmlPageSize,
  })
  const action = (req: Request) => `${req.baseUrl}${SEARCH_PATHS.page}`
  // originalUrl, not path: inside router.use() the mount path is stripped from req.path.
  const wantsJson = (req: Request) => (req.originalUrl ?? req.url).split('?')[0]!.endsWith(SEARCH_PATHS.api)

  if (options.rateLimit !== false) {
    router.use(
      [SEARCH_PATHS.page, SEARCH_PATHS.api],
      rateLimit({
        windowMs: (options.rateLimit?.windowSeconds ?? settings.http.rateLimitWindowSeconds) * 1000,
        limit: options.rateLimit?.limit ?? settings.http.rateLimitPerWindow,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (req, res) => {
          if (wantsJson(req)) return void res.status(429).json({ error: BUSY_MESSAGE })
          void sendPage(
            req,
            res,
            null,
            { action: action(req), request: emptyRequest(), siteName: null, result: null, message: { text: BUSY_MESSAGE, kind: 'busy' } },
            429,
          )
        },
      }),
    )
  }

  /** Runs one public search; throws SearchInputError / SearchUnavailableError, or 'not-found'. */
  async function answer(req: Request, strict: boolean): Promise<Answer | 'not-found'> {
    const request = readSearchRequest(req.query as Record<string, unknown>, {
      strict,
      defaultPageSize: strict ? settings.limits.defaultPageSize : settings.http.htmlPageSize,
    })
    const site = await resolver.forRequest(req)
    if (!site && req.params?.site) return 'not-found'
    if (!site) request.scope = 'all'
    const result = await engine.search(engineQuery(request, site?.code ?? null))
    if (request.page === 1) queryLog?.record(site, request.q, result.total)
    const suggestions = request.q ? synonymSuggestions(request.q, await synonymGroups()) : []
    if (result.total === 0 && request.q) suggestions.push(...(await zeroResultSuggestions(engine, request, site?.code ?? null)))
    const window = Math.min(result.total, settings.limits.maxResultWindow)
    return {
      request,
      site,
      result,
      facets: facetView(result.facets, request, await labels()),
      pages: Math.max(1, Math.ceil(window / request.pageSize)),
      suggestions,
    }
  }

  const suggestionJson = (req: Request, suggestion: Suggestion) => {
    if (suggestion.kind === 'synonyms') return suggestion
    const { request, ...rest } = suggestion
    const query = new URLSearchParams({ q: request.q, ...(request.scope === 'all' ? { scope: 'all' } : {}) })
    for (const [name, values] of [
      ['sites', request.sites],
      ['orgs', request.orgs],
      ['types', request.types],
      ['years', request.years],
    ] as const)
      if (values.length) query.set(name, values.join(','))
    return { ...rest, q: request.q, scope: request.scope, href: `${action(req)}?${query}` }
  }

  router.get(SEARCH_PATHS.api, async (req, res) => {
    try {
      const found = await answer(req, true)
      if (found === 'not-found') return void res.status(404).json({ error: '未找到该网站 (no such site)' })
      const { request, site, result, facets, pages, suggestions } = found
      res.set('Cache-Control', 'no-cache').json({
        query: {
          q: request.q,
          scope: request.scope,
          site: site?.code ?? null,
          sort: request.sort,
          filters: { sites: request.sites, orgs: request.orgs, types: request.types, years: request.years, from: request.from || null, to: request.to || null },
        },
        hits: result.hits,
        total: result.total,
        estimate: result.totalIsEstimate,
        page: result.page,
        pageSize: result.pageSize,
        pages,
        facets,
        facetsAreEstimate: result.facetsAreEstimate ?? false,
        suggestions: suggestions.map((suggestion) => suggestionJson(req, suggestion)),
        tookMs: result.tookMs,
      })
    } catch (error) {
      if (error instanceof SearchInputError) return void res.status(400).json({ error: error.message, issues: error.issues })
      if (!(error instanceof SearchUnavailableError)) payload.logger.error({ err: error }, 'search: unexpected failure, answered 503')
      res.status(503).set('Retry-After', '30').json({ error: UNAVAILABLE_MESSAGE })
    }
  })

  router.get(SEARCH_PATHS.page, async (req, res) => {
    const site = await resolver.forRequest(req).catch(() => null)
    const base = { action: action(req), siteName: site?.name ?? null }
    try {
      if (req.query.q === undefined && Object.keys(req.query).every((key) => key === 'scope' || key === 'site')) {
        const request = { ...emptyRequest(), scope: req.query.scope === 'all' || !site ? ('all' as const) : ('site' as const) }
        return void (await sendPage(req, res, site, { ...base, request, result: null }, 200))
      }
      const found = await answer(req, false)
      if (found === 'not-found')
        return void (await sendPage(
          req,
          res,
          null,
          { ...base, request: emptyRequest(), result: null, message: { text: '未找到该网站 (no such site)', kind: 'input' } },
          404,
        ))
      const { request, result, facets, pages, suggestions } = found
      const view: SearchPageView = {
        ...base,
        request,
        result: {
          hits: result.hits,
          total: result.total,
          estimate: result.totalIsEstimate,
          pages,
          facets,
          facetsAreEstimate: result.facetsAreEstimate ?? false,
          suggestions,
        },
      }
      await sendPage(req, res, found.site, view, 200)
    } catch (error) {
      const request = { ...emptyRequest(), q: typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '' }
      if (error instanceof SearchInputError)
        return void (await sendPage(
          req,
          res,
          site,
          { ...base, request, result: null, message: { text: `搜索条件有误 (invalid search): ${error.message}`, kind: 'input' } },
          400,
        ))
      if (!(error instanceof SearchUnavailableError)) payload.logger.error({ err: error }, 'search: unexpected failure, answered 503')
      res.set('Retry-After', '30')
      await sendPage(req, res, site, { ...base, request, result: null, message: { text: UNAVAILABLE_MESSAGE, kind: 'unavailable' } }, 503).catch(() =>
        res.status(503).type('text').send(UNAVAILABLE_MESSAGE),
      )
    }
  })

  // Anything thrown past the handlers (e.g. the layout failing) still is not a 500.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    payload.logger.error({ err: error }, 'search: request failed')
    res
      .status(503)
      .type(wantsJson(req) ? 'json' : 'text')
      .send(wantsJson(req) ? JSON.stringify({ error: UNAVAILABLE_MESSAGE }) : UNAVAILABLE_MESSAGE)
  })

  return router
}
