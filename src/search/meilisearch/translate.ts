// Pure translation between our typed search vocabulary and Meilisearch's, unit-tested
// without a server. Filters are built from validated values; user text only ever becomes `q`.
import type { SearchParams, Settings } from 'meilisearch'
import { makeSnippet, highlightText } from '../highlight'
import type { QueryTerm } from '../query-terms'
import settings from '../settings.json' with { type: 'json' }
import type { SynonymGroups } from '../synonyms'
import type { DocumentType, FacetCounts, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../types'

const { meilisearch: meili, snippet: snippetSettings, limits } = settings

export const FACET_ATTRIBUTES = ['site', 'organization', 'type', 'year'] as const

/** How a document is stored in Meilisearch. */
export interface MeiliDocument extends SearchDocument {
  /** Primary key: Meilisearch allows only [A-Za-z0-9_-], so our `articles:123` ids are base64url-encoded. */
  key: string
  /** publishedAt in ms, for range filters and sorting. */
  publishedTs: number
}

export function documentKey(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url')
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  return { ...doc, key: documentKey(doc.id), publishedTs: Date.parse(doc.publishedAt) }
}

/** Meilisearch synonyms are one-way lists; each group is expanded to every direction. */
export function toMeiliSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((other) => other !== term)
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])]
    }
  }
  return synonyms
}

/** Index settings, per research/search.md. */
export function indexSettings(groups: SynonymGroups): Settings {
  return {
    searchableAttributes: ['title', 'body'],
    filterableAttributes: ['site', 'organization', 'type', 'year', 'column', 'publishedTs'],
    sortableAttributes: ['publishedTs'],
    // Ties (and near-ties) go to newer documents, as in the embedded engine.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedTs:desc'],
    // Short Chinese queries are otherwise misdetected as Japanese.
    localizedAttributes: [{ attributePatterns: ['title', 'body'], locales: ['cmn'] }],
    // The default 100 is fewer than the 160 sites.
    faceting: { maxValuesPerFacet: meili.maxValuesPerFacet },
    pagination: { maxTotalHits: meili.maxTotalHits },
    synonyms: toMeiliSynonyms(groups),
  }
}

/** A filter value as a Meilisearch string literal: double-quoted, `\` and `"` escaped. */
export function filterString(value: string): string {
  return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'
}

function inList(attribute: string, values: (string | number)[] | undefined): string | null {
  if (!values || values.length === 0) return null
  const literals = values.map((value) => (typeof value === 'number' ? String(value) : filterString(value)))
  return `${attribute} IN [${literals.join(', ')}]`
}

function endOfDay(value: string): number {
  const ms = Date.parse(value)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + 86_400_000 - 1 : ms
}

/** Filter expressions, ANDed by Meilisearch as array entries. */
export function buildFilter(query: SearchQuery): string[] {
  const parts = [
    inList('site', query.sites),
    inList('organization', query.organizations),
    inList('type', query.types),
    inList('year', query.years),
    query.publishedFrom ? `publishedTs >= ${Date.parse(query.publishedFrom)}` : null,
    query.publishedTo ? `publishedTs <= ${endOfDay(query.publishedTo)}` : null,
  ]
  return parts.filter((part): part is string => part !== null)
}

/**
 * `q` rebuilt from parsed terms: quotes only around our own phrases, and no leading `-`
 * (Meilisearch's negation operator) so user text cannot change the query's logic.
 */
export function buildQ(terms: QueryTerm[]): string {
  return terms
    .map((term) => {
      const text = term.text
        .replace(/"/g, ' ')
        .replace(/(^|\s)-+/g, '$1')
        .trim()
      return term.phrase ? `"${text}"` : text
    })
    .filter((text) => text && text !== '""')
    .join(' ')
}

export function buildSearchParams(query: SearchQuery, terms: QueryTerm[]): SearchParams & { q: string } {
  const params: SearchParams & { q: string } = {
    q: buildQ(terms),
    filter: buildFilter(query),
    page: query.page,
    hitsPerPage: query.pageSize,
    matchingStrategy: 'all',
    locales: ['cmn'],
    showRankingScore: true,
    attributesToRetrieve: ['id', 'type', 'title', 'body', 'url', 'site', 'siteName', 'organization', 'organizationName', 'publishedAt'],
  }
  if (query.sort === 'date' || terms.length === 0) params.sort = ['publishedTs:desc']
  if (query.facets) params.facets = [...FACET_ATTRIBUTES]
  return params
}

interface MeiliHit {
  id: string
  type: DocumentType
  title: string
  body: string
  url: string
  site: string
  siteName: string
  organization: string
  organizationName: string
  publishedAt: string
  _rankingScore?: number
}

export interface MeiliSearchResponseLike {
  hits: MeiliHit[]
  totalHits?: number
  estimatedTotalHits?: number
  facetDistribution?: Record<string, Record<string, number>>
  processingTimeMs: number
}

export function fromMeiliResponse(response: MeiliSearchResponseLike, query: SearchQuery, terms: QueryTerm[]): SearchResult {
  const needles = [...new Set(terms.flatMap((term) => term.alternatives.map((alternative) => alternative.text)))]
  const hits: SearchHit[] = response.hits.map((hit) => ({
    id: hit.id,
    type: hit.type,
    title: hit.title,
    titleHighlighted: highlightText(hit.title, needles),
    url: hit.url,
    site: hit.site,
    siteName: hit.siteName,
    organization: hit.organization,
    organizationName: hit.organizationName,
    snippet: makeSnippet(hit.body, needles, snippetSettings.length, snippetSettings.contextBefore),
    publishedAt: hit.publishedAt,
    score: hit._rankingScore ?? 0,
  }))
  const reported = response.totalHits ?? response.estimatedTotalHits ?? hits.length
  // Meilisearch counts exactly up to pagination.maxTotalHits (settings: above the exact limit), so only more than the limit is an estimate here.
  const totalIsEstimate = reported > limits.totalExactLimit
  const result: SearchResult = {
    hits,
    total: Math.min(reported, limits.totalExactLimit),
    totalIsEstimate,
    page: query.page,
    pageSize: query.pageSize,
    tookMs: response.processingTimeMs,
  }
  if (query.facets) {
    const distribution = response.facetDistribution ?? {}
    const facets: FacetCounts = { site: {}, organization: {}, type: {}, year: {} }
    for (const attribute of FACET_ATTRIBUTES) facets[attribute] = { ...(distribution[attribute] ?? {}) }
    result.facets = facets
    result.facetsAreEstimate = totalIsEstimate
  }
  return result
}
