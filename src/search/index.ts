// Cross-site search // 全站搜索: one interface, two engines (embedded SQLite FTS5 by default,
// Meilisearch when MEILI_HOST is set), Chinese-exact matching, query analytics.
export type {
  DocumentType,
  EngineHealth,
  FacetCounts,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchQueryInput,
  SearchResult,
  SearchSort,
} from './types'
export { DOCUMENT_TYPES } from './types'
export { SearchInputError, SearchUnavailableError } from './errors'
export { parseSearchQuery, stripControlChars } from './query-schema'
export { normalizeText, indexTokens } from './tokenizer'
export { parseQueryTerms, MAX_TERMS, type QueryTerm } from './query-terms'
export { DEFAULT_SYNONYMS, normalizeSynonymGroups, type SynonymGroups } from './synonyms'
export { escapeHtml, highlightText, makeSnippet } from './highlight'
export { recordQuery, reportQueries, reportQueriesBySite, type QueryLogEntry, type QueryReport, type QueryStat } from './analytics'
export { EmbeddedSearchEngine, type EmbeddedEngineOptions } from './embedded/engine'
export { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch/engine'
export * as meilisearchTranslation from './meilisearch/translate'

export { createSearchEngine, type SearchEnvironment } from './factory'
export {
  articleToSearchDocument,
  createSearchIndexer,
  searchAfterChange,
  searchAfterDelete,
  searchDocumentId,
  searchIndexerFor,
  searchReconcileTask,
  type ReconcileReport,
  type SearchIndexer,
} from './indexer'
