/**
 * Wires the pieces together: site index, renderer, page cache, lean handler, invalidation,
 * page-view counting, and the request handler Express mounts.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CollectionSlug, Payload } from 'payload'
import { columnRss, robotsTxt, sitemapXml, type TextDocument } from './feeds'
import { ContentWatcher, onContentChange, PUBLIC_PAGE_COLLECTIONS, type ContentChange } from './invalidation'
import { cacheKey, createLeanHandler, type LeanHandler } from './lean-handler'
import { buildResponse, PageCache, sendResponse, type CachedResponse } from './page-cache'
import { DataCache } from './data-cache'
import {
  articlePage,
  BadRequest,
  cataloguePage,
  columnPage,
  guidePage,
  guidesPage,
  homePage,
  messagePage,
  PageNotFound,
  siteGroups,
  sitemapPage,
  siteStyleSheet,
  styleHash,
  siteView,
  type Page,
  type PageDeps,
} from './pages'
import { PageViewCounter } from './page-views'
import { loadRedirectTable, redirectLocation, type RedirectTable } from './redirects'
import { createPreviewToken, PreviewTokenError, verifyPreviewToken } from './preview'
import { latestDraft, idOf } from './queries'
import { articleById } from './list-reads'
import { createRenderer, type Renderer } from './render'
import { parsePage, parseRoute } from './routes'
import { sitesConfig, type DeepPartial, type SitesConfig } from './settings'
import { ancestry, firstColumnOfCategory, loadSiteIndex, normalizeHost, type Id, type SiteIndex, type SiteRecord } from './site-index'
import { tags } from './tags'
import { placementTargets } from '../sharing'
import { unitHomeUrl } from './units'
import { loadThemes } from './themes'
import { createPublicPages, groupSite, requestOrigin, type PublicPages } from './public-pages'
import { siteScopeOrigin, type Scope } from './urls'
import { isReservedPath, localPrefix, parseLocalPath, parseSiteStylePath, PREVIEW_ROOT, previewPath, sitePaths } from './addresses'
import type { PageContext } from './view-models'

export interface Logger {
  error: (obj: unknown, msg?: string) => void
  warn?: (obj: unknown, msg?: string) => void
}

export interface PublicSitesOptions {
  payload: Payload
  config?: DeepPartial<SitesConfig>
  logger?: Logger
  /** Start the invalidation poller and page-view flusher (default true; tests may drive them by hand). */
  background?: boolean
}

export type RequestHandler = (req: IncomingMessage & { path?: string }, res: ServerResponse, next: (error?: unknown) => void) => void

export interface PublicSites {
  /** Express-compatible `(req, res, next)` middleware: mount last (after search, letters, admin). */
  handler: RequestHandler
  /** Put in front of Express in node's http server: answers cache hits and theme assets, false otherwise. */
  leanHandler: LeanHandler
  cache: PageCache
  /** List reads below the page cache, invalidated with it (data-cache.ts). */
  data: DataCache
  pageViews: PageViewCounter
  watcher: ContentWatcher
  renderer: Renderer
  config: SitesConfig
  /** The site resolver and the theme's pages for other capabilities (letters, ratings, search), on the live index. */
  pages: PublicPages
  /** `/_preview/<token>` path for an editor to see a draft article in its theme. */
  previewPath(articleId: number | string): string
  /** Applies content changes (normally from hooks and the poller). */
  applyChanges(changes: ContentChange[]): Promise<void>
  reloadIndex(): Promise<SiteIndex>
  /** Where an organization's public home is (own site home or its column subtree's landing page), from the live index. */
  unitHomeUrl(organizationId: number | string, options?: { local?: boolean }): string | undefined
  close(): Promise<void>
}

