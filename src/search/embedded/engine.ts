import os from 'node:os'
import type Database from 'better-sqlite3'
import { SearchUnavailableError } from '../errors'
import { parseSearchQuery, validateDocuments, validateIds } from '../query-schema'
import { parseQueryTerms } from '../query-terms'
import settings from '../settings.json' with { type: 'json' }
import { buildSynonymMap, DEFAULT_SYNONYMS, normalizeSynonymGroups, type SynonymGroups } from '../synonyms'
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchQueryInput, SearchResult } from '../types'
import { openIndexDatabase, readMeta, writeMeta } from './database'
import { compileSearchPlan, type SearchPlan } from './plan'
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

  constructor(options: EmbeddedEngineOptions = {}) {
    this.file = options.file ?? settings.embedded.defaultPath
    const cacheSizeMiB = options.cacheSizeMiB ?? settings.embedded.cacheSizeMiB
    this.db = openIndexDatabase(this.file, { cacheSizeMiB, prefixIndex: options.prefixIndex ?? settings.embedded.prefixIndex })
    this.writer = new IndexWriter(this.db)
    this.reader = new IndexReader(this.db)
    this.workers = this.file === ':memory:' ? 0 : (options.workers ?? Math.min(2, os.availableParallelism()))
    this.cacheSizeMiB = cacheSizeMiB
    const stored = readMeta(this.db, 'synonyms')
    this.synonyms = buildSynonymMap(stored ? (JSON.parse(stored) as SynonymGroups) : DEFAULT_SYNONYMS)
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
      if (start + batch < valid.length) await yieldToEventLoop()
    }
  }

  async remove(ids: string[]): Promise<void> {
    this.writer.remove(validateIds(ids))
  }

  /** Builds the plan the readers run; exposed for tests and the benchmark. */
  plan(query: SearchQuery): SearchPlan {
    return compileSearchPlan(query, parseQueryTerms(query.text, this.synonyms))
  }

  async search(input: SearchQueryInput | SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const query = parseSearchQuery(input)
    const plan = this.plan(query)
    let result: PlanResult
    try {
      const pool = this.queryPool()
      result = pool ? await pool.run(plan) : this.reader.execute(plan)
    } catch (error) {
      throw new SearchUnavailableError('the embedded search index could not answer', { cause: error })
    }
    return { ...result, page: query.page, pageSize: query.pageSize, tookMs: Math.round((performance.now() - started) * 10) / 10 }
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
  }

  /** Merges index segments; worth running after a full rebuild. */
  async optimize(): Promise<void> {
    this.writer.optimize()
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
  }

  async close(): Promise<void> {
    await this.pool?.close()
    if (this.db.open) this.db.close()
  }
}
