/**
 * Which site a request is for: the `site` code in the path (/s/<code>/…), form or query, else the
 * Host header, else the portal. Sites change rarely, so they are held for 30 s.
 */
import type { Request } from 'express'
import type { Payload } from 'payload'
import type { SiteRef } from './page-layout'
import { relationIdOf } from './letter-service'

interface SiteTable {
  byCode: Map<string, SiteRef>
  byDomain: Map<string, SiteRef>
  byId: Map<string, SiteRef>
  portal: SiteRef | null
  loadedAt: number
}

export interface SiteResolver {
  forRequest(req: Request): Promise<SiteRef | null>
  portal(): Promise<SiteRef | null>
  forUrl(url: string): Promise<SiteRef | null>
  byId(id: unknown): Promise<SiteRef | null>
}

const TTL_MS = 30_000

export function siteResolver(payload: Payload): SiteResolver {
  let table: SiteTable | null = null
  let loading: Promise<SiteTable> | null = null

  async function load(): Promise<SiteTable> {
    if (table && Date.now() - table.loadedAt < TTL_MS) return table
    loading ??= (async () => {
      const [{ docs }, group] = await Promise.all([
        payload.find({ collection: 'sites', where: { status: { equals: 'active' } }, pagination: false, depth: 0, overrideAccess: true }),
        payload.findGlobal({ slug: 'group-settings' as never, depth: 0, overrideAccess: true }).catch(() => null),
      ])
      const next: SiteTable = { byCode: new Map(), byDomain: new Map(), byId: new Map(), portal: null, loadedAt: Date.now() }
      for (const doc of docs as Record<string, any>[]) {
        const site: SiteRef = { id: doc.id, code: doc.code, name: doc.name, organizationId: relationIdOf(doc.organization), pathPrefix: `/s/${doc.code}` }
        next.byCode.set(site.code, site)
        next.byId.set(String(site.id), site)
        for (const d of doc.domains ?? []) if (d?.domain) next.byDomain.set(String(d.domain).toLowerCase(), site)
      }
      const portalId = relationIdOf((group as Record<string, unknown> | null)?.portalSite)
      next.portal = portalId != null ? (next.byId.get(String(portalId)) ?? null) : null
      table = next
      return next
    })().finally(() => {
      loading = null
    })
    return loading
  }

  const codeOf = (value: unknown) => (typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(value) ? value : null)

  return {
    async forRequest(req) {
      const t = await load()
      const code = codeOf(req.params?.site) ?? codeOf((req.body as Record<string, unknown> | undefined)?.site) ?? codeOf(req.query?.site)
      if (code) return t.byCode.get(code) ?? null
      const host = (req.hostname ?? '').toLowerCase()
      return t.byDomain.get(host) ?? t.portal
    },
    async portal() {
      return (await load()).portal
    },
    async forUrl(url) {
      const t = await load()
      try {
        const parsed = new URL(url)
        const local = /^\/s\/([a-z0-9-]+)/.exec(parsed.pathname)
        if (local) return t.byCode.get(local[1]) ?? null
        return t.byDomain.get(parsed.hostname.toLowerCase()) ?? null
      } catch {
        return null
      }
    },
    async byId(id) {
      return id == null ? null : ((await load()).byId.get(String(id)) ?? null)
    },
  }
}
