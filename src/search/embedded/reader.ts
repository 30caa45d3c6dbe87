import type Database from 'better-sqlite3'
import { highlightText, makeSnippetFromUtf8 } from '../highlight'
import settings from '../settings.json' with { type: 'json' }
import type { DocumentType, FacetCounts, SearchHit, SearchResult } from '../types'
import { siteTag, type SearchPlan, type SiteRange } from './plan'
import { newestFirstSlices, publishedMsOfRowid, siteRecencyKey, type RowidRange } from './rowid'

const { ranking, limits, snippet: snippetSettings, facets: facetSettings, embedded } = settings
const DAY_MS = 86_400_000

export type PlanResult = Omit<SearchResult, 'tookMs' | 'page' | 'pageSize'>

interface DocRow {
  key: number
  id: string
  type: DocumentType
  site: string
  site_name: string
  organization: string
  organization_name: string
  title: string
  /** UTF-8 bytes: only the snippet's window is decoded (highlight.ts). */
  body: Buffer
  url: string
  published_at: string
}

/**
 * Where a plan runs: the date-ordered tables over all sites (newest = highest rowid), or the
 * named sites' ranges of the site-major `fts_site` (newest = lowest rowid within a site).
 */
interface Space {
  siteMajor: boolean
  ranges: BoundedRange[]
  text: 'fts' | 'fts_site'
  titles: 'fts_title' | 'fts_site_title'
  /** The column of `facets` holding this space's rowids. */
  key: 'rowid' | 'site_rowid'
  newestFirst: 'DESC' | 'ASC'
}

/** A rowid range with the condition that ends a walk at its upper bound (see SiteRange). */
interface BoundedRange {
  range: RowidRange
  /** ANDed (the site's own tag) or ORed (the next site's tag) to a text condition; null when no bound is needed. */
  stop: { op: 'AND' | 'OR'; tag: string } | null
}

interface Walk {
  rowids: number[]
  matches: number | null
}

interface Ranked {
  entries: { rowid: number; score: number }[]
  /** All matches, when the ranking walk saw every one (see newest()); else null. */
  matches: number | null
}

/** A count as the API reports it: exact up to totalExactLimit, then that bound as an estimate. */
function capped(counted: number): { total: number; totalIsEstimate: boolean } {
  const totalIsEstimate = counted > limits.totalExactLimit
  return { total: totalIsEstimate ? limits.totalExactLimit : counted, totalIsEstimate }
}

