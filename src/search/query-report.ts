// Hot and zero-result queries per site // 热门搜索词 / 无结果搜索词, from the aggregated query log,
// for the central office (every site) and unit staff (their own sites, by the collection's access).
import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import { SEARCH_QUERIES_SLUG } from './query-log'
import type { QueryStat } from './analytics'

export interface AggregateRow {
  siteCode?: string | null
  siteName?: string | null
  query: string
  day: string
  searches: number
  zeroResultSearches: number
  lastHits: number
  lastAt?: string | null
}

export interface SiteQueryReport {
  site: string
  siteName: string
  searches: number
  zeroResultSearches: number
  hot: (QueryStat & { zeroResultSearches: number })[]
  /** Queries whose most recent search found nothing, most searched first. */
  zeroResults: (QueryStat & { zeroResultSearches: number })[]
}

/** Sums the daily rows per site and query; `lastHits` is taken from the newest row. */
export function reportFromAggregates(rows: AggregateRow[], limit = 20): SiteQueryReport[] {
  const sites = new Map<string, { name: string; searches: number; zero: number; queries: Map<string, QueryStat & { zeroResultSearches: number }> }>()
  for (const row of rows) {
    const code = row.siteCode ?? ''
    const site = sites.get(code) ?? { name: row.siteName ?? '', searches: 0, zero: 0, queries: new Map() }
    site.searches += row.searches
    site.zero += row.zeroResultSearches
    const lastAt = row.lastAt ?? row.day
    const stat = site.queries.get(row.query) ?? { query: row.query, searches: 0, zeroResultSearches: 0, lastHits: row.lastHits, lastAt }
    stat.searches += row.searches
    stat.zeroResultSearches += row.zeroResultSearches
    if (lastAt >= stat.lastAt) {
      stat.lastAt = lastAt
      stat.lastHits = row.lastHits
    }
    site.queries.set(row.query, stat)
    sites.set(code, site)
  }
  return [...sites.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, site]) => {
      const ordered = [...site.queries.values()].sort((a, b) => b.searches - a.searches || b.lastAt.localeCompare(a.lastAt))
      return {
        site: code,
        siteName: site.name,
        searches: site.searches,
        zeroResultSearches: site.zero,
        hot: ordered.slice(0, limit),
        zeroResults: ordered.filter((stat) => stat.lastHits === 0).slice(0, limit),
      }
    })
}

export interface ReportOptions {
  /** One site code, or every site the user may read. */
  site?: string | null
  days?: number
  limit?: number
}

/** Checks report options; returns the message of the first problem, or null. */
export function reportOptionsProblem(options: ReportOptions): string | null {
  const { days = 30, limit = 20, site = null } = options
  if (!Number.isInteger(days) || days < 1 || days > 366) return 'days must be an integer from 1 to 366'
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return 'limit must be an integer from 1 to 200'
  if (site !== null && !/^[a-z0-9-]{1,64}$/.test(site)) return 'site must be a site code (lowercase letters, digits, -)'
  return null
}

/**
 * Reports over the last `days` (China time) for the sites `user` may read: the collection's read
 * access decides (central office every site, unit staff their own organization's).
 */
export async function searchQueryReport(
  payload: Payload,
  user: PayloadRequest['user'],
  options: ReportOptions = {},
): Promise<{ since: string; days: number; sites: SiteQueryReport[] }> {
  const problem = reportOptionsProblem(options)
  if (problem) throw new RangeError(problem)
  const { days = 30, limit = 20, site = null } = options
  const since = new Date(Date.now() + 8 * 3_600_000 - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const where: Where = { and: [{ day: { greater_than_equal: since } }, ...(site ? [{ siteCode: { equals: site } }] : [])] }
  const { docs } = await payload.find({
    collection: SEARCH_QUERIES_SLUG,
    where,
    user,
    overrideAccess: false,
    depth: 0,
    limit: 50_000,
    pagination: false,
    sort: '-searches',
  })
  return { since, days, sites: reportFromAggregates(docs, limit) }
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** `GET /api/search-queries/report?site=<code>&days=30&limit=20` — JSON of `searchQueryReport`. */
export const searchQueryReportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return json({ error: '请先登录 (log in first)' }, 401)
    const params = new URL(req.url ?? '/', 'http://x').searchParams
    const options = { days: Number(params.get('days') ?? 30), limit: Number(params.get('limit') ?? 20), site: params.get('site') }
    const problem = reportOptionsProblem(options)
    if (problem) return json({ error: problem }, 400)
    return json(await searchQueryReport(req.payload, req.user, options))
  },
}
