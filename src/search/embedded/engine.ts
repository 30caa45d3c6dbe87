import os from 'node:os'
import type Database from 'better-sqlite3'
import { SearchUnavailableError } from '../errors'
import { parseSearchQuery, validateDocuments, validateIds } from '../query-schema'
import { parseQueryTerms } from '../query-terms'
import settings from '../settings.json' with { type: 'json' }
import { buildSynonymMap, DEFAULT_SYNONYMS, normalizeSynonymGroups, type SynonymGroups } from '../synonyms'
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchQueryInput, SearchResult } from '../types'
import { openIndexDatabase, readMeta, REBUILDING_KEY, writeMeta } from './database'
import { ResultCache } from '../result-cache'
import { compileSearchPlan, countKey, type KnownCounts, type SearchPlan } from './plan'
import { QueryPool } from './pool'
import { IndexReader, type PlanResult } from './reader'
import { IndexWriter } from './writer'

export interface EmbeddedEngineOptions {
  /** SQLite file; `:memory:` for throwaway indexes (no worker threads then). */
  file?: string
  /** Query worker threads; 0 runs queries on the calling thread. Default: min(2, CPUs). */
  workers?: number
  cacheSizeMiB?: number
  /** See settings.json `embedded.prefixIndex`; applies when the index file is created. */
  prefixIndex?: boolean
  /** Result and count caches (settings.json `cache`); `false` measures every query cold. */
  cache?: boolean
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** SQLite FTS5 engine: no server, one file on disk, rebuilt from the database at will. */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const
  readonly file: string
  private readonly db: Database.Database
  private readonly writer: IndexWriter
  private readonly reader: IndexReader
  private pool: QueryPool | null = null
  private readonly workers: number
  private readonly cacheSizeMiB: number
  private synonyms: Map<string, string[]>
  /** Site codes to their ranges in fts_site; reloaded with the meta when the index changes. */
  private siteNumbers = new Map<string, number>()
  private rebuilding = false
  /** Writes made through this connection; SQLite's data_version only reports other connections' commits. */
  private localWrites = 0
  private readonly dataVersion: Database.Statement
  private readonly results: ResultCache<Omit<SearchResult, 'tookMs'>>
  private readonly counts: ResultCache<KnownCounts>

  constructor(options: EmbeddedEngineOptions = {}) {
    this.file = options.file ?? settings.embedded.defaultPath
    const cacheSizeMiB = options.cacheSizeMiB ?? settings.embedded.cacheSizeMiB
    this.db = openIndexDatabase(this.file, { cacheSizeMiB, prefixIndex: options.prefixIndex ?? settings.embedded.prefixIndex })
    this.writer = new IndexWriter(this.db)
    this.reader = new IndexReader(this.db)
    this.workers = this.file === ':memory:' ? 0 : (options.workers ?? Math.min(2, os.availableParallelism()))
    this.cacheSizeMiB = cacheSizeMiB
    this.synonyms = new Map()
    this.loadMeta()
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck()
    const enabled = options.cache ?? true
    const maxAgeMs = settings.cache.maxAgeSeconds * 1000
    this.results = new ResultCache({ maxEntries: enabled ? settings.cache.resultEntries : 0, maxAgeMs })
    this.counts = new ResultCache({ maxEntries: enabled ? settings.cache.countEntries : 0, maxAgeMs })
  }

  private digitTerms: Database.Statement | null = null

  /** Up to the limit, the indexed tokens starting with this digit prefix (plan.ts); null beyond it. */
  private expandDigits(prefix: string): string[] | null {
    this.digitTerms ??= this.db.prepare('SELECT term FROM digit_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?').pluck()
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    const terms = this.digitTerms.all(prefix, end, settings.embedded.digitEdgeExpansionLimit + 1) as string[]
    return terms.length > settings.embedded.digitEdgeExpansionLimit ? null : terms
  }

  /** Synonyms and the rebuilding flag live in the index file, so every process sharing it agrees. */
  private loadMeta(): void {
    const stored = readMeta(this.db, 'synonyms')
    this.synonyms = buildSynonymMap(stored ? (JSON.parse(stored) as SynonymGroups) : DEFAULT_SYNONYMS)
    this.rebuilding = readMeta(this.db, REBUILDING_KEY) === '1'
    const numbers = this.db.prepare('SELECT site, number FROM site_numbers').raw().all() as [string, number][]
    this.siteNumbers = new Map(numbers)
  }

  /**
   * The index generation: changes with every commit, whoever made it (the hooks' engine in this
   * process, a reindex in another). Cached results and counts of an older generation are dropped.
   */
  private syncGeneration(): void {
    const generation = `${this.dataVersion.get() as number}:${this.localWrites}`
    if (generation === this.generationSeen) return
    this.generationSeen = generation
    this.loadMeta()
    this.results.sync(generation)
    this.counts.sync(generation)
  }

  private generationSeen = ''

