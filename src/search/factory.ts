import path from 'node:path'
import { EmbeddedSearchEngine, type EmbeddedEngineOptions } from './embedded/engine'
import { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch/engine'
import type { SearchEngine } from './types'

export interface SearchEnvironment extends Record<string, string | undefined> {
  MEILI_HOST?: string
  MEILI_MASTER_KEY?: string
  /** Embedded index file; default data/search/index.db. */
  SEARCH_INDEX_PATH?: string
  /** Query worker threads for the embedded engine. */
  SEARCH_WORKERS?: string
}

/** The embedded engine unless MEILI_HOST names a Meilisearch server. */
export function createSearchEngine(
  env: SearchEnvironment = process.env,
  overrides: { embedded?: EmbeddedEngineOptions; meilisearch?: Partial<MeilisearchEngineOptions> } = {},
): SearchEngine {
  if (env.MEILI_HOST) {
    return new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY || undefined, ...overrides.meilisearch })
  }
  const workers = env.SEARCH_WORKERS === undefined ? undefined : Number(env.SEARCH_WORKERS)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new Error(`SEARCH_WORKERS must be a non-negative integer, got "${env.SEARCH_WORKERS}"`)
  }
  // The index lives with the rest of the embedded state (DATA_DIR) unless placed elsewhere.
  const file = env.SEARCH_INDEX_PATH || (env.DATA_DIR ? path.join(env.DATA_DIR, 'search', 'index.db') : undefined)
  return new EmbeddedSearchEngine({ file, workers, ...overrides.embedded })
}
