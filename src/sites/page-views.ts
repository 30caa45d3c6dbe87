/**
 * Visit statistics // 访问统计: first-party, cookie-free page-view counting. A served page adds
 * one to an in-memory counter (a Map increment on the request path, nothing else); a timer
 * flushes the counts in batches to the `page-views` collection, off the request path.
 */
import { randomUUID } from 'node:crypto'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Endpoint, type Payload, type Where } from 'payload'
import { hasRole, isCentralAdmin, refuse, sameId, userOrganizationId } from '../access'
import type { ViewKey } from './page-cache'
import { schemaId } from '../lib/schema'
import { writePageViewCounts, type PageViewOutcome, type PageViewWrite } from '../db/bulk'

type Level = 'site' | 'column' | 'article'
interface Pending {
  level: Level
  site: ViewKey['siteId']
  column: ViewKey['columnId']
  article: ViewKey['articleId']
  count: number
}

export interface PageViewCounterOptions {
  flushIntervalMs: number
  /**
   * Article-level counts are written at most this often (site and column counts every
   * `flushIntervalMs`): visitors spread over thousands of articles make one row write per article
   * and flush, and a longer interval turns repeated views of an article into one write.
   */
  articleFlushIntervalMs?: number
  /** Flush early when this many distinct keys are pending, bounding memory under a crawl. */
  maxPending: number
  instance?: string
  onError?: (error: unknown) => void
}

export class PageViewCounter {
  readonly instance: string
  private pending = new Map<string, Pending>()
  private rowIds = new Map<string, { id: number | string; count: number }>()
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> = Promise.resolve()
  private groupTotal = 0
  private groupTotalLoaded = false
  /** Rows of this instance that `rowIds` does not know may exist: a given instance id, or after `rowIds` was trimmed. */
  private mayHaveUnknownRows: boolean
  private articlesWrittenAt = Date.now()
  private earlyFlush: Promise<void> | undefined

  constructor(
    private readonly payload: Payload,
    private readonly options: PageViewCounterOptions,
  ) {
    this.instance = options.instance ?? randomUUID()
    this.mayHaveUnknownRows = options.instance !== undefined
  }

  start(): void {
    if (this.timer) return
    // ±20 % per process, so the flushes of several processes on one database drift apart instead of
    // meeting on SQLite's write lock every interval (a waiting writer blocks its event loop).
    const interval = Math.round(this.options.flushIntervalMs * (0.8 + 0.4 * Math.random()))
    this.timer = setInterval(() => void this.flushDue().catch((e) => this.options.onError?.(e)), interval)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.flush()
  }

  record(view: ViewKey): void {
    this.bump('site', view.siteId, null, null)
    if (view.columnId !== undefined && view.columnId !== null) this.bump('column', view.siteId, view.columnId, null)
    if (view.articleId !== undefined && view.articleId !== null) this.bump('article', view.siteId, view.columnId ?? null, view.articleId)
    this.groupTotal++
    if (this.pending.size >= this.options.maxPending && !this.earlyFlush) {
      this.earlyFlush = this.flush()
        .catch((e) => this.options.onError?.(e))
        .finally(() => (this.earlyFlush = undefined))
    }
  }