  /** Cache statistics, for the benchmark and the health endpoint. */
  cacheStats(): { resultHits: number; resultMisses: number; countHits: number; countMisses: number } {
    return { resultHits: this.results.hits, resultMisses: this.results.misses, countHits: this.counts.hits, countMisses: this.counts.misses }
  }

  /** Workers start with the first search, so an engine used only for writes (hooks) never spawns them. */
  private queryPool(): QueryPool | null {
    if (this.workers > 0 && !this.pool) this.pool = new QueryPool(this.file, this.workers, this.cacheSizeMiB)
    return this.pool
  }

  /** Starts the query workers and resolves once they have opened the index. */
  async ready(): Promise<void> {
    await this.queryPool()?.ready()
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    const valid = validateDocuments(docs)
    const batch = settings.embedded.writeBatchSize
    for (let start = 0; start < valid.length; start += batch) {
      this.writer.upsert(valid.slice(start, start + batch))
      this.localWrites++
      if (start + batch < valid.length) await yieldToEventLoop()
    }
  }

  async remove(ids: string[]): Promise<void> {
    this.writer.remove(validateIds(ids))
    this.localWrites++
  }

  /** Builds the plan the readers run; exposed for tests and the benchmark. */
  plan(query: SearchQuery): SearchPlan {
    return compileSearchPlan(
      query,
      parseQueryTerms(query.text, this.synonyms),
      (site) => this.siteNumbers.get(site),
      Date.now(),
      (prefix) => this.expandDigits(prefix),
    )
  }

  async search(input: SearchQueryInput | SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const query = parseSearchQuery(input)
    const tookMs = () => Math.round((performance.now() - started) * 10) / 10
    try {
      this.syncGeneration()
    } catch (error) {
      throw new SearchUnavailableError('the embedded search index could not be read', { cause: error })
    }
    if (this.rebuilding) throw new SearchUnavailableError('the search index is being rebuilt')
    const key = JSON.stringify(query)
    const cached = this.results.get(key)
    if (cached) return { ...cached, tookMs: tookMs() }
    // Identical searches arriving together (a popular query after a write) share one execution.
    const generation = this.generationSeen
    const flightKey = `${generation}|${key}`
    let flight = this.inFlight.get(flightKey)
    if (!flight) {
      flight = this.execute(query, key).finally(() => this.inFlight.delete(flightKey))
      this.inFlight.set(flightKey, flight)
    }
    return { ...(await flight), tookMs: tookMs() }
  }

  private readonly inFlight = new Map<string, Promise<Omit<SearchResult, 'tookMs'>>>()

  private async execute(query: SearchQuery, key: string): Promise<Omit<SearchResult, 'tookMs'>> {
    const plan = this.plan(query)
    const matchKey = countKey(plan)
    const known = this.counts.get(matchKey)
    if (known && (!plan.facets || known.facets)) plan.known = known
    let result: PlanResult
    try {
      const pool = this.queryPool()
      result = pool ? await pool.run(plan) : this.reader.execute(plan)
    } catch (error) {
      throw new SearchUnavailableError('the embedded search index could not answer', { cause: error })
    }
    this.counts.set(matchKey, { total: result.total, totalIsEstimate: result.totalIsEstimate, facets: result.facets ?? known?.facets })
    const answer = { ...result, page: query.page, pageSize: query.pageSize }
    this.results.set(key, answer)
    return answer
  }

  async count(): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM facets').pluck().get() as number
  }

  async *allIds(): AsyncIterable<string> {
    const page = this.db.prepare('SELECT id FROM docs WHERE id > ? ORDER BY id LIMIT 5000').pluck()
    let after = ''
    for (;;) {
      const ids = page.all(after) as string[]
      if (ids.length === 0) return
      yield* ids
      after = ids[ids.length - 1]!
      await yieldToEventLoop()
    }
  }

  async clear(): Promise<void> {
    this.writer.clear()
    this.localWrites++
  }

  /** While set (by a full rebuild), searches answer SearchUnavailableError instead of partial results. */
  async markRebuilding(on: boolean): Promise<void> {
    writeMeta(this.db, REBUILDING_KEY, on ? '1' : '0')
    this.localWrites++
  }

  /** Merges index segments; worth running after a full rebuild. */
  async optimize(): Promise<void> {
    this.writer.optimize()
    this.localWrites++
  }

  async health(): Promise<EngineHealth> {
    try {
      const documents = await this.count()
      return { ok: true, engine: 'embedded', documents, detail: this.file }
    } catch (error) {
      return { ok: false, engine: 'embedded', detail: error instanceof Error ? error.message : String(error) }
    }
  }

  async setSynonyms(groups: string[][]): Promise<void> {
    const normalized = normalizeSynonymGroups(groups)
    writeMeta(this.db, 'synonyms', JSON.stringify(normalized))
    this.synonyms = buildSynonymMap(normalized)
    this.localWrites++
  }

  async close(): Promise<void> {
    await this.pool?.close()
    if (this.db.open) this.db.close()
  }
}
