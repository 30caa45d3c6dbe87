/**
 * The site group's structure held in memory: sites by domain and code, each site's column tree,
 * organizations. 160 sites and a few thousand columns load in one query each, and every request
 * needs them, so they are reloaded as a whole whenever any of them changes (rare) rather than
 * queried per request.
 */
import type { Payload } from 'payload'
import type { MediaDoc } from './images'

export type Id = number | string

export interface OrganizationRecord {
  id: Id
  name: string
  shortName: string
  code: string
  kind: string
  /** 建站模式: `own-site`, or `portal-columns` (the unit owns a column subtree on `hostSiteId`). */
  hostingMode: string
  hostSiteId: Id | null
}

export interface ColumnRecord {
  id: Id
  name: string
  slug: string
  path: string
  siteId: Id
  parentId: Id | null
  category: string
  ownerOrganizationId: Id | null
  order: number
  visibility: 'public' | 'hidden'
  description: string
  children: ColumnRecord[]
}

export interface SiteRecord {
  id: Id
  name: string
  code: string
  domains: string[]
  identificationCode: string
  organizationId: Id | null
  theme: string
  status: string
  settings: {
    logoId: Id | null
    primaryColor: string
    accentColor: string
    navigationIds: Id[]
    footer: Record<string, string>
  }
  logo?: MediaDoc
  columns: ColumnRecord[] // roots, ordered
  columnsByPath: Map<string, ColumnRecord>
  columnsById: Map<string, ColumnRecord>
  updatedAt: string
}

export interface SiteIndex {
  sites: SiteRecord[]
  byDomain: Map<string, SiteRecord>
  byCode: Map<string, SiteRecord>
  byId: Map<string, SiteRecord>
  organizations: Map<string, OrganizationRecord>
  columnsById: Map<string, ColumnRecord>
  portalSiteId: Id | null
  groupName: string
  loadedAt: number
}

const relationId = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}
const str = (value: unknown) => (typeof value === 'string' ? value : '')

