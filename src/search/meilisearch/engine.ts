import { Meilisearch, type Index } from 'meilisearch'
import { SearchUnavailableError } from '../errors'
import { parseSearchQuery, validateDocuments, validateIds } from '../query-schema'
import { parseQueryTerms } from '../query-terms'
import settings from '../settings.json' with { type: 'json' }
import { buildSynonymMap, DEFAULT_SYNONYMS, normalizeSynonymGroups, type SynonymGroups } from '../synonyms'
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchQueryInput, SearchResult } from '../types'
import {
  buildSearchParams,
  documentKey,
  fromMeiliResponse,
  indexSettings,
  toMeiliDocument,
  type MeiliDocument,
  type MeiliSearchResponseLike,
} from './translate'

export interface MeilisearchEngineOptions {
  host: string
  apiKey?: string
  /** One shared index for every site (research: hundreds of indexes degrade Meilisearch). */
  indexUid?: string
  synonyms?: SynonymGroups
  /** How long a write may take to become searchable before upsert fails. */
  taskTimeoutMs?: number
}

/** Meilisearch engine: one shared index filtered by site. Writes resolve once searchable. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  private readonly client: Meilisearch
  private readonly index: Index<MeiliDocument>
  private synonymGroups: SynonymGroups
  private synonyms: Map<string, string[]>
  private configured: Promise<void> | null = null
  private readonly waitOptions: { timeout: number; interval: number }

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey })
    this.index = this.client.index<MeiliDocument>(options.indexUid ?? settings.meilisearch.indexUid)
    this.synonymGroups = options.synonyms ?? DEFAULT_SYNONYMS
    this.synonyms = buildSynonymMap(this.synonymGroups)
    this.waitOptions = { timeout: options.taskTimeoutMs ?? 60_000, interval: 25 }
  }

  private async wait(task: ReturnType<Index['addDocuments']>): Promise<void> {
    const done = await task.waitTask(this.waitOptions)
    if (done.status !== 'succeeded') throw new SearchUnavailableError(`meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? ''}`)
  }

  /** Creates the index and applies settings once per process. */
  ensureIndex(): Promise<void> {
    this.configured ??= (async () => {
      await this.wait(this.client.createIndex(this.index.uid, { primaryKey: 'key' })).catch(() => {
        // Already exists: fine; settings below still apply.
      })
      await this.wait(this.index.updateSettings(indexSettings(this.synonymGroups)))
    })().catch((error) => {
      this.configured = null
      throw error
    })
    return this.configured
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    const valid = validateDocuments(docs)
    if (valid.length === 0) return
    await this.ensureIndex()
    await this.wait(this.index.addDocuments(valid.map(toMeiliDocument), { primaryKey: 'key' }))
  }

  async remove(ids: string[]): Promise<void> {
    const valid = validateIds(ids)
    if (valid.length === 0) return
    await this.ensureIndex()
    await this.wait(this.index.deleteDocuments(valid.map(documentKey)))
  }

  async search(input: SearchQueryInput | SearchQuery): Promise<SearchResult> {
    const query = parseSearchQuery(input)
    const terms = parseQueryTerms(query.text, this.synonyms)
    await this.ensureIndex()
    try {
      const response = await this.index.search(null, buildSearchParams(query, terms))
      return fromMeiliResponse(response as unknown as MeiliSearchResponseLike, query, terms)
    } catch (error) {
      throw new SearchUnavailableError('meilisearch could not answer', { cause: error })
    }
  }

  async count(): Promise<number> {
    await this.ensureIndex()
    return (await this.index.getStats()).numberOfDocuments
  }

  async *allIds(): AsyncIterable<string> {
    await this.ensureIndex()
    const limit = 1000
    for (let offset = 0; ; offset += limit) {
      const page = await this.index.getDocuments({ fields: ['id'], limit, offset })
      for (const doc of page.results) yield doc.id
      if (page.results.length < limit) return
    }
  }

  async clear(): Promise<void> {
    await this.ensureIndex()
    await this.wait(this.index.deleteAllDocuments())
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health()
      return { ok: true, engine: 'meilisearch', documents: await this.count() }
    } catch (error) {
      return { ok: false, engine: 'meilisearch', detail: error instanceof Error ? error.message : String(error) }
    }
  }

  async setSynonyms(groups: string[][]): Promise<void> {
    const normalized = normalizeSynonymGroups(groups)
    await this.ensureIndex()
    await this.wait(this.index.updateSynonyms(Object.fromEntries(Object.entries(indexSettings(normalized).synonyms ?? {}))))
    this.synonymGroups = normalized
    this.synonyms = buildSynonymMap(normalized)
  }

  async close(): Promise<void> {}
}
