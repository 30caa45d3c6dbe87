// Query log // 搜索日志: every search is counted off the request path — the router only adds to an
// in-memory aggregate; a timer writes one row per (site, normalized query, China-time day).
import type { Payload } from 'payload'
import { recordQuery } from './analytics'
import { schemaId } from '../lib/schema'

export const SEARCH_QUERIES_SLUG = 'search-queries'

export interface LoggedSite {
  id: number | string
  code: string
  name: string
  organizationId: number | string | null
}

interface Pending {
  site: LoggedSite | null
  query: string
  day: string
  searches: number
  zeroResultSearches: number
  lastHits: number
  lastAt: string
}

export interface QueryLogOptions {
  /** How often the aggregate is written; default 5 s. */
  flushIntervalMs?: number
  /** Written early when this many distinct aggregates wait; default 1,000. */
  maxPending?: number
}

/** China-time calendar day of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export class SearchQueryLog {
  private pending = new Map<string, Pending>()
  private writing: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout
  private readonly maxPending: number
  private closed = false
  /** Rows written and failures, for tests and monitoring. */
  readonly stats = { written: 0, failed: 0 }

  constructor(
    private readonly payload: Payload,
    options: QueryLogOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 1000
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000)
    this.timer.unref()
  }

  get enabled(): boolean {
    return Boolean((this.payload.collections as Record<string, unknown>)[SEARCH_QUERIES_SLUG])
  }

  /** Counts one search; cheap and synchronous. Empty queries (browsing) are not counted. */
  record(site: LoggedSite | null, text: string, hits: number, at: Date = new Date()): void {
    if (this.closed || !this.enabled) return
    const entry = recordQuery(site?.code ?? '', text, hits, at)
    if (!entry) return
    const day = chinaDay(at)
    const key = `${entry.site}|${day}|${entry.query}`
    const row = this.pending.get(key) ?? { site, query: entry.query, day, searches: 0, zeroResultSearches: 0, lastHits: hits, lastAt: entry.at }
    row.searches++
    if (hits === 0) row.zeroResultSearches++
    if (entry.at >= row.lastAt) {
      row.lastAt = entry.at
      row.lastHits = hits
    }
    this.pending.set(key, row)
    if (this.pending.size >= this.maxPending) void this.flush()
  }

  /** Writes what has accumulated; calls are serialized, so rows are never written twice at once. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeBatch())
    return this.writing
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = this.pending
    this.pending = new Map()
    for (const [key, row] of batch) {
      try {
        await this.writeRow(key, row)
        this.stats.written++
      } catch (error) {
        this.stats.failed++
        this.payload.logger.error({ err: error, key }, 'search: a query-log row could not be written')
      }
    }
  }

  private async writeRow(key: string, row: Pending, retry = true): Promise<void> {
    const collection = SEARCH_QUERIES_SLUG
    const options = { overrideAccess: true, depth: 0, context: { skipAudit: true } } as const
    const { docs } = await this.payload.find({ collection, where: { key: { equals: key } }, limit: 1, pagination: false, ...options })
    const existing = docs[0]
    if (existing) {
      const newer = row.lastAt >= String(existing.lastAt ?? '')
      await this.payload.update({
        collection,
        id: existing.id,
        data: {
          searches: (existing.searches ?? 0) + row.searches,
          zeroResultSearches: (existing.zeroResultSearches ?? 0) + row.zeroResultSearches,
          ...(newer ? { lastHits: row.lastHits, lastAt: row.lastAt } : {}),
        },
        ...options,
      })
      return
    }
    const siteId = row.site?.id ?? null
    const organizationId = row.site?.organizationId ?? null
    try {
      await this.payload.create({
        collection,
        data: {
          key,
          query: row.query,
          day: row.day,
          siteCode: row.site?.code ?? '',
          siteName: row.site?.name ?? '',
          site: siteId === null ? null : schemaId(siteId),
          organization: organizationId === null ? null : schemaId(organizationId),
          searches: row.searches,
          zeroResultSearches: row.zeroResultSearches,
          lastHits: row.lastHits,
          lastAt: row.lastAt,
        },
        ...options,
      })
    } catch (error) {
      // Another instance created the row first (unique key): add to it instead.
      if (!retry) throw error
      await this.writeRow(key, row, false)
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
    this.closed = true
  }
}