export async function loadSiteIndex(payload: Payload): Promise<SiteIndex> {
  const [sites, columns, organizations, group] = await Promise.all([
    payload.find({ collection: 'sites', depth: 0, pagination: false, overrideAccess: true, where: { status: { equals: 'active' } } }),
    payload.find({ collection: 'columns', depth: 0, pagination: false, overrideAccess: true, sort: 'order' }),
    payload.find({ collection: 'organizations', depth: 0, pagination: false, overrideAccess: true, sort: 'order' }),
    payload.findGlobal({ slug: 'group-settings', depth: 0, overrideAccess: true }).catch(() => null),
  ])
  const organizationsMap = new Map<string, OrganizationRecord>()
  for (const doc of organizations.docs as unknown as Array<Record<string, unknown>>) {
    organizationsMap.set(String(doc.id), {
      id: doc.id as Id,
      name: str(doc.name),
      shortName: str(doc.shortName),
      code: str(doc.code),
      kind: str(doc.kind),
      hostingMode: str(doc.hostingMode) || 'own-site',
      hostSiteId: relationId(doc.hostSite),
    })
  }
  const index: SiteIndex = {
    sites: [],
    byDomain: new Map(),
    byCode: new Map(),
    byId: new Map(),
    organizations: organizationsMap,
    columnsById: new Map(),
    portalSiteId: relationId((group as Record<string, unknown> | null)?.portalSite),
    groupName: str((group as Record<string, unknown> | null)?.name) || '政府网站群',
    loadedAt: Date.now(),
  }
  for (const doc of sites.docs as unknown as Array<Record<string, unknown>>) {
    const settings = (doc.settings ?? {}) as Record<string, unknown>
    const site: SiteRecord = {
      id: doc.id as Id,
      name: str(doc.name),
      code: str(doc.code),
      domains: ((doc.domains as Array<{ domain?: string }> | undefined) ?? []).map((d) => normalizeHost(str(d.domain))).filter(Boolean),
      identificationCode: str(doc.identificationCode),
      organizationId: relationId(doc.organization),
      theme: str(doc.theme) || 'department',
      status: str(doc.status),
      settings: {
        logoId: relationId(settings.logo),
        primaryColor: str(settings.primaryColor),
        accentColor: str(settings.accentColor),
        navigationIds: ((settings.navigation as unknown[] | undefined) ?? []).map(relationId).filter((id): id is Id => id !== null),
        footer: Object.fromEntries(Object.entries((settings.footer ?? {}) as Record<string, unknown>).map(([k, v]) => [k, str(v)])),
      },
      columns: [],
      columnsByPath: new Map(),
      columnsById: new Map(),
      updatedAt: str(doc.updatedAt),
    }
    index.sites.push(site)
    index.byId.set(String(site.id), site)
    index.byCode.set(site.code, site)
    for (const domain of site.domains) index.byDomain.set(domain, site)
  }
  const logoIds = index.sites.map((site) => site.settings.logoId).filter((id): id is Id => id !== null)
  if (logoIds.length) {
    const logos = await payload.find({ collection: 'media', where: { id: { in: logoIds } }, depth: 0, pagination: false, overrideAccess: true })
    const byId = new Map((logos.docs as Array<MediaDoc & { id: Id }>).map((doc) => [String(doc.id), doc]))
    for (const site of index.sites) if (site.settings.logoId !== null) site.logo = byId.get(String(site.settings.logoId))
  }
  const records = (columns.docs as unknown as Array<Record<string, unknown>>).map<ColumnRecord>((doc) => ({
    id: doc.id as Id,
    name: str(doc.name),
    slug: str(doc.slug),
    path: str(doc.path) || str(doc.slug),
    siteId: relationId(doc.site) as Id,
    parentId: relationId(doc.parent),
    category: str(doc.category) || 'other',
    ownerOrganizationId: relationId(doc.ownerOrganization),
    order: Number(doc.order ?? 0),
    visibility: doc.visibility === 'hidden' ? 'hidden' : 'public',
    description: str(doc.description),
    children: [],
  }))
  for (const column of records) index.columnsById.set(String(column.id), column)
  for (const column of records) {
    const site = index.byId.get(String(column.siteId))
    if (!site) continue
    site.columnsById.set(String(column.id), column)
    site.columnsByPath.set(column.path, column)
    const parent = column.parentId === null ? undefined : index.columnsById.get(String(column.parentId))
    if (parent) parent.children.push(column)
    else site.columns.push(column)
  }
  const byOrder = (a: ColumnRecord, b: ColumnRecord) => a.order - b.order || String(a.id).localeCompare(String(b.id))
  for (const site of index.sites) {
    site.columns.sort(byOrder)
    for (const column of site.columnsById.values()) column.children.sort(byOrder)
  }
  return index
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '')
}

/** The column and all columns below it: a column's lists include its sub-columns' articles. */
export function subtreeIds(column: ColumnRecord): Id[] {
  const ids: Id[] = [column.id]
  for (const child of column.children) ids.push(...subtreeIds(child))
  return ids
}

/** The column and its ancestors, root first. */
export function ancestry(index: SiteIndex, column: ColumnRecord): ColumnRecord[] {
  const chain: ColumnRecord[] = []
  let cursor: ColumnRecord | undefined = column
  const seen = new Set<string>()
  while (cursor && !seen.has(String(cursor.id))) {
    seen.add(String(cursor.id))
    chain.unshift(cursor)
    cursor = cursor.parentId === null ? undefined : index.columnsById.get(String(cursor.parentId))
  }
  return chain
}

/** The site's navigation: its chosen columns in order, or its public top-level columns. */
export function navigationColumns(site: SiteRecord): ColumnRecord[] {
  const chosen = site.settings.navigationIds.map((id) => site.columnsById.get(String(id))).filter((c): c is ColumnRecord => Boolean(c))
  return chosen.length ? chosen : site.columns.filter((c) => c.visibility === 'public')
}

export function firstColumnOfCategory(site: SiteRecord, category: string): ColumnRecord | undefined {
  const walk = (columns: ColumnRecord[]): ColumnRecord | undefined => {
    for (const column of columns) {
      if (column.category === category) return column
    }
    for (const column of columns) {
      const found = walk(column.children)
      if (found) return found
    }
    return undefined
  }
  return walk(site.columns)
}