  /** Writes all pending counts; concurrent calls queue behind each other so a row has one writer. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBatch(true))
    return this.flushing
  }

  /** The timer's flush: site and column counts, and article counts once `articleFlushIntervalMs` has passed. */
  flushDue(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBatch(Date.now() - this.articlesWrittenAt >= (this.options.articleFlushIntervalMs ?? 0)))
    return this.flushing
  }

  /** Cumulative visits of the whole group (all processes, as of their last flush, plus this one's unflushed). */
  async groupTotalVisits(): Promise<number> {
    if (!this.groupTotalLoaded) {
      this.groupTotal += await sumCounts(this.payload, { level: { equals: 'site' } })
      this.groupTotalLoaded = true
    }
    return this.groupTotal
  }

  /** Re-reads the group total from the database (other processes' flushes). */
  async refreshGroupTotal(): Promise<void> {
    await this.flush()
    this.groupTotal = await sumCounts(this.payload, { level: { equals: 'site' } })
    this.groupTotalLoaded = true
  }

  private bump(level: Level, site: Pending['site'], column: Pending['column'], article: Pending['article']) {
    const key = `${level}|${site}|${column ?? ''}|${article ?? ''}`
    const entry = this.pending.get(key)
    if (entry) entry.count++
    else this.pending.set(key, { level, site, column, article, count: 1 })
  }

  private async writeBatch(withArticles: boolean): Promise<void> {
    if (!this.pending.size) return
    let batch = this.pending
    this.pending = new Map()
    if (withArticles) this.articlesWrittenAt = Date.now()
    else {
      for (const [key, entry] of batch) if (entry.level === 'article') this.pending.set(key, entry)
      batch = new Map([...batch].filter(([, entry]) => entry.level !== 'article'))
    }
    const day = new Date().toISOString().slice(0, 10)
    const rest = await this.writeInOneTransaction(day, batch)
    // One bad row (an article deleted since it was viewed) stops the fast path: the rest go row by
    // row through the Local API, so it costs only itself.
    if (rest.size) await this.writeRowByRow(day, rest)
    if (this.rowIds.size > 50_000) {
      this.rowIds.clear()
      this.mayHaveUnknownRows = true
    }
  }

  /**
   * The batch in one transaction: on SQLite as one bulk write (src/db `writePageViewCounts`: the
   * adapter there has no transactions, so each row was its own commit and the workers' flushes
   * fought for the write lock with the event loop blocked); elsewhere through the adapter API
   * (`payload.db.create`/`updateOne`) in the adapter's transaction. A crawl or a bench viewing
   * thousands of different articles in one interval makes thousands of rows, and the Local API's
   * per-write pipeline costs milliseconds each, taken from the pages on the same cores. The
   * collection has no hooks (collections/page-views/hooks.ts), so both write what the Local API
   * would. Returns the entries not written.
   */
  private async writeInOneTransaction(day: string, batch: Map<string, Pending>): Promise<Map<string, Pending>> {
    const now = new Date().toISOString()
    const planned: Array<{ key: string; rowKey: string; count: number; write: PageViewWrite }> = []
    for (const [key, entry] of batch) {
      const rowKey = `${day}|${key}`
      const row = this.rowIds.get(rowKey) ?? (this.mayHaveUnknownRows ? await this.findRow(day, entry) : undefined)
      const count = (row?.count ?? 0) + entry.count
      const insert = { day, level: entry.level, site: entry.site, column: entry.column ?? null, article: entry.article ?? null, instance: this.instance, count }
      planned.push({ key, rowKey, count, write: row ? { id: row.id, count } : { insert } })
    }
    const outcomes =
      writePageViewCounts(
        this.payload,
        planned.map((p) => p.write),
        now,
      ) ??
      (await this.writeInAdapterTransaction(
        planned.map((p) => p.write),
        now,
      ))
    const done = new Set<string>()
    planned.forEach(({ key, rowKey, count }, i) => {
      const outcome = outcomes[i]
      if (!outcome?.ok) return
      this.rowIds.set(rowKey, { id: outcome.id, count })
      done.add(key)
    })
    return new Map([...batch].filter(([key]) => !done.has(key)))
  }

  /** All or nothing where the adapter has transactions (PostgreSQL, MongoDB replica sets). */
  private async writeInAdapterTransaction(writes: PageViewWrite[], now: string): Promise<PageViewOutcome[]> {
    const req = await createLocalReq({}, this.payload)
    const started = await initTransaction(req)
    const outcomes: PageViewOutcome[] = []
    try {
      for (const write of writes) {
        if ('insert' in write) {
          const created = (await this.payload.db.create({
            collection: 'page-views',
            data: { ...write.insert, createdAt: now, updatedAt: now },
            req,
            select: { id: true },
          })) as { id: number | string }
          outcomes.push({ ok: true, id: created.id })
        } else {
          await this.payload.db.updateOne({
            collection: 'page-views',
            id: write.id,
            data: { count: write.count, updatedAt: now },
            req,
            returning: false,
          })
          outcomes.push({ ok: true, id: write.id })
        }
      }
      if (started) await commitTransaction(req)
    } catch (error) {
      // Rolled back: nothing of the batch was kept. Without a transaction, what was written stays.
      if (started) {
        await killTransaction(req).catch(() => undefined)
        outcomes.length = 0
      }
      while (outcomes.length < writes.length) outcomes.push({ ok: false, error: error as Error })
    }
    return outcomes
  }

  private async writeRowByRow(day: string, batch: Map<string, Pending>): Promise<void> {
    for (const [key, entry] of batch) {
      const rowKey = `${day}|${key}`
      try {
        const row = this.rowIds.get(rowKey) ?? (await this.findRow(day, entry))
        if (row) {
          await this.payload.update({
            collection: 'page-views',
            id: row.id,
            data: { count: row.count + entry.count },
            overrideAccess: true,
            depth: 0,
          })
          this.rowIds.set(rowKey, { id: row.id, count: row.count + entry.count })
        } else {
          const created = (await this.payload.create({
            collection: 'page-views',
            data: {
              day,
              level: entry.level,
              site: schemaId(entry.site),
              column: entry.column == null ? null : schemaId(entry.column),
              article: entry.article == null ? null : schemaId(entry.article),
              instance: this.instance,
              count: entry.count,
            },
            overrideAccess: true,
            depth: 0,
          })) as { id: number | string }
          this.rowIds.set(rowKey, { id: created.id, count: entry.count })
        }
      } catch (error) {
        // Keep the counts for the next flush rather than lose them (e.g. the article was deleted: drop it).
        // The database's own message is on the cause (DrizzleQueryError wraps "FOREIGN KEY constraint failed").
        const cause = (error as { cause?: { message?: string; code?: string } })?.cause
        if (!/not found|foreign key/i.test(`${(error as Error)?.message} ${cause?.message ?? ''} ${cause?.code ?? ''}`)) {
          const back = this.pending.get(key)
          if (back) back.count += entry.count
          else this.pending.set(key, { ...entry })
        }
        this.options.onError?.(error)
      }
    }
  }

  private async findRow(day: string, entry: Pending) {
    const where: Where = {
      and: [
        { day: { equals: day } },
        { level: { equals: entry.level } },
        { instance: { equals: this.instance } },
        { site: { equals: entry.site } },
        entry.column === null || entry.column === undefined ? { column: { exists: false } } : { column: { equals: entry.column } },
        entry.article === null || entry.article === undefined ? { article: { exists: false } } : { article: { equals: entry.article } },
      ],
    }
    const found = await this.payload.find({
      collection: 'page-views',
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    const doc = found.docs[0] as { id: number | string; count: number } | undefined
    return doc ? { id: doc.id, count: doc.count } : undefined
  }
}

/** Who reads: `undefined` is trusted code (all rows), a user reads under the collection's read access. */
type Reader = { user?: unknown }
const readerOptions = (reader: Reader) => (reader.user === undefined ? { overrideAccess: true } : { overrideAccess: false, user: reader.user })

async function sumCounts(payload: Payload, where: Where, reader: Reader = {}): Promise<number> {
  let total = 0
  let page = 1
  for (;;) {
    const result = await payload.find({
      collection: 'page-views',
      where,
      depth: 0,
      limit: 1000,
      page,
      ...readerOptions(reader),
      select: { count: true },
    })
    for (const doc of result.docs as Array<{ count?: number }>) total += doc.count ?? 0
    if (!result.hasNextPage) return total
    page++
  }
}

export interface PageViewSummary {
  site: number | string
  total: number
  days: Array<{ day: string; count: number }>
  topArticles: Array<{ article: number | string; count: number }>
}

/** Totals and the daily trend of one site, for the admin. */
export async function pageViewSummary(payload: Payload, site: number | string, days: number, reader: Reader = {}): Promise<PageViewSummary> {
  const since = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const total = await sumCounts(payload, { and: [{ level: { equals: 'site' } }, { site: { equals: site } }] }, reader)
  const byDay = new Map<string, number>()
  for (let i = 0; i < days; i++) byDay.set(new Date(Date.parse(since) + i * 86_400_000).toISOString().slice(0, 10), 0)
  const recent = await payload.find({
    collection: 'page-views',
    where: { and: [{ site: { equals: site } }, { day: { greater_than_equal: since } }] },
    depth: 0,
    pagination: false,
    ...readerOptions(reader),
  })
  const articles = new Map<string, number>()
  for (const doc of recent.docs) {
    if (doc.level === 'site') byDay.set(doc.day, (byDay.get(doc.day) ?? 0) + doc.count)
    if (doc.level === 'article' && doc.article !== null && doc.article !== undefined)
      articles.set(String(doc.article), (articles.get(String(doc.article)) ?? 0) + doc.count)
  }
  return {
    site,
    total,
    days: [...byDay].map(([day, count]) => ({ day, count })),
    topArticles: [...articles]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([article, count]) => ({ article: /^\d+$/.test(article) ? Number(article) : article, count })),
  }
}

