// Cross-site search // 全站搜索: one interface, two engines (embedded SQLite FTS5 by default,
// Meilisearch when MEILI_HOST is set), Chinese-exact matching, indexing of the sources it is
// handed (articles, letter replies, service guides), the public search page and API, query
// statistics and synonyms. It imports neither sites, access nor interaction.
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
export { highlightText, makeSnippet } from './highlight'
export { recordQuery, reportQueries, reportQueriesBySite, type QueryLogEntry, type QueryReport, type QueryStat } from './analytics'
export { EmbeddedSearchEngine, type EmbeddedEngineOptions } from './embedded/engine'
export { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch/engine'
export * as meilisearchTranslation from './meilisearch/translate'

export { createSearchEngine, type SearchEnvironment } from './factory'
export {
  payloadLookups,
  createSearchIndexer,
  searchAfterChange,
  searchAfterDelete,
  searchSiteAfterChange,
  searchDocumentId,
  searchIndexerFor,
  searchIndexerEngine,
  searchReconcileTask,
  type ReconcileReport,
  type SearchIndexer,
} from './indexer'
// Sources are handed in (src/search-sources.ts); these are what a source is made of.
export {
  chinaYear,
  joinSearchText,
  searchSourcesOf,
  searchSourcesPlugin,
  type ColumnInfo,
  type Lookups,
  type Named,
  type SearchSource,
  type SiteInfo,
} from './sources'
export { ResultCache } from './result-cache'

// HTTP: the public search page and API, the query log and its report, the synonym settings.
export { createSearchRouter, SEARCH_PATHS, UNAVAILABLE_MESSAGE, type SearchPages, type SearchRouterOptions } from './routes'
export { readSearchRequest, engineQuery, searchQueryString, type PublicSearchRequest, type Scope } from './http/request'
export { TYPE_LABELS } from './http/labels'
export { SearchQueryLog, chinaDay, SEARCH_QUERIES_SLUG, type LoggedSite, type QueryLogOptions } from './query-log'
export { reportFromAggregates, searchQueryReport, searchQueryReportEndpoint, type AggregateRow, type ReportOptions, type SiteQueryReport } from './query-report'
export {
  SEARCH_SETTINGS_SLUG,
  DEFAULT_SYNONYM_ROWS,
  synonymGroupsFromRows,
  rowsFromSynonymGroups,
  currentSynonymGroups,
  applySynonymSettings,
  type SynonymRow,
} from './synonym-settings'
export { searchPlugin } from './plugin'
