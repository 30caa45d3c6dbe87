/**
 * Units // 单位 as the public sees them, whatever their hosting mode: an own-site unit's home is
 * its site's home page; a portal-columns unit (玉溪模式, 办栏目) owns a column subtree on a host
 * site, and the top of that subtree is its landing page, shown with its own navigation.
 */
import { sitePaths, siteUrl } from './addresses'
import { ancestry, type ColumnRecord, type Id, type OrganizationRecord, type SiteIndex, type SiteRecord } from './site-index'

/** A unit's column subtree on a site it does not run: the unit, the host site and the subtree's top column. */
export interface UnitSection {
  organization: OrganizationRecord
  site: SiteRecord
  root: ColumnRecord
}

/** Where a unit's public home is: its own site (no column), or a landing column on a host site. */
export interface UnitHome {
  organization: OrganizationRecord
  site: SiteRecord
  column?: ColumnRecord
  /** Site-relative path: `/` or `/<column path>/`. */
  path: string
}

const owner = (column: ColumnRecord | undefined) =>
  column?.ownerOrganizationId === null || column?.ownerOrganizationId === undefined ? '' : String(column.ownerOrganizationId)

/**
 * The unit section a column belongs to: climb while the parent has the same owner; when the top
 * of that run is owned by someone other than the site's organization, it is a unit's subtree.
 */
export function unitSectionOf(index: SiteIndex, column: ColumnRecord): UnitSection | undefined {
  const site = index.byId.get(String(column.siteId))
  const unit = owner(column)
  if (!site || !unit || unit === String(site.organizationId)) return undefined
  const chain = ancestry(index, column)
  let top = chain.length - 1
  while (top > 0 && owner(chain[top - 1]) === unit) top--
  const organization = index.organizations.get(unit)
  return organization ? { organization, site, root: chain[top] } : undefined
}

const sectionRoots = new WeakMap<SiteIndex, Map<string, ColumnRecord[]>>()

/** Each organization's section tops on sites it does not run, shallowest and first in order first. */
function rootsByOrganization(index: SiteIndex): Map<string, ColumnRecord[]> {
  let roots = sectionRoots.get(index)
  if (roots) return roots
  roots = new Map()
  const depth = new Map<string, number>()
  for (const column of index.columnsById.values()) {
    const site = index.byId.get(String(column.siteId))
    const unit = owner(column)
    if (!site || !unit || unit === String(site.organizationId)) continue
    const parent = column.parentId === null ? undefined : index.columnsById.get(String(column.parentId))
    if (parent && owner(parent) === unit) continue
    depth.set(String(column.id), ancestry(index, column).length)
    const list = roots.get(unit) ?? []
    list.push(column)
    roots.set(unit, list)
  }
  for (const list of roots.values())
    list.sort((a, b) => depth.get(String(a.id))! - depth.get(String(b.id))! || a.order - b.order || String(a.id).localeCompare(String(b.id)))
  sectionRoots.set(index, roots)
  return roots
}

/** The sites' own organizations, for own-site lookups. */
function ownSiteOf(index: SiteIndex, organizationId: string): SiteRecord | undefined {
  return index.sites.find((site) => String(site.organizationId) === organizationId)
}

/**
 * Where any organization's public home is. A portal-columns unit lands on its subtree on its host
 * site (else on any site holding its subtree); an own-site unit on its site's home; a unit with
 * neither has none (undefined).
 */
export function unitHome(index: SiteIndex, organizationId: Id): UnitHome | undefined {
  const key = String(organizationId)
  const organization = index.organizations.get(key)
  if (!organization) return undefined
  const own = ownSiteOf(index, key)
  const roots = rootsByOrganization(index).get(key) ?? []
  if (own && (organization.hostingMode !== 'portal-columns' || !roots.length)) return { organization, site: own, path: '/' }
  const onHost = roots.find((c) => String(c.siteId) === String(organization.hostSiteId)) ?? roots[0]
  if (onHost) return { organization, site: index.byId.get(String(onHost.siteId))!, column: onHost, path: sitePaths.column(onHost.path) }
  return own ? { organization, site: own, path: '/' } : undefined
}

/**
 * The URL of an organization's public home: `https://<domain><path>` when its site has a domain,
 * `/s/<code><path>` on a shared local address (`local`) or for a site without one.
 */
export function unitHomeUrl(index: SiteIndex, organizationId: Id, options: { local?: boolean; scheme?: string } = {}): string | undefined {
  const home = unitHome(index, organizationId)
  if (!home) return undefined
  return siteUrl(home.site, home.path, options)
}

/** Organizations publishing only through column subtrees on other sites (no active site of their own). */
export function columnUnits(index: SiteIndex): Array<{ organization: OrganizationRecord; home: UnitHome }> {
  const out: Array<{ organization: OrganizationRecord; home: UnitHome }> = []
  for (const organization of index.organizations.values()) {
    if (ownSiteOf(index, String(organization.id))) continue
    const home = unitHome(index, organization.id)
    if (home?.column) out.push({ organization, home })
  }
  return out
}
