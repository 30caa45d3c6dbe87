/**
 * The one site resolver and the one layout for the public pages other capabilities serve
 * (letters, ratings, error reports, search): each page is a template of the site's theme fed
 * with a view model, so a theme restyles them like its own pages and a fix is made once.
 */
import type { IncomingMessage } from 'node:http'
import type { Payload } from 'payload'
import { isSiteCode, localPrefix, parseLocalPath } from './addresses'
import { meta, siteView } from './pages'
import { createRenderer, type Renderer } from './render'
import { sitesConfig, type DeepPartial, type SitesConfig } from './settings'
import { loadSiteIndex, normalizeHost, type Id, type SiteIndex, type SiteRecord } from './site-index'
import { loadThemes } from './themes'
import { siteScopeOrigin, type Scope } from './urls'
import type { CapabilityPageType, PageContext } from './view-models'

/** What other capabilities need to know about a site. */
export interface SiteRef {
  id: Id
  code: string
  name: string
  organizationId: Id | null
}

export interface SiteResolver {
  /** The `site` code in the path (/s/<code>/…), form or query, else the Host's site, else the portal. */
  forRequest(req: IncomingMessage): Promise<SiteRef | null>
  portal(): Promise<SiteRef | null>
  /** The site a public address belongs to (an error report's page URL). */
  forUrl(url: string): Promise<SiteRef | null>
  byId(id: unknown): Promise<SiteRef | null>
}

export interface CapabilityPage {
  /** null: the group's page, in the directory (portal) theme. */
  site: SiteRef | null
  type: CapabilityPageType
  title: string
  /** Plain data, available to the template as `view`. */
  view: object
}

export interface PublicPages {
  sites: SiteResolver
  render(req: IncomingMessage, page: CapabilityPage): Promise<string>
  /** Safe HTML made where a template cannot be used (src/security's refusal page), in the request's site theme. */
  layout(req: IncomingMessage, page: { title: string; mainHtml: string }): Promise<string>
}

type ExpressLike = IncomingMessage & {
  params?: Record<string, unknown>
  body?: unknown
  query?: Record<string, unknown>
  hostname?: string
  originalUrl?: string
}

const codeOf = (value: unknown) => (isSiteCode(value) ? value : null)
const refOf = (site: SiteRecord | undefined): SiteRef | null =>
  site ? { id: site.id, code: site.code, name: site.name, organizationId: site.organizationId } : null

/** The group as a pseudo-site on the portal's record, for pages that belong to no site. */
export function groupSite(index: SiteIndex, theme: string): SiteRecord {
  const portal = index.portalSiteId !== null ? index.byId.get(String(index.portalSiteId)) : undefined
  const none = {
    id: 0,
    code: '',
    domains: [],
    identificationCode: '',
    organizationId: null,
    status: 'active',
    updatedAt: '',
    settings: { logoId: null, primaryColor: '', accentColor: '', navigationIds: [], footer: {} },
  }
  return { ...(portal ?? (none as unknown as SiteRecord)), name: index.groupName, theme, columns: [], columnsById: new Map(), columnsByPath: new Map() }
}

export function requestOrigin(req: IncomingMessage): string {
  const proto =
    (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0]?.trim() || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http')
  return `${proto === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`
}

export function createPublicPages(options: { index: () => Promise<SiteIndex>; renderer: () => Renderer; config: SitesConfig }): PublicPages {
  const { index, config } = options
  const portalOf = (t: SiteIndex) => (t.portalSiteId !== null ? t.byId.get(String(t.portalSiteId)) : undefined)

  const sites: SiteResolver = {
    async forRequest(request) {
      const req = request as ExpressLike
      const t = await index()
      const inPath = parseLocalPath((req.originalUrl ?? req.url ?? '').split('?')[0]!)?.code
      const code = codeOf(req.params?.site) ?? codeOf(inPath) ?? codeOf((req.body as Record<string, unknown> | undefined)?.site) ?? codeOf(req.query?.site)
      if (code) return refOf(t.byCode.get(code))
      return refOf(t.byDomain.get(normalizeHost(req.hostname ?? req.headers.host ?? '')) ?? portalOf(t))
    },
    portal: async () => refOf(portalOf(await index())),
    async forUrl(url) {
      const t = await index()
      try {
        const parsed = new URL(url)
        const local = parseLocalPath(parsed.pathname)
        return refOf(local ? t.byCode.get(local.code) : t.byDomain.get(normalizeHost(parsed.hostname)))
      } catch {
        return null
      }
    },
    byId: async (id) => (id == null ? null : refOf((await index()).byId.get(String(id)))),
  }

  /** Links keep the way the visitor came: the site's own domain, or /s/<code>/ on a shared address. */
  async function scopeOf(request: IncomingMessage, ref: SiteRef | null): Promise<{ scope: Scope; group: boolean }> {
    const req = request as ExpressLike
    const t = await index()
    const site = ref ? t.byId.get(String(ref.id)) : undefined
    const record = site ?? groupSite(t, config.directoryTheme)
    const url = req.originalUrl ?? req.url ?? '/'
    const path = url.split('?')[0]
    const viaPath = parseLocalPath(path)
    const onDomain = site && !viaPath && site.domains.includes(normalizeHost(req.headers.host ?? ''))
    const prefix = onDomain ? '' : record.code ? localPrefix(record.code) : ''
    const origin = requestOrigin(req)
    const scope: Scope = {
      index: t,
      site: record,
      prefix,
      path: viaPath ? viaPath.rest || '/' : path,
      requestOrigin: origin,
      canonicalOrigin: site ? siteScopeOrigin(site, origin, config.canonicalScheme) : origin,
      query: new URLSearchParams(url.split('?')[1] ?? ''),
    }
    return { scope, group: !site }
  }

  async function context(req: IncomingMessage, ref: SiteRef | null, type: PageContext['page']['type'], title: string): Promise<PageContext> {
    const { scope, group } = await scopeOf(req, ref)
    const siteContext = siteView(scope)
    return { site: group ? { ...siteContext, navigation: [] } : siteContext, page: meta(scope, type, title) }
  }

  return {
    sites,
    async render(req, page) {
      const base = await context(req, page.site, page.type, page.title)
      return options.renderer().render({ ...base, view: page.view })
    },
    async layout(req, page) {
      const base = await context(req, await sites.forRequest(req), 'generic', page.title)
      return options.renderer().render({ ...base, mainHtml: page.mainHtml })
    },
  }
}

/**
 * For a capability's router used without the public sites (its own tests, benches): themes read
 * from disk, the site index reloaded every 30 s because nothing tells this copy of changes.
 */
export function standalonePublicPages(payload: Payload, overrides: DeepPartial<SitesConfig> = {}): PublicPages {
  const config = sitesConfig(overrides)
  let renderer: Renderer | undefined
  let held: { index: SiteIndex; at: number } | undefined
  let loading: Promise<SiteIndex> | undefined
  const index = async () => {
    if (held && Date.now() - held.at < 30_000) return held.index
    // A stale index still renders the page (and what the visitor typed) while the database is away.
    loading ??= loadSiteIndex(payload)
      .then((fresh) => ((held = { index: fresh, at: Date.now() }), fresh))
      .catch((error) => held?.index ?? Promise.reject(error))
      .finally(() => (loading = undefined))
    return loading
  }
  return createPublicPages({
    index,
    config,
    renderer: () => (renderer ??= createRenderer(loadThemes(config.themesDir, config.baseTheme, { compiled: config.compiledTemplates }), config.fallbackTheme)),
  })
}
