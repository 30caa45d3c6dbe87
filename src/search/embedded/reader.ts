import type Database from 'better-sqlite3'
import { highlightText, makeSnippet } from '../highlight'
import settings from '../settings.json' with { type: 'json' }
import type { DocumentType, FacetCounts, SearchHit, SearchResult } from '../types'
import type { SearchPlan } from './plan'

const { ranking, limits, snippet: snippetSettings, facets: facetSettings } = settings
const DAY_MS = 86_400_000

export type PlanResult = Omit<SearchResult, 'tookMs' | 'page' | 'pageSize'>

interface DocRow {
  rowid: number
  id: string
  type: DocumentType
  site: string
  site_name: string
  organization: string
  organization_name: string
  title: string
  body: string
  url: string
  published_at: string
}

/** Runs plans against one connection; statements are prepared once per connection. */
export class IndexReader {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  execute(plan: SearchPlan): PlanResult {
    const { total, totalIsEstimate } = plan.known ?? this.count(plan)
    const ranked = plan.hasText && plan.sort === 'relevance' ? this.rankByRelevance(plan) : this.rankByDate(plan)
    const hits = this.loadHits(ranked, plan)
    const result: PlanResult = { hits, total, totalIsEstimate }
    if (plan.facets) {
      result.facets = plan.known?.facets ?? this.countFacets(plan)
      result.facetsAreEstimate = total > facetSettings.sampleLimit
    }
    return result
  }

  /** Exact up to totalExactLimit; the work grows with the matches, hence the engine's count cache. */
  private count(plan: SearchPlan): { total: number; totalIsEstimate: boolean } {
    const [lo, hi] = plan.rowidRange
    const cap = limits.totalExactLimit + 1
    const counted = plan.match
      ? (this.statement(
          'SELECT count(*) AS n FROM (SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)',
        ).get(plan.match, lo, hi, cap) as { n: number }).n
      : (this.statement('SELECT count(*) AS n FROM (SELECT rowid FROM facets WHERE rowid BETWEEN ? AND ? LIMIT ?)').get(lo, hi, cap) as {
          n: number
        }).n
    const totalIsEstimate = counted > limits.totalExactLimit
    return { total: totalIsEstimate ? limits.totalExactLimit : counted, totalIsEstimate }
  }

  private rankByDate(plan: SearchPlan): { rowid: number; score: number }[] {
    const [lo, hi] = plan.rowidRange
    const rows = plan.match
      ? this.newest(plan.match, lo, hi, plan.limit, plan.offset)
      : (this.statement('SELECT rowid FROM facets WHERE rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ? OFFSET ?').pluck().all(lo, hi, plan.limit, plan.offset) as number[])
    return rows.map((rowid) => ({ rowid, score: this.recency(rowid, plan.nowMs) }))
  }

  private newest(match: string, lo: number, hi: number, limit: number, offset: number): number[] {
    return this.statement('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(match, lo, hi, limit, offset) as number[]
  }

  /** In (0, 1]: 1 for today, halving every `recencyHalfLifeDays`. */
  private recency(rowid: number, nowMs: number): number {
    const ageDays = Math.max(0, (nowMs - rowid / 1024) / DAY_MS)
    return Math.pow(0.5, ageDays / ranking.recencyHalfLifeDays)
  }

  /**
   * Documents with every term in the title first, then the others; newest first within each
   * tier — the ranking Meilisearch applies with its attribute rule and publishedTs:desc.
   * FTS5's bm25() was measured and dropped: it counts each phrase over the whole index to get
   * its IDF, which cost 400 ms for a common 7-character phrase at 200,000 documents, while this
   * walks the index in rowid (= date) order and stops after one page.
   */
  private rankByRelevance(plan: SearchPlan): { rowid: number; score: number }[] {
    const [lo, hi] = plan.rowidRange
    // Title matches past the paging window can never be shown, so at most that many are read.
    const titleCap = limits.maxResultWindow + limits.maxPageSize
    const titleRowids = this.statement('SELECT rowid FROM fts_title WHERE fts_title MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?')
      .pluck()
      .all(plan.titleMatch, lo, hi, titleCap) as number[]
    const fromTitles = titleRowids.slice(plan.offset, plan.offset + plan.limit)
    const remaining = plan.limit - fromTitles.length
    let fromBodies: number[] = []
    if (remaining > 0 && titleRowids.length < titleCap) {
      // Title matches are a subset of all matches: walk all matches newest first, skipping them.
      const skip = Math.max(0, plan.offset - titleRowids.length)
      const inTitle = new Set(titleRowids)
      const walked = this.newest(plan.match!, lo, hi, skip + remaining + titleRowids.length, 0)
      fromBodies = walked.filter((rowid) => !inTitle.has(rowid)).slice(skip, skip + remaining)
    }
    return [
      ...fromTitles.map((rowid) => ({ rowid, score: 1 + this.recency(rowid, plan.nowMs) })),
      ...fromBodies.map((rowid) => ({ rowid, score: this.recency(rowid, plan.nowMs) })),
    ]
  }

  private loadHits(ranked: { rowid: number; score: number }[], plan: SearchPlan): SearchHit[] {
    if (ranked.length === 0) return []
    const placeholders = ranked.map(() => '?').join(',')
    const rows = this
      .statement(
        `SELECT rowid, id, type, site, site_name, organization, organization_name, title, body, url, published_at FROM docs WHERE rowid IN (${placeholders})`,
      )
      .all(...ranked.map((entry) => entry.rowid)) as DocRow[]
    const byRowid = new Map(rows.map((row) => [row.rowid, row]))
    return ranked.flatMap(({ rowid, score }) => {
      const row = byRowid.get(rowid)
      if (!row) return []
      return [
        {
          id: row.id,
          type: row.type,
          title: row.title,
          titleHighlighted: highlightText(row.title, plan.needles),
          url: row.url,
          site: row.site,
          siteName: row.site_name,
          organization: row.organization,
          organizationName: row.organization_name,
          snippet: makeSnippet(row.body, plan.needles, snippetSettings.length, snippetSettings.contextBefore),
          publishedAt: row.published_at,
          score: Math.round(score * 1000) / 1000,
        },
      ]
    })
  }

  /** Counts over the newest `sampleLimit` matches (all of them when fewer match). */
  private countFacets(plan: SearchPlan): FacetCounts {
    const [lo, hi] = plan.rowidRange
    const sample = plan.match
      ? 'SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?'
      : 'SELECT rowid FROM facets WHERE rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?'
    const sql = `SELECT site, organization, type, year, count(*) FROM facets WHERE rowid IN (${sample}) GROUP BY site, organization, type, year`
    const params = plan.match ? [plan.match, lo, hi, facetSettings.sampleLimit] : [lo, hi, facetSettings.sampleLimit]
    const rows = this.statement(sql).raw().all(...params) as [string, string, string, number, number][]
    const facets: FacetCounts = { site: {}, organization: {}, type: {}, year: {} }
    const add = (bucket: Record<string, number>, key: string, n: number) => {
      bucket[key] = (bucket[key] ?? 0) + n
    }
    for (const [site, organization, type, year, n] of rows) {
      add(facets.site, site, n)
      add(facets.organization, organization, n)
      add(facets.type, type, n)
      add(facets.year, String(year), n)
    }
    return facets
  }
}
