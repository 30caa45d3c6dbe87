// Query log analytics // 搜索统计: pure functions over recorded searches, so the same code
// can later be backed by a Payload collection (the store only needs to hold QueryLogEntry rows).
import { normalizeText } from './tokenizer'

export interface QueryLogEntry {
  /** Site code the visitor searched from. */
  site: string
  /** Normalized query text. */
  query: string
  hits: number
  at: string
}

export interface QueryStat {
  query: string
  searches: number
  /** Hits of the most recent search, for a hint of whether it still fails. */
  lastHits: number
  lastAt: string
}

export interface QueryReport {
  site: string | null
  hot: QueryStat[]
  zeroResults: QueryStat[]
  searches: number
}

/** Makes a log entry; returns null for queries not worth recording (empty). */
export function recordQuery(site: string, rawQuery: string, hits: number, at: Date = new Date()): QueryLogEntry | null {
  const query = normalizeText(rawQuery).slice(0, 100)
  if (!query) return null
  if (!Number.isInteger(hits) || hits < 0) throw new RangeError(`hits must be a non-negative integer, got ${hits}`)
  return { site, query, hits, at: at.toISOString() }
}

export interface ReportOptions {
  /** One site, or null for the whole group. */
  site?: string | null
  since?: Date
  limit?: number
}

/** Hot queries and zero-result queries, most searched first. */
export function reportQueries(entries: Iterable<QueryLogEntry>, options: ReportOptions = {}): QueryReport {
  const site = options.site ?? null
  const since = options.since?.toISOString()
  const limit = options.limit ?? 20
  const stats = new Map<string, QueryStat & { zero: boolean }>()
  let searches = 0
  for (const entry of entries) {
    if (site !== null && entry.site !== site) continue
    if (since && entry.at < since) continue
    searches++
    const stat = stats.get(entry.query) ?? { query: entry.query, searches: 0, lastHits: entry.hits, lastAt: entry.at, zero: true }
    stat.searches++
    if (entry.at >= stat.lastAt) {
      stat.lastAt = entry.at
      stat.lastHits = entry.hits
    }
    stats.set(entry.query, stat)
  }
  const ordered = [...stats.values()].sort((a, b) => b.searches - a.searches || b.lastAt.localeCompare(a.lastAt))
  const strip = ({ zero: _zero, ...stat }: QueryStat & { zero: boolean }): QueryStat => stat
  return {
    site,
    searches,
    hot: ordered.slice(0, limit).map(strip),
    zeroResults: ordered
      .filter((stat) => stat.lastHits === 0)
      .slice(0, limit)
      .map(strip),
  }
}

/** Per-site reports for every site present in the log. */
export function reportQueriesBySite(entries: QueryLogEntry[], options: Omit<ReportOptions, 'site'> = {}): QueryReport[] {
  const sites = [...new Set(entries.map((entry) => entry.site))].sort()
  return sites.map((site) => reportQueries(entries, { ...options, site }))
}
