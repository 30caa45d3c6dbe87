// A small Express app with the search router, the way src/server.ts mounts it (at "/s/:site" and "/").
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { createSearchRouter, type SearchEngine, type SearchRouterOptions } from '../../src/search/index'
import { standalonePublicPages } from '../../src/sites/index'

export interface SearchServer {
  url: string
  close(): Promise<void>
}

export async function startSearchServer(payload: Payload, engine: SearchEngine, options: Partial<SearchRouterOptions> = {}): Promise<SearchServer> {
  const app = express()
  // The server hands the search its sites' pages; here the standalone copy (themes from disk).
  const router = createSearchRouter({ payload, engine, rateLimit: false, pages: standalonePublicPages(payload), ...options })
  app.use('/s/:site', router)
  app.use('/', router)
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** GET with an explicit Host header (fetch does not let a caller choose it). */
export function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}
