import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { freshDatabaseUri } from '../helpers/database'
import { createPublicSites, type PublicSites } from '../../src/sites/index'

/** Boots Payload on a fresh copy of the seeded Yulin test template (tests/global-setup.ts). */
export async function bootSitesPayload(label: string): Promise<Payload> {
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.MEDIA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'sitegroup-media-'))
  process.env.DATABASE_URI = await freshDatabaseUri(label, { seeded: true })
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
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
