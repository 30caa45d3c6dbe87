// The search capability's vocabulary, shared by both engines and by callers.

/** The kinds of public content the search covers. */
export const DOCUMENT_TYPES = ['article', 'page', 'disclosure', 'service-guide', 'letter'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/** One searchable item, already flattened to plain text by the indexer. */
export interface SearchDocument {
  /** `<collection>:<id>`, e.g. `articles:123`; unique across the whole site group. */
  id: string
  type: DocumentType
  /** Site code // 网站代码 */
  site: string
  siteName: string
  /** Organization code // 单位代码 */
  organization: string
  organizationName: string
  /** Column // 栏目 (path or name, for display only) */
  column?: string
  title: string
  /** Plain text, no markup. */
  body: string
  url: string
  /** ISO 8601 date-time. */
  publishedAt: string
  year: number
}

export type SearchSort = 'relevance' | 'date'

/** A validated query (see `parseSearchQuery`): every filter is a typed value, never raw text. */
export interface SearchQuery {
  text: string
  sites?: string[]
  organizations?: string[]
  types?: DocumentType[]
  years?: number[]
  /** Inclusive bounds, ISO dates or date-times. */
  publishedFrom?: string
  publishedTo?: string
  sort: SearchSort
  /** 1-based. */
  page: number
  pageSize: number
  facets: boolean
}

/** What callers may pass in; defaults are filled in by `parseSearchQuery`. */
export type SearchQueryInput = Partial<SearchQuery> & { text?: unknown } & Record<string, unknown>

export interface SearchHit {
  id: string
  type: DocumentType
  title: string
  /** Title HTML-escaped, query matches wrapped in <mark>. */
  titleHighlighted: string
  url: string
  site: string
  siteName: string
  organization: string
  organizationName: string
  /** Plain-text excerpt, HTML-escaped, query matches wrapped in <mark>. */
  snippet: string
  publishedAt: string
  /** Higher is better; comparable only within one result. */
  score: number
}

export interface FacetCounts {
  site: Record<string, number>
  organization: Record<string, number>
  type: Record<string, number>
  year: Record<string, number>
}

export interface SearchResult {
  hits: SearchHit[]
  /** Exact when `totalIsEstimate` is false. */
  total: number
  /** True when more than `TOTAL_EXACT_LIMIT` documents match: `total` is then a lower bound. */
  totalIsEstimate: boolean
  page: number
  pageSize: number
  /** Present when the query asked for facets. */
  facets?: FacetCounts
  /** True when facets were counted over a capped sample of the matches. */
  facetsAreEstimate?: boolean
  tookMs: number
}

export interface EngineHealth {
  ok: boolean
  engine: 'embedded' | 'meilisearch'
  documents?: number
  detail?: string
}

/** One interface, two engines: the embedded SQLite FTS5 engine and Meilisearch. */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  /** Insert or replace documents by id; searchable when the promise resolves. */
  upsert(docs: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  /** Accepts raw input; throws `SearchInputError` for an invalid query. */
  search(query: SearchQueryInput | SearchQuery): Promise<SearchResult>
  count(): Promise<number>
  /** Every indexed id, for reconciling with the database. */
  allIds(): AsyncIterable<string>
  clear(): Promise<void>
  health(): Promise<EngineHealth>
  /** Groups of equivalent terms, e.g. [['社保', '社会保障']]; replaces the current list. */
  setSynonyms(groups: string[][]): Promise<void>
  /** Set while the index is rebuilt from nothing: searches then throw SearchUnavailableError. */
  markRebuilding?(on: boolean): Promise<void>
  close(): Promise<void>
}