export async function createPublicSites(options: PublicSitesOptions): Promise<PublicSites> {
  const { payload } = options
  const config = sitesConfig(options.config ?? {})
  const logger: Logger = options.logger ?? { error: (obj, msg) => console.error(msg ?? '', obj) }
  const themes = loadThemes(config.themesDir, config.baseTheme, { compiled: config.compiledTemplates })
  const renderer = createRenderer(themes, config.fallbackTheme)
  const cache = new PageCache(config.cache.maxBytes)
  const pageViews = new PageViewCounter(payload, { ...config.pageViews, onError: (e) => logger.error(e, 'page-view flush failed') })
  const data = new DataCache({
    enabled: config.dataCache.enabled,
    maxEntries: config.dataCache.maxEntries,
    maxBytes: config.dataCache.maxBytes,
    ttlSeconds: config.cache.ttlSeconds,
  })
  const deps: PageDeps = { payload, config, pageViews, data }
  const secret = payload.secret
  // The list holds plain strings (the plugin matches collection configs by them); each is a generated slug.
  const watched = PUBLIC_PAGE_COLLECTIONS.filter((slug) => payload.collections[slug as CollectionSlug])

  let index = await loadSiteIndex(payload)
  // Old addresses of moved units (src/hosting): reloaded with the index, so a switch takes effect at once.
  let redirects: RedirectTable = await loadRedirectTable(payload)
  let indexReload: Promise<SiteIndex> | undefined
  const reloadIndex = () =>
    (indexReload ??= Promise.all([loadSiteIndex(payload), loadRedirectTable(payload)])
      .then(([fresh, table]) => ((index = fresh), (redirects = table), fresh))
      .finally(() => (indexReload = undefined)))

  const applyChanges = async (changes: ContentChange[]) => {
    const invalid = new Set<string>()
    let reload = false
    let clearAll = false
    let clearData = false
    // A column showing another site's article by reference (信息报送/统一推送) changes with that article.
    const invalidateColumn = (columnId: unknown, siteId: unknown) => {
      const column = index.columnsById.get(String(idOf(columnId)))
      if (column) for (const c of ancestry(index, column)) invalid.add(tags.column(c.id))
      const site = idOf(siteId) ?? column?.siteId
      if (site !== null && site !== undefined) invalid.add(tags.home(site))
    }
    // A change's `doc` is an untyped record (hook documents and polled rows alike); its `id` is a document id.
    const changedArticles = changes.filter((c) => c.collection === 'articles' && c.doc.id !== undefined).map((c) => c.doc.id as Id)
    for (const target of await placementTargets(payload, changedArticles)) invalidateColumn(target.column, target.site)
    for (const change of changes) {
      const { collection, doc } = change
      if (change.unknownDeletion && (collection === 'articles' || collection === 'service-guides')) clearAll = true
      if (collection === 'articles') {
        for (const version of [doc, change.previous]) {
          if (!version) continue
          invalid.add(tags.article(version.id as Id))
          const column = index.columnsById.get(String(idOf(version.column)))
          if (column) for (const c of ancestry(index, column)) invalid.add(tags.column(c.id))
          const site = idOf(version.site) ?? column?.siteId
          if (site !== null && site !== undefined) invalid.add(tags.catalogue(site)).add(tags.home(site))
        }
      } else if (collection === 'placements') {
        if (change.unknownDeletion) clearAll = true
        for (const version of [doc, change.previous]) if (version) invalidateColumn(version.targetColumn, version.targetSite)
      } else if (collection === 'service-guides') {
        invalid.add(tags.guides).add(tags.guide(doc.id as Id))
      } else if (collection === 'columns' || collection === 'sites') {
        reload = true
        const site = collection === 'sites' ? (doc.id as Id | undefined) : idOf(doc.site)
        if (site !== undefined && site !== null) invalid.add(tags.site(site))
        if (collection === 'sites' || change.deleted) invalid.add(tags.group)
        if (change.unknownDeletion) clearAll = true
      } else if (collection === 'redirects') {
        reload = true
      } else if (collection === 'organizations') {
        reload = true
        clearAll = true // names appear in footers, publishers and guide catalogues of many sites
      } else if (collection === 'media') {
        if (doc.id !== undefined) invalid.add(tags.media(doc.id as Id))
        else if (change.unknownDeletion) clearData = true // cached list reads hold media documents; pages do not
        const logoOf = index.sites.filter((s) => String(s.settings.logoId) === String(doc.id))
        if (logoOf.length) reload = true
        for (const s of logoOf) invalid.add(tags.site(s.id))
      }
    }
    if (reload) await reloadIndex()
    if (clearAll) {
      cache.clear()
      data.clear()
    } else if (invalid.size) {
      cache.invalidate(invalid)
      data.invalidate(invalid)
    }
    if (clearData && !clearAll) data.clear()
  }

  // After close() the database may be gone (tests destroy Payload): the delayed re-invalidation is skipped.
  let closed = false
  const onLocalChanges = (changes: ContentChange[]) => {
    void applyChanges(changes).catch((e) => logger.error(e, 'cache invalidation failed'))
    // Hooks run before the writer's transaction commits; invalidate again once it has.
    setTimeout(() => closed || void applyChanges(changes).catch((e) => logger.error(e, 'cache invalidation failed')), 250).unref()
  }
  // This process's own writes, from the hooks the sites plugin declared (plugin.ts).
  const stopLocalChanges = onContentChange(payload, onLocalChanges)
  const watcher = new ContentWatcher(payload, {
    pollIntervalMs: config.cache.pollIntervalMs,
    collections: watched,
    onChanges: applyChanges,
    onError: (e) => logger.error(e, 'invalidation poll failed'),
  })
  if (options.background !== false) {
    await watcher.start()
    pageViews.start()
  }

  const leanHandler = createLeanHandler({
    cache,
    themes,
    securityHeaders: config.securityHeaders,
    onView: (view) => view && pageViews.record(view),
    enabled: () => config.cache.enabled,
  })

  const localHosts = new Set(config.localHosts)

  /** Splits a request into its site and the site-relative path. */
  function locate(req: IncomingMessage): { site?: SiteRecord; code?: string; prefix: string; path: string; host: string; local: boolean } {
    const url = req.url ?? '/'
    const path = url.split('?')[0]
    const host = normalizeHost(String(req.headers.host ?? ''))
    const local = localHosts.has(host)
    const onLocal = parseLocalPath(path)
    if (onLocal) return { site: index.byCode.get(onLocal.code), code: onLocal.code, prefix: localPrefix(onLocal.code), path: onLocal.rest, host, local }
    return { site: index.byDomain.get(host), prefix: '', path, host, local }
  }

  function scopeFor(req: IncomingMessage, site: SiteRecord, prefix: string, path: string): Scope {
    const origin = requestOrigin(req)
    return {
      index,
      site,
      prefix,
      path,
      requestOrigin: origin,
      canonicalOrigin: siteScopeOrigin(site, origin, config.canonicalScheme),
      query: new URLSearchParams((req.url ?? '').split('?')[1] ?? ''),
    }
  }

  /** The group as a pseudo-site, for the directory and unknown-host pages. */
  function groupScope(req: IncomingMessage): Scope {
    const site = groupSite(index, config.directoryTheme)
    return { ...scopeFor(req, site, site.code ? localPrefix(site.code) : '', '/'), canonicalOrigin: requestOrigin(req) }
  }

  function render(page: Page): CachedResponse {
    return buildResponse(
      renderer.render(page.context),
      {
        status: page.status,
        contentType: 'text/html; charset=utf-8',
        tags: page.tags,
        ttlSeconds: config.cache.ttlSeconds,
        view: page.view,
        headers: config.securityHeaders,
      },
      config.cache,
    )
  }

  function textResponse(doc: TextDocument, cacheControl?: string): CachedResponse {
    return buildResponse(
      doc.body,
      { contentType: doc.contentType, tags: doc.tags, ttlSeconds: config.cache.ttlSeconds, cacheControl, headers: { 'X-Content-Type-Options': 'nosniff' } },
      config.cache,
    )
  }

  function redirect(res: ServerResponse, location: string, status = 301) {
    res.writeHead(status, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' })
    res.end(`Moved to ${location}`)
  }

  async function pageFor(req: IncomingMessage, scope: Scope): Promise<CachedResponse | { redirect: string }> {
    const route = parseRoute(scope.path || '/')
    const site = scope.site
    const page = () => {
      const parsed = parsePage(scope.query.get('page'))
      if (parsed instanceof Error) throw new BadRequest(parsed.message)
      return parsed
    }
    switch (route.kind) {
      case 'home':
        if (scope.path === '') return { redirect: `${scope.prefix}${sitePaths.home}` }
        return render(await homePage(deps, scope))
      case 'redirect':
        return { redirect: `${scope.prefix}${route.to}` }
      case 'sitemap-html':
        return render(sitemapPage(scope))
      case 'sitemap-xml':
        return textResponse(await sitemapXml(payload, config, scope))
      case 'robots':
        return textResponse(robotsTxt(scope))
      case 'rss': {
        const column = site.columnsByPath.get(route.path)
        if (!column) throw new PageNotFound(route.path)
        return textResponse(await columnRss(payload, config, scope, column))
      }
      case 'column': {
        const column = site.columnsByPath.get(route.path)
        if (column?.category === 'services') return render(await guidesPage(deps, scope, column))
        if (column && config.catalogueCategories.includes(column.category) && column.category === 'disclosure')
          return render(await cataloguePage(deps, scope, column, page()))
        if (column) return render(await columnPage(deps, scope, column, page()))
        if (route.path === config.cataloguePath) return render(await cataloguePage(deps, scope, firstColumnOfCategory(site, 'disclosure'), page()))
        if (route.path === config.guidesPath) return render(await guidesPage(deps, scope, firstColumnOfCategory(site, 'services')))
        throw new PageNotFound(route.path)
      }
      case 'article': {
        const column = site.columnsByPath.get(route.path)
        if (!column) throw new PageNotFound(route.path)
        const doc = await articleById(deps, route.id)
        const actual = doc && index.columnsById.get(String(idOf(doc.column)))
        if (!doc || !actual || String(actual.siteId) !== String(site.id)) throw new PageNotFound(`article ${route.id}`)
        if (String(actual.id) !== String(column.id)) return { redirect: `${scope.prefix}${sitePaths.article(actual.path, doc.id)}` }
        return render(await articlePage(deps, scope, column, doc))
      }
      case 'guide': {
        const column = site.columnsByPath.get(route.path)
        if (!column && route.path !== config.guidesPath) throw new PageNotFound(route.path)
        return render(await guidePage(deps, scope, column, route.id))
      }
      default:
        throw new PageNotFound(scope.path)
    }
  }

  const cacheable = (req: IncomingMessage) => {
    if (!config.cache.enabled || req.headers.cookie?.includes('payload-token=')) return false
    const query = (req.url ?? '').split('?')[1]
    if (!query) return true
    return [...new URLSearchParams(query).keys()].every((key) => config.cacheableQueryParams.includes(key))
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    if (leanHandler(req, res)) return
    const url = req.url ?? '/'
    const path = url.split('?')[0]
    if (path.startsWith('/_site/')) return serveSiteStyle(req, res, path)
    if (path.startsWith(PREVIEW_ROOT)) return servePreview(req, res, decodeURIComponent(path.slice(PREVIEW_ROOT.length)))
    const located = locate(req)
    // An archived site answers every address with where it moved, before anything else.
    if (!located.site) {
      const moved = movedTo(req, located)
      if (moved) return redirect(res, moved)
    }
    if (isReservedPath(located.path)) return next()
    const startedAt = cache.begin()
    let scope: Scope | undefined
    try {
      if (!located.site) {
        if (located.prefix)
          return sendResponse(req, res, render(unknownSitePage(req, `未找到代号为“${located.code}”的网站`, '请检查网址，或从下列网站中选择。')))
        if (located.local && (path === '/' || path === '')) {
          const entry = render(directoryPage(req))
          if (cacheable(req)) cache.set(cacheKey(req.headers.host, url), entry, startedAt)
          return sendResponse(req, res, entry)
        }
        if (located.local) return sendResponse(req, res, render(unknownSitePage(req, '页面不存在', '本地地址只提供网站目录；各网站位于 /s/<网站代号>/。')))
        return sendResponse(req, res, render(unknownSitePage(req, '未找到该网站', '此域名没有对应的政府网站，或该网站已暂停服务。', located.host)))
      }
      scope = scopeFor(req, located.site, located.prefix, located.path)
      const result = await pageFor(req, scope)
      if ('redirect' in result) return redirect(res, result.redirect)
      if (cacheable(req) && result.status === 200) cache.set(cacheKey(req.headers.host, url), result, startedAt)
      sendResponse(req, res, result)
      if (result.view && req.method === 'GET') pageViews.record(result.view)
    } catch (error) {
      const moved = error instanceof PageNotFound && scope ? movedTo(req, located) : undefined
      if (moved) return redirect(res, moved)
      if (error instanceof PageNotFound && scope) return sendResponse(req, res, render(messagePage(scope, 'not-found', 404)))
      if (error instanceof BadRequest && scope) return sendResponse(req, res, render(messagePage(scope, 'error', 400, '请求参数有误', error.message)))
      const requestId = randomUUID()
      logger.error({ err: error, requestId, url }, 'public page failed')
      try {
        const fallback = scope ?? groupScope(req)
        sendResponse(req, res, render(messagePage(fallback, 'error', 500, undefined, '页面暂时无法显示，请稍后再试。', requestId)))
      } catch (renderError) {
        logger.error({ err: renderError, requestId }, 'error page failed')
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(`服务暂时不可用 / Service unavailable (${requestId})`)
      }
    }
  }

  /** The new address of a page that moved away (a redirect left by a mode switch), if any. */
  function movedTo(req: IncomingMessage, located: ReturnType<typeof locate>): string | undefined {
    const site = located.site ?? (located.code ? redirects.sitesByCode.get(located.code) : redirects.sitesByDomain.get(located.host))
    if (!site) return undefined
    const target = redirects.lookup(site.id, located.path || '/')
    const query = (req.url ?? '').split('?')[1]
    return target && redirectLocation(target, { local: Boolean(located.prefix) || located.local, scheme: config.canonicalScheme, query })
  }

  function directoryPage(req: IncomingMessage): Page {
    const scope = groupScope(req)
    const context: PageContext = {
      site: { ...siteView(scope), navigation: [] },
      page: {
        type: 'directory',
        title: `${index.groupName} · 网站目录`,
        description: `${index.groupName}所有网站`,
        canonicalUrl: `${requestOrigin(req)}/`,
        ogType: 'website',
        breadcrumbs: [],
        searchHref: `${scope.prefix}${sitePaths.search}`,
        errorReportHref: `${scope.prefix}${sitePaths.errorReport}`,
      },
      directory: siteGroups(index, config, true),
    }
    return { context, status: 200, tags: [tags.group] }
  }

  function unknownSitePage(req: IncomingMessage, heading: string, text: string, host?: string): Page {
    const scope = groupScope(req)
    const context: PageContext = {
      site: { ...siteView(scope), navigation: [] },
      page: {
        type: 'unknown-host',
        title: heading,
        description: heading,
        canonicalUrl: `${requestOrigin(req)}/`,
        ogType: 'website',
        breadcrumbs: [],
        searchHref: `${scope.prefix}${sitePaths.search}`,
        errorReportHref: `${scope.prefix}${sitePaths.errorReport}`,
        robots: 'noindex',
      },
      message: { heading, text, host },
      directory: siteGroups(index, config, true),
    }
    return { context, status: 404, tags: [] }
  }

  function serveSiteStyle(req: IncomingMessage, res: ServerResponse, path: string) {
    const style = parseSiteStylePath(path)
    const site = style ? index.byCode.get(style.code) : undefined
    if (!site || styleHash(site) !== style!.hash) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end('Not found / 文件不存在')
    }
    const startedAt = cache.begin()
    const entry = textResponse(
      { body: siteStyleSheet(site), contentType: 'text/css; charset=utf-8', tags: [tags.site(site.id)] },
      'public, max-age=31536000, immutable',
    )
    cache.set(cacheKey(req.headers.host, req.url ?? path), entry, startedAt)
    sendResponse(req, res, entry)
  }

  async function servePreview(req: IncomingMessage, res: ServerResponse, token: string) {
    const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', ...config.securityHeaders }
    try {
      const id = verifyPreviewToken(secret, token)
      const doc = await latestDraft(payload, id)
      const column = doc && index.columnsById.get(String(idOf(doc.column)))
      const site = column && index.byId.get(String(column.siteId))
      if (!doc || !column || !site) throw new PreviewTokenError('the previewed article no longer exists')
      const scope = scopeFor(req, site, localPrefix(site.code), sitePaths.article(column.path, doc.id))
      const html = renderer.render((await articlePage(deps, scope, column, doc, true)).context)
      res.writeHead(200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : html)
    } catch (error) {
      if (!(error instanceof PreviewTokenError)) logger.error(error, 'preview failed')
      const page = unknownSitePage(
        req,
        '预览链接无效',
        error instanceof PreviewTokenError ? `${error.message}。请回到管理后台重新生成预览链接。` : '预览暂时无法显示。',
      )
      const html = renderer.render(page.context)
      res.writeHead(error instanceof PreviewTokenError ? 403 : 500, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' })
      res.end(html)
    }
  }

  return {
    handler: (req, res, next) => void handle(req, res, next).catch(next),
    leanHandler,
    cache,
    data,
    pageViews,
    watcher,
    renderer,
    config,
    pages: createPublicPages({ index: async () => index, renderer: () => renderer, config }),
    previewPath: (articleId) => previewPath(createPreviewToken(secret, articleId, config.previewTokenTtlSeconds)),
    applyChanges,
    reloadIndex,
    unitHomeUrl: (organizationId, options = {}) => unitHomeUrl(index, organizationId, { scheme: config.canonicalScheme, ...options }),
    async close() {
      closed = true
      stopLocalChanges()
      watcher.stop()
      await pageViews.stop()
    },
  }
}
