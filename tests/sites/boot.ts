import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload, SanitizedConfig } from 'payload'
import { buildTemplateOnce, freshDatabaseUri } from '../helpers/database'
import { createPublicSites, type PublicSites } from '../../src/sites/index'

const TEMPLATE_ARTICLES = 1500

function registered(): boolean {
  const text = ['payload.config.ts', 'collections/index.ts'].map((f) => readFileSync(f, 'utf8')).join('\n')
  return /ServiceGuides/.test(text) && /PageViews/.test(text)
}

/** payload.config.ts's configuration plus service-guides and page-views, until the lead registers them. */
async function extendedConfig(): Promise<SanitizedConfig> {
  const { buildConfig } = await import('payload')
  const [{ lexicalEditor }, { default: sharp }, { collections }, { GroupSettings }, { databaseAdapter }, { i18n }, { ServiceGuides }, { PageViews }] =
    await Promise.all([
      import('@payloadcms/richtext-lexical'),
      import('sharp'),
      import('../../collections'),
      import('../../globals/group-settings'),
      import('../../src/db/adapter'),
      import('../../src/i18n'),
      import('../../collections/service-guides'),
      import('../../collections/page-views'),
    ])
  return buildConfig({
    admin: { user: 'users', avatar: 'default' },
    collections: [...collections.filter((c) => !c.slug.startsWith('payload-')), ServiceGuides, PageViews],
    globals: [GroupSettings],
    editor: lexicalEditor(),
    secret: process.env.PAYLOAD_SECRET!,
    db: databaseAdapter(),
    sharp,
    i18n,
    typescript: { autoGenerate: false },
    telemetry: false,
  })
}

function fingerprint(): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    if (!existsSync(p)) return
    if (statSync(p).isDirectory()) for (const entry of readdirSync(p).sort()) walk(path.join(p, entry))
    else hash.update(p).update(readFileSync(p))
  }
  ;['collections', 'globals', 'src/seed', 'src/access', 'src/db', 'tenants', 'payload.config.ts'].forEach(walk)
  return hash.digest('hex').slice(0, 16)
}

/**
 * A seeded Yulin database with this area's collections, built once per source fingerprint
 * (a schema push onto the shared template cannot add tables on SQLite). Builds under a
 * directory lock so parallel test files wait for one build.
 */
async function privateTemplate(): Promise<string> {
  const dir = path.resolve('data/test-sites')
  return buildTemplateOnce(path.join(dir, `yulin-${fingerprint()}.db`), async (building) => {
    process.env.DATABASE_URI = `file:${building}`
    ;(process.env as Record<string, string>).NODE_ENV = 'development'
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config: await extendedConfig(), key: 'sites-template' } as never)
    const { seedStructure, seedArticles, planPreset } = await import('../../src/seed')
    await seedStructure(payload, planPreset('yulin'))
    await seedArticles(payload, { count: TEMPLATE_ARTICLES, seed: 1 })
    await payload.destroy()
  })
}

/** Boots Payload on a fresh copy of a seeded Yulin database that includes service-guides and page-views. */
export async function bootSitesPayload(label: string): Promise<Payload> {
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.MEDIA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'sitegroup-media-'))
  const { getPayload } = await import('payload')
  if (registered()) {
    process.env.DATABASE_URI = await freshDatabaseUri(label, { seeded: true })
    const { default: config } = await import('@payload-config')
    return getPayload({ config })
  }
  const template = process.env.SITES_TEST_TEMPLATE || (await privateTemplate())
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sites-test-')), `${label}.db`)
  copyFileSync(template, file)
  process.env.DATABASE_URI = `file:${file}`
  return getPayload({ config: await extendedConfig(), key: `sites-${label}` } as never)
}

export interface TestServer {
  url: string
  port: number
  sites: PublicSites
  close: () => Promise<void>
}

/** Node http with the lean handler in front of Express, as src/server.ts mounts it. */
export async function startSitesServer(sites: PublicSites): Promise<TestServer> {
  const app = express()
  app.use(sites.handler)
  app.use((_req, res) => res.status(418).send('fell through to the next handler'))
  const server = http.createServer((req, res) => {
    if (!sites.leanHandler(req, res)) app(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, port, sites, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** GET with a chosen Host header (fetch cannot set Host). */
export function get(port: number, pathName: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'GET', headers: { host: 'localhost', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

export async function bootSites(label: string, config: Parameters<typeof createPublicSites>[0]['config'] = {}) {
  const payload = await bootSitesPayload(label)
  const sites = await createPublicSites({ payload, config, background: false, logger: { error: (obj, msg) => console.error(msg, obj) } })
  const server = await startSitesServer(sites)
  return { payload, sites, server }
}

/** A Lexical paragraph of plain text, and a body of such nodes: the shapes the sites tests publish. */
export const paragraph = (text: string) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', text, format: 0, version: 1 }] })
export const body = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })
