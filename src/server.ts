/**
 * The Express entry. Public sites and public APIs are served here; /admin, /api and /_next go to
 * Next's request handler, which hosts Payload's admin and REST/GraphQL. Cache hits of public pages
 * are answered in front of Express (see src/sites) so they skip its middleware stack.
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express, { type Express } from 'express'
import next from 'next'
import { getPayload, type Payload } from 'payload'
import config from '@payload-config'
import { refuseMalformedRestIds } from './access'
import { forwardClientAddress } from './accounts'
import { databaseKind } from './db/adapter'
import { createInteractionRouter } from './interaction'
import { logger } from './lib/logger'
import { createSearchEngine, createSearchRouter, SearchQueryLog, type SearchEngine } from './search'
import { createSecurity, type Security } from './security'
import { createPublicSites, LOCAL_SITE_MOUNT, NEXT_HANDOFF_ROUTES, type PublicSites } from './sites'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export type StartedServer = { server: http.Server; payload: Payload; url: string; close: () => Promise<void> }

export async function health(payload: Payload) {
  const started = Date.now()
  try {
    await payload.count({ collection: 'sites', overrideAccess: true })
    return {
      ok: true,
      body: { status: 'ok', database: { kind: databaseKind(), ok: true, latencyMs: Date.now() - started }, uptimeSeconds: Math.round(process.uptime()) },
    }
  } catch (error) {
    return { ok: false, body: { status: 'error', database: { kind: databaseKind(), ok: false, error: (error as Error).message } } }
  }
}

export type AppParts = {
  payload: Payload
  nextHandler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>
  sites: PublicSites
  search: { engine: SearchEngine; queryLog: SearchQueryLog }
  /** Headers, CSRF, rate and size limits (src/security); built from Payload's secret when omitted. */
  security?: Security
}

/** The security settings of this server: every public page is styled by its theme's files, so no inline style is allowed. */
export function serverSecurity(payload: Payload, dev = false): Security {
  return createSecurity({ secret: payload.secret, dev })
}

/** Routes in the order they must match: health, admin and API, public capabilities, then the sites. */
export async function createApp({ payload, nextHandler, sites, search, security = serverSecurity(payload) }: AppParts): Promise<Express> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(forwardClientAddress) // the audit log's "from where", resolved once with the trust-proxy setting (src/accounts)
  app.get('/healthz', async (_req, res) => {
    const result = await health(payload)
    res.status(result.ok ? 200 : 503).json(result.body)
  })
  // Search, letters, ratings and error reports are pages of the site's theme (src/sites resolves the site).
  const { pages } = sites

  // Search (/search and /api/search) answers before Next takes the rest of /api.
  const searchRouter = createSearchRouter({ payload, engine: search.engine, queryLog: search.queryLog, pages })
  app.use(LOCAL_SITE_MOUNT, searchRouter)
  app.use(searchRouter)

  // Login and API rate limits, request size limits, in front of Next's /api.
  security.guardApi(app)
  app.use('/api', refuseMalformedRestIds(payload))
  const toNext: express.RequestHandler = (req, res) => void nextHandler(req, res)
  app.all([...NEXT_HANDOFF_ROUTES], toNext)

  // Letters, ratings and error reports, on every site (by host or /s/<code>/), inside the site's theme.
  // Every public POST carries a CSRF token and comes from a page of the same host.
  const formGuard = security.formGuard((req, page) => pages.layout(req, page))
  app.use(formGuard.verify)
  const interaction = createInteractionRouter({ payload, pages, protectForms: formGuard.protectForms })
  app.use(LOCAL_SITE_MOUNT, interaction)
  app.use(interaction)

  app.use(sites.handler)
  return app
}

export async function startServer(options: { port?: number; dev?: boolean } = {}): Promise<StartedServer> {
  const port = options.port ?? Number(process.env.PORT || 3000)
  const dev = options.dev ?? process.env.NODE_ENV !== 'production'
  const payload = await getPayload({ config })
  const nextApp = next({ dev, dir: root, hostname: 'localhost', port })
  const nextHandler = nextApp.getRequestHandler()
  await nextApp.prepare()
  const security = serverSecurity(payload, dev)
  // Cached pages carry the security module's public headers, so cache hits answer with the same CSP.
  const sites = await createPublicSites({ payload, logger, config: { securityHeaders: security.headers.forArea('public') } })
  const search = { engine: createSearchEngine(process.env), queryLog: new SearchQueryLog(payload) }
  const app = await createApp({ payload, nextHandler, sites, search, security })
  // Security headers, traversal refusal and the page rate limit first; then cache hits and theme
  // assets are answered before Express (~18 µs against ~110 µs a request).
  const server = http.createServer(security.frontDoor({ lean: sites.leanHandler, app }))
  if (dev) {
    const upgrade = nextApp.getUpgradeHandler()
    server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head))
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, () => resolve())
  })
  const url = `http://localhost:${(server.address() as { port: number }).port}`
  logger.info({ url, dev }, 'SiteGroup server listening')
  return {
    server,
    payload,
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await sites.close()
      await search.queryLog.close()
      await search.engine.close()
      await nextApp.close?.()
    },
  }
}
