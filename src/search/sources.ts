// What a search source is: a collection, which of its documents the public may see, and how one
// becomes a SearchDocument. The sources themselves live with their content (articles and service
// guides in src/sites, letter replies in src/interaction) and are handed to the indexer; the
// indexer syncs and reconciles every source the same way.
import type { Config, Payload, Plugin, Where } from 'payload'
import type { SearchDocument } from './types'

export type Id = number | string

export const idOf = (value: unknown): Id | null =>
  value === null || value === undefined || value === '' ? null : typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : (value as Id)

export interface ColumnInfo {
  name: string
  path: string
  category: string
}

export interface Named {
  code: string
  name: string
}

export interface SiteInfo extends Named {
  id: Id
  organization: Id | null
  /** False for an archived or offline site: its pages redirect, so none of its documents is searchable. */
  active?: boolean
}

/** Column, site and organization lookups, memoized for one sync or one reconcile run. */
export interface Lookups {
  column(id: Id): Promise<ColumnInfo | null>
  site(id: Id): Promise<SiteInfo | null>
  organization(id: Id): Promise<Named | null>
  /** The site an organization publishes on: its own active site, else its host site (column mode), else the portal. */
  siteOfOrganization(id: Id): Promise<SiteInfo | null>
  /**
   * Path of the services column // 办事服务栏目 for an organization's guide URLs on a site: the
   * organization's own one there (a column-mode unit's 办事指南), else the site's first; null when none.
   */
  servicesPath(siteId: Id, organizationId?: Id): Promise<string | null>
}

/** Year in China's time zone, so an item published at 2025-01-01 07:00 (+08) counts for 2025. */
export function chinaYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear()
}

/** A search document's body: the non-empty text parts, one per line (no phrase match crosses a line). */
export const joinSearchText = (parts: unknown[]) => parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n')

export interface SearchSource {
  collection: string
  /** The documents the public may see; the reconcile job indexes exactly these. */
  publicWhere(): Promise<Where>
  /** The search document, or null when the public may not see this one. */
  toDocument(doc: Record<string, unknown>, lookups: Lookups, now?: Date): Promise<SearchDocument | null>
  /** The documents whose search entry depends on this site (re-synced when its status changes). */
  siteWhere(site: { id: Id; organization: Id | null }): Where | null
}

const SOURCES_KEY = 'searchSources'

/**
 * Hands the search sources to Payload's config, where the collection hooks and the reconcile job
 * (which only see `req.payload`) find them: `plugins: [searchSourcesPlugin(searchSources)]`.
 */
export function searchSourcesPlugin(sources: readonly SearchSource[]): Plugin {
  return (config: Config) => ({ ...config, custom: { ...config.custom, [SOURCES_KEY]: sources } })
}

/** The configured sources whose collection this Payload has (a source of a missing collection is skipped). */
export function searchSourcesOf(payload: Payload): SearchSource[] {
  const sources = ((payload.config?.custom as Record<string, unknown> | undefined)?.[SOURCES_KEY] ?? []) as readonly SearchSource[]
  return sources.filter((source) => Boolean((payload.collections as Record<string, unknown>)[source.collection]))
}
