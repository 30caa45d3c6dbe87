// What the search covers besides articles: published letter replies (masked text only) and
// service guides. Each source says which documents the public may see and how one becomes a
// SearchDocument; the indexer syncs and reconciles every source the same way.
import type { Where } from 'payload'
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

const joinText = (parts: unknown[]) => parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n')

export interface SearchSource {
  collection: string
  /** The documents the public may see; the reconcile job indexes exactly these. */
  publicWhere(): Promise<Where>
  /** The search document, or null when the public may not see this one. */
  toDocument(doc: Record<string, unknown>, lookups: Lookups, now?: Date): Promise<SearchDocument | null>
  /** The documents whose search entry depends on this site (re-synced when its status changes). */
  siteWhere(site: { id: Id; organization: Id | null }): Where | null
}

/**
 * Letter replies // 来信选登: only letters the writer agreed to publish, a reviewer approved and a
 * unit answered; only the masked copies (publicSubject/publicContent/publicReply) are read, so
 * names, phone and ID numbers in the letter never reach the index.
 */
export const letterSource: SearchSource = {
  collection: 'letters',
  async publicWhere() {
    const { publicLetterWhere } = await import('../interaction')
    return publicLetterWhere() as unknown as Where
  },
  siteWhere: (site) => ({ site: { equals: site.id } }),
  async toDocument(doc, lookups) {
    const { isPubliclyVisibleLetter } = await import('../interaction')
    if (!isPubliclyVisibleLetter(doc as never)) return null
    const siteId = idOf(doc.site)
    const site = siteId === null ? null : await lookups.site(siteId)
    if (!site || site.active === false) return null
    const organizationId = idOf(doc.assignedOrganization) ?? site.organization
    const organization = organizationId === null ? null : await lookups.organization(organizationId)
    const subject = typeof doc.publicSubject === 'string' ? doc.publicSubject : ''
    if (!organization || !subject.trim()) return null
    const at = String(doc.repliedAt ?? doc.receivedAt ?? '')
    if (Number.isNaN(Date.parse(at))) return null
    const publishedAt = new Date(at).toISOString()
    return {
      id: `letters:${doc.id}`,
      type: 'letter',
      site: site.code,
      siteName: site.name,
      organization: organization.code,
      organizationName: organization.name,
      column: '来信选登',
      title: subject,
      body: joinText([doc.publicContent, typeof doc.publicReply === 'string' && doc.publicReply ? `答复：${doc.publicReply}` : null]),
      url: `/s/${site.code}/letters/${doc.id}`,
      publishedAt,
      year: chinaYear(publishedAt),
    }
  },
}

/** Service guides // 办事指南 (published versions), shown on their organization's site. */
export const serviceGuideSource: SearchSource = {
  collection: 'service-guides',
  async publicWhere() {
    return { _status: { equals: 'published' } }
  },
  // A guide moves to its organization's host site or the portal when its own site is archived.
  siteWhere: (site) => (site.organization === null ? null : { organization: { equals: site.organization } }),
  async toDocument(doc, lookups) {
    if (doc._status !== 'published') return null
    const organizationId = idOf(doc.organization)
    if (organizationId === null) return null
    const [organization, site] = await Promise.all([lookups.organization(organizationId), lookups.siteOfOrganization(organizationId)])
    if (!organization || !site || site.active === false) return null
    const { sitesConfig } = await import('../sites')
    const path = (await lookups.servicesPath(site.id, organizationId)) ?? sitesConfig().guidesPath
    const at = String(doc.updatedAt ?? doc.createdAt ?? '')
    if (Number.isNaN(Date.parse(at))) return null
    const publishedAt = new Date(at).toISOString()
    return {
      id: `service-guides:${doc.id}`,
      type: 'service-guide',
      site: site.code,
      siteName: site.name,
      organization: organization.code,
      organizationName: organization.name,
      column: '办事指南',
      title: String(doc.title ?? ''),
      body: joinText([doc.conditions, doc.materials, doc.process, doc.legalBasis, doc.place, doc.hours, doc.phone, doc.fees, doc.timeLimit]),
      url: `/s/${site.code}/${path}/g${doc.id}.html`,
      publishedAt,
      year: chinaYear(publishedAt),
    }
  },
}