/** The text condition within one range, with the range's stop (see BoundedRange). */
function within(match: string, { stop }: BoundedRange): string {
  if (!stop) return match
  return stop.op === 'AND' ? `${match} AND ${stop.tag}` : `(${match}) OR ${stop.tag}`
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

  private spaceOf(plan: SearchPlan): Space {
    return plan.siteRanges
      ? {
          siteMajor: true,
          ranges: plan.siteRanges.map((part) => this.bounded(part)),
          text: 'fts_site',
          titles: 'fts_site_title',
          key: 'site_rowid',
          newestFirst: 'ASC',
        }
      : { siteMajor: false, ranges: [{ range: plan.rowidRange, stop: null }], text: 'fts', titles: 'fts_title', key: 'rowid', newestFirst: 'DESC' }
  }

  /**
   * A site's range is bounded by the next site's tag when it runs to the site's end: that tag's
   * doclist starts right after the range and is positioned once, while ANDing the site's own tag
   * steps through all of its entries in the range (≈ 10 % of a one-site count at 1M documents).
   */
  private bounded(part: SiteRange): BoundedRange {
    if (!part.toSiteEnd) return { range: part.range, stop: { op: 'AND', tag: part.tag } }
    const next = this.statement('SELECT site FROM facets WHERE site_rowid > ? ORDER BY site_rowid LIMIT 1').pluck().get(part.range[1]) as string | undefined
    return { range: part.range, stop: next === undefined ? null : { op: 'OR', tag: siteTag(next) } }
  }

  execute(plan: SearchPlan): PlanResult {
    const space = this.spaceOf(plan)
    const ranked = plan.hasText && plan.sort === 'relevance' ? this.rankByRelevance(plan, space) : this.rankByDate(plan, space)
    // A walk that ran out of matches has counted them all: a rare search is not walked twice.
    const { total, totalIsEstimate } = plan.known ?? (ranked.matches === null ? this.count(plan, space) : capped(ranked.matches))
    const hits = this.loadHits(ranked.entries, plan, space)
    const result: PlanResult = { hits, total, totalIsEstimate }
    if (plan.facets) {
      result.facets = plan.known?.facets ?? this.countFacets(plan, space)
      result.facetsAreEstimate = total > facetSettings.sampleLimit
    }
    return result
  }

  /** Exact up to totalExactLimit; the work grows with the matches, hence the engine's count cache. */
  private count(plan: SearchPlan, space: Space): { total: number; totalIsEstimate: boolean } {
    const cap = limits.totalExactLimit + 1
    const sql = plan.match
      ? `SELECT count(*) FROM (SELECT rowid FROM ${space.text} WHERE ${space.text} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`
      : `SELECT count(*) FROM (SELECT 1 FROM facets WHERE ${space.key} BETWEEN ? AND ? LIMIT ?)`
    let counted = 0
    const parts = plan.match && !space.siteMajor ? this.newestSlices(space.ranges[0]!.range) : space.ranges
    for (const part of parts) {
      if (counted >= cap) break
      const [lo, hi] = part.range
      const params = plan.match ? [within(plan.match, part), lo, hi, cap - counted] : [lo, hi, cap - counted]
      counted += this.statement(sql)
        .pluck()
        .get(...params) as number
    }
    return capped(counted)
  }

  /**
   * The date-ordered range, within the indexed documents' rowids, in slices newest first.
   * Matches cluster in time (a year in the query, a new policy's name), so a count usually
   * reaches its bound in the newest slice: 玉政办发〔2024〕 over 1M documents went from 10–14 ms
   * to 1.3 ms. A query matching evenly pays one extra seek per slice, ≈ 0.1 ms.
   */
  private newestSlices(range: RowidRange): BoundedRange[] {
    const [first, last] = this.statement('SELECT (SELECT min(rowid) FROM facets), (SELECT max(rowid) FROM facets)').raw().get() as [
      number | null,
      number | null,
    ]
    if (first === null || last === null) return []
    return newestFirstSlices(range, [BigInt(first), BigInt(last)], embedded.countFirstSliceDivisor, embedded.countSliceGrowth).map((slice) => ({
      range: slice,
      stop: null,
    }))
  }

  /**
   * Rowids of `table` matching `match` (or every document when null), newest first. Several
   * site ranges are read each up to offset + limit and merged: the plan allows only a few.
   * `matches` is how many match in all, when the walk started at the first one and ran out.
   * With `countTo`, one range is walked on to that many matches, so `matches` is always known
   * (`countTo` meaning "at least"): see countInWalk().
   */
  private newest(space: Space, table: string, match: string | null, limit: number, offset: number, countTo = 0): Walk {
    const sql = match
      ? `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid ${space.newestFirst} LIMIT ? OFFSET ?`
      : `SELECT ${space.key} FROM facets WHERE ${space.key} BETWEEN ? AND ? ORDER BY ${space.key} ${space.newestFirst} LIMIT ? OFFSET ?`
    const read = (part: BoundedRange, count: number, skip: number) =>
      this.statement(sql)
        .pluck()
        .all(...(match ? [within(match, part)] : []), ...part.range, count, skip) as number[]
    if (space.ranges.length === 1 && countTo > offset + limit) {
      const walked = read(space.ranges[0]!, countTo, 0)
      return { rowids: walked.slice(offset, offset + limit), matches: walked.length }
    }
    if (space.ranges.length === 1) {
      const rowids = read(space.ranges[0]!, limit, offset)
      return { rowids, matches: offset === 0 && rowids.length < limit ? rowids.length : null }
    }
    const parts = space.ranges.map((part) => read(part, offset + limit, 0))
    const merged = parts.flat()
    const age = space.siteMajor ? siteRecencyKey : (rowid: number) => -rowid
    const rowids = merged.sort((a, b) => age(a) - age(b)).slice(offset, offset + limit)
    return { rowids, matches: parts.every((part) => part.length < offset + limit) ? merged.length : null }
  }

  /**
   * In one site's range the newest-first walk runs in rowid order, as the count does, so the
   * walk can go on to the count's bound and give both: one statement instead of two, whose
   * setup (each term looked up in every segment) was ~0.5 ms for a long phrase at 1M documents.
   * Not when the count is already known, nor over all sites, where newest first is descending.
   */
  private countInWalk(plan: SearchPlan, space: Space): number {
    return !plan.known && plan.match && space.siteMajor && space.ranges.length === 1 ? limits.totalExactLimit + 1 : 0
  }

  private rankByDate(plan: SearchPlan, space: Space): Ranked {
    const walk = this.newest(space, space.text, plan.match, plan.limit, plan.offset, this.countInWalk(plan, space))
    return { entries: walk.rowids.map((rowid) => ({ rowid, score: this.recency(rowid, plan.nowMs, space) })), matches: walk.matches }
  }

  /** In (0, 1]: 1 for today, halving every `recencyHalfLifeDays`. */
  private recency(rowid: number, nowMs: number, space: Space): number {
    const ageDays = Math.max(0, (nowMs - publishedMsOfRowid(rowid, space.siteMajor)) / DAY_MS)
    return Math.pow(0.5, ageDays / ranking.recencyHalfLifeDays)
  }

  /**
   * Documents with every term in the title first, then the others; newest first within each
   * tier — the ranking Meilisearch applies with its attribute rule and publishedTs:desc.
   * FTS5's bm25() was measured and dropped: it counts each phrase over the whole index to get
   * its IDF, which cost 400 ms for a common 7-character phrase at 200,000 documents, while this
   * walks the index in date order and stops after one page.
   */
  private rankByRelevance(plan: SearchPlan, space: Space): Ranked {
    // Only the title matches up to this page are read: if there are that many, the page is all
    // titles; if fewer, they are all of them, which the body tier needs to skip.
    const titleRowids = this.newest(space, space.titles, plan.match, plan.offset + plan.limit, 0).rowids
    const fromTitles = titleRowids.slice(plan.offset, plan.offset + plan.limit)
    const remaining = plan.limit - fromTitles.length
    let fromBodies: number[] = []
    let matches: number | null = null
    if (remaining > 0) {
      // Title matches are a subset of all matches: walk all matches newest first, skipping them.
      const skip = Math.max(0, plan.offset - titleRowids.length)
      const inTitle = new Set(titleRowids)
      const walked = this.newest(space, space.text, plan.match, skip + remaining + titleRowids.length, 0, this.countInWalk(plan, space))
      fromBodies = walked.rowids.filter((rowid) => !inTitle.has(rowid)).slice(skip, skip + remaining)
      matches = walked.matches
    }
    const entries = [
      ...fromTitles.map((rowid) => ({ rowid, score: 1 + this.recency(rowid, plan.nowMs, space) })),
      ...fromBodies.map((rowid) => ({ rowid, score: this.recency(rowid, plan.nowMs, space) })),
    ]
    return { entries, matches }
  }

  private loadHits(ranked: { rowid: number; score: number }[], plan: SearchPlan, space: Space): SearchHit[] {
    if (ranked.length === 0) return []
    const placeholders = ranked.map(() => '?').join(',')
    const columns = 'd.id, d.type, d.site, d.site_name, d.organization, d.organization_name, d.title, CAST(d.body AS BLOB) AS body, d.url, d.published_at'
    const sql = space.siteMajor
      ? `SELECT f.site_rowid AS key, ${columns} FROM facets f JOIN docs d ON d.rowid = f.rowid WHERE f.site_rowid IN (${placeholders})`
      : `SELECT d.rowid AS key, ${columns} FROM docs d WHERE d.rowid IN (${placeholders})`
    const rows = this.statement(sql).all(...ranked.map((entry) => entry.rowid)) as DocRow[]
    const byKey = new Map(rows.map((row) => [row.key, row]))
    return ranked.flatMap(({ rowid, score }) => {
      const row = byKey.get(rowid)
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
          snippet: makeSnippetFromUtf8(row.body, plan.needles, snippetSettings.length, snippetSettings.contextBefore),
          publishedAt: row.published_at,
          score: Math.round(score * 1000) / 1000,
        },
      ]
    })
  }

  /** Counts over the newest `sampleLimit` matches (all of them when fewer match). */
  private countFacets(plan: SearchPlan, space: Space): FacetCounts {
    const group = 'GROUP BY site, organization, type, year'
    let rows: [string, string, string, number, number][]
    if (space.ranges.length === 1) {
      const part = space.ranges[0]!
      const [lo, hi] = part.range
      const sample = plan.match
        ? `SELECT rowid FROM ${space.text} WHERE ${space.text} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid ${space.newestFirst} LIMIT ?`
        : `SELECT ${space.key} FROM facets WHERE ${space.key} BETWEEN ? AND ? ORDER BY ${space.key} ${space.newestFirst} LIMIT ?`
      const params = plan.match ? [within(plan.match, part), lo, hi, facetSettings.sampleLimit] : [lo, hi, facetSettings.sampleLimit]
      rows = this.statement(`SELECT site, organization, type, year, count(*) FROM facets WHERE ${space.key} IN (${sample}) ${group}`)
        .raw()
        .all(...params) as typeof rows
    } else {
      const sample = this.newest(space, space.text, plan.match, facetSettings.sampleLimit, 0).rowids
      rows = this.statement(`SELECT site, organization, type, year, count(*) FROM facets WHERE ${space.key} IN (SELECT value FROM json_each(?)) ${group}`)
        .raw()
        .all(JSON.stringify(sample)) as typeof rows
    }
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