/** `GET /api/page-views/summary?site=<id>&days=30`: staff who may read page views get totals and trends. */
export const pageViewSummaryEndpoint: Endpoint = {
  path: '/summary',
  method: 'get',
  handler: async (req) => {
    const allowed = await req.payload.find({ collection: 'page-views', limit: 1, depth: 0, overrideAccess: false, user: req.user, req }).then(
      () => Boolean(req.user),
      () => false,
    )
    if (!allowed) return Response.json({ error: '无权查看访问统计 / not allowed to read page views' }, { status: 403 })
    const url = new URL(req.url ?? '', 'http://local')
    const site = url.searchParams.get('site')
    const days = Number(url.searchParams.get('days') ?? 30)
    if (!site) return Response.json({ error: '缺少 site 参数 / missing site parameter' }, { status: 400 })
    if (!Number.isInteger(days) || days < 1 || days > 366)
      return Response.json({ error: 'days 须为 1–366 的整数 / days must be an integer 1–366' }, { status: 400 })
    // A numeric id (SQL adapters) or an ObjectId (MongoDB); anything else would reach the database as a bad cast.
    if (!/^(\d{1,15}|[0-9a-f]{24})$/i.test(site)) refuse(req, 'pageViewsSiteMalformed', {}, 400)
    const id = /^\d+$/.test(site) ? Number(site) : site
    const doc = await req.payload.findByID({ collection: 'sites', id, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (!doc) refuse(req, 'siteNotFound', { id }, 404)
    // The reads below go through the user's access anyway; a foreign site answers 403 rather than zeros that look like "no visitors".
    if (!isCentralAdmin(req.user) && !hasRole(req.user, 'evaluator') && !sameId(doc!.organization, userOrganizationId(req.user)))
      refuse(req, 'pageViewsSiteForbidden', {}, 403)
    return Response.json(await pageViewSummary(req.payload, id, days, { user: req.user }))
  },
}
