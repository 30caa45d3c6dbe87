/**
 * Permanent redirects // 永久跳转 left behind when a unit's pages move (a mode switch): held in
 * memory like the site index and reloaded as a whole when any redirect changes, so a lookup costs
 * two map probes. A rule maps a site-relative path on a site (archived ones included) to a path on
 * another site: `exact` rules match one path, `prefix` rules a whole subtree (the rest of the
 * path is carried along), and the longest matching rule wins.
 */
import type { Payload } from 'payload'
import { siteBase } from './addresses'
import type { Id } from './site-index'

export interface RedirectRule {
  id: Id
  siteId: Id
  fromPath: string
  match: 'exact' | 'prefix'
  toSiteId: Id
  toPath: string
  statusCode: number
}

export interface RedirectSite {
  id: Id
  code: string
  domains: string[]
  status: string
}

export interface RedirectTarget {
  rule: RedirectRule
  site: RedirectSite
  path: string
}

const relationId = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

export class RedirectTable {
  readonly sitesById = new Map<string, RedirectSite>()
  readonly sitesByCode = new Map<string, RedirectSite>()
  readonly sitesByDomain = new Map<string, RedirectSite>()
  private readonly exact = new Map<string, RedirectRule>()
  private readonly prefixes = new Map<string, RedirectRule[]>()

  constructor(sites: RedirectSite[], rules: RedirectRule[]) {
    for (const site of sites) {
      this.sitesById.set(String(site.id), site)
      this.sitesByCode.set(site.code, site)
      for (const domain of site.domains) this.sitesByDomain.set(domain, site)
    }
    for (const rule of rules) {
      if (rule.match === 'exact') this.exact.set(`${rule.siteId}|${rule.fromPath}`, rule)
      else {
        const list = this.prefixes.get(String(rule.siteId)) ?? []
        list.push(rule)
        this.prefixes.set(String(rule.siteId), list)
      }
    }
    for (const list of this.prefixes.values()) list.sort((a, b) => b.fromPath.length - a.fromPath.length)
  }

  get size(): number {
    return this.exact.size + [...this.prefixes.values()].reduce((n, list) => n + list.length, 0)
  }

  /** Where a site-relative path of a site has moved, or undefined. */
  lookup(siteId: Id, path: string): RedirectTarget | undefined {
    const exact = this.exact.get(`${siteId}|${path}`)
    const rule = exact ?? this.prefixes.get(String(siteId))?.find((r) => matchesPrefix(r.fromPath, path))
    if (!rule) return undefined
    const site = this.sitesById.get(String(rule.toSiteId))
    if (!site) return undefined
    return { rule, site, path: rule.match === 'exact' ? rule.toPath : joinPath(rule.toPath, path.slice(Math.min(rule.fromPath.length, path.length))) }
  }
}

/** `/a/b/` matches `/a/b/`, `/a/b/…` and `/a/b`; `/` matches everything. */
export function matchesPrefix(prefix: string, path: string): boolean {
  return path.startsWith(prefix) || (prefix.endsWith('/') && path === prefix.slice(0, -1))
}

function joinPath(base: string, rest: string): string {
  return base.endsWith('/') ? `${base}${rest.replace(/^\//, '')}` : `${base}${rest}`
}

/**
 * The URL a redirect sends a visitor to: on a shared local address (`/s/<code>` prefix) the
 * target site's local address, else the target site's first domain (or its local address).
 */
export function redirectLocation(target: RedirectTarget, options: { local: boolean; scheme: string; query?: string }): string {
  const base = siteBase(target.site, options)
  return `${base}${target.path}${options.query ? `?${options.query}` : ''}`
}

export async function loadRedirectTable(payload: Payload): Promise<RedirectTable> {
  if (!payload.collections['redirects']) return new RedirectTable([], [])
  const [sites, redirects] = await Promise.all([
    payload.find({ collection: 'sites', depth: 0, pagination: false, overrideAccess: true, select: { code: true, domains: true, status: true } }),
    payload.find({ collection: 'redirects', depth: 0, pagination: false, overrideAccess: true }),
  ])
  const siteRecords = (sites.docs as unknown as Array<Record<string, unknown>>).map<RedirectSite>((doc) => ({
    id: doc.id as Id,
    code: String(doc.code ?? ''),
    domains: ((doc.domains as Array<{ domain?: string }> | undefined) ?? [])
      .map((d) =>
        String(d.domain ?? '')
          .trim()
          .toLowerCase(),
      )
      .filter(Boolean),
    status: String(doc.status ?? ''),
  }))
  const rules = (redirects.docs as unknown as Array<Record<string, unknown>>)
    .map<RedirectRule | null>((doc) => {
      const siteId = relationId(doc.site)
      const toSiteId = relationId(doc.toSite)
      if (siteId === null || toSiteId === null) return null
      return {
        id: doc.id as Id,
        siteId,
        fromPath: String(doc.fromPath),
        match: doc.match === 'exact' ? 'exact' : 'prefix',
        toSiteId,
        toPath: String(doc.toPath),
        statusCode: Number(doc.statusCode ?? 301),
      }
    })
    .filter((rule): rule is RedirectRule => rule !== null)
  return new RedirectTable(siteRecords, rules)
}
