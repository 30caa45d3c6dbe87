import type { Payload } from 'payload'
import type { Column, Organization, Site } from '../../../payload-types'
import type { ColumnCategory, Id, OrganizationKind } from '../types'
import { idOf, readAllFlat } from './read'

export interface OrganizationRow {
  id: Id
  name: string
  kind: OrganizationKind
  hostingMode: 'own-site' | 'portal-columns'
  hostSite: string | null
}

export interface SiteRow {
  id: Id
  name: string
  code: string
  domains: string[]
  identificationCode: string | null
  organization: string | null
  theme: string | null
  status: string
  icp: string | null
  publicSecurity: string | null
}

export interface ColumnRow {
  id: Id
  name: string
  site: string | null
  parent: string | null
  path: string | null
  category: ColumnCategory
  owner: string | null
}

/** The site group's skeleton (单位, 网站, 栏目): a few thousand rows, read once per run. */
export interface GroupStructure {
  organizations: Map<string, OrganizationRow>
  sites: Map<string, SiteRow>
  columns: Map<string, ColumnRow>
  /** Column id → ids of its child columns. */
  children: Map<string, string[]>
}

export async function loadStructure(payload: Payload, pageSize: number): Promise<GroupStructure> {
  const [orgs, sites, columns] = await Promise.all([
    readAllFlat<Pick<Organization, 'id' | 'name' | 'kind' | 'hostingMode' | 'hostSite'>>(
      payload,
      'organizations',
      undefined,
      { name: true, kind: true, hostingMode: true, hostSite: true },
      pageSize,
    ),
    readAllFlat<Pick<Site, 'id' | 'name' | 'code' | 'domains' | 'identificationCode' | 'organization' | 'theme' | 'status' | 'settings'>>(
      payload,
      'sites',
      undefined,
      { name: true, code: true, domains: true, identificationCode: true, organization: true, theme: true, status: true, settings: { footer: true } },
      pageSize,
    ),
    readAllFlat<Pick<Column, 'id' | 'name' | 'site' | 'parent' | 'path' | 'category' | 'ownerOrganization'>>(
      payload,
      'columns',
      undefined,
      { name: true, site: true, parent: true, path: true, category: true, ownerOrganization: true },
      pageSize,
    ),
  ])
  const structure: GroupStructure = { organizations: new Map(), sites: new Map(), columns: new Map(), children: new Map() }
  for (const o of orgs) {
    structure.organizations.set(String(o.id), { id: o.id, name: o.name, kind: o.kind, hostingMode: o.hostingMode ?? 'own-site', hostSite: idOf(o.hostSite) })
  }
  for (const s of sites) {
    structure.sites.set(String(s.id), {
      id: s.id,
      name: s.name,
      code: s.code,
      domains: (s.domains ?? []).map((d) => d.domain.toLowerCase()),
      identificationCode: s.identificationCode ?? null,
      organization: idOf(s.organization),
      theme: s.theme ?? null,
      status: s.status ?? 'active',
      icp: s.settings?.footer?.icp ?? null,
      publicSecurity: s.settings?.footer?.publicSecurity ?? null,
    })
  }
  for (const c of columns) {
    const row: ColumnRow = {
      id: c.id,
      name: c.name,
      site: idOf(c.site),
      parent: idOf(c.parent),
      path: c.path ?? null,
      category: c.category ?? 'other',
      owner: idOf(c.ownerOrganization),
    }
    structure.columns.set(String(c.id), row)
    if (row.parent) {
      const list = structure.children.get(row.parent)
      if (list) list.push(String(c.id))
      else structure.children.set(row.parent, [String(c.id)])
    }
  }
  return structure
}

/** The organization's own site: the active site it runs (portal-columns units have none). */
export function ownSite(structure: GroupStructure, organizationId: string): SiteRow | undefined {
  let fallback: SiteRow | undefined
  for (const site of structure.sites.values()) {
    if (site.organization !== organizationId) continue
    if (site.status === 'active') return site
    fallback ??= site
  }
  return fallback
}
