/**
 * The real server of src/server.ts — front door, lean cache path, Express with search,
 * interaction and the sites — on a seeded Yulin database. Next is replaced by the very
 * Payload route handlers the Next app exports (REST and GraphQL), so /api/* is Payload's own.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { bootPayload } from '../helpers/payload'

export interface SecurityServer {
  payload: Payload
  sites: import('../../src/sites').PublicSites
  base: string
  port: number
  close: () => Promise<void>
}

export async function bootSecurityServer(label: string, env: Record<string, string> = {}): Promise<SecurityServer> {
  Object.assign(process.env, env)
  const payload = await bootPayload(label, { seeded: true })
  const { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } = await import('@payloadcms/next/routes')
  const { default: config } = await import('@payload-config')
  const rest = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), PUT: REST_PUT(config), DELETE: REST_DELETE(config) } as Record<
    string,
    any
  >
  const graphql = GRAPHQL_POST(config)
  const nextHandler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as HeadersInit,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    })
    let response: Response
    if (url.pathname === '/api/graphql' && req.method === 'POST') response = await graphql(request)
    else if (url.pathname.startsWith('/api/') && rest[req.method ?? 'GET']) {
      const slug = url.pathname.slice('/api/'.length).split('/').map(decodeURIComponent)
      response = await rest[req.method ?? 'GET'](request, { params: Promise.resolve({ slug }) })
    } else response = new Response('<!doctype html><title>admin</title><p>Next stand-in</p>', { status: 200, headers: { 'content-type': 'text/html' } })
    // Next writes a Response's headers with setHeader, over what the front door set.
    for (const [name, value] of response.headers) res.setHeader(name, value)
    res.statusCode = response.status
    res.end(Buffer.from(await response.arrayBuffer()))
  }
  const { createPublicSites } = await import('../../src/sites')
  const { createApp, serverSecurity } = await import('../../src/server')
  const { createSearchEngine, SearchQueryLog } = await import('../../src/search')
  const security = serverSecurity(payload)
  const sites = await createPublicSites({
    payload,
    background: false,
    config: { securityHeaders: security.headers.forArea('public') },
    logger: { error: (obj, msg) => console.error(msg, obj) },
  })
  const search = { engine: createSearchEngine(process.env), queryLog: new SearchQueryLog(payload) }
  const app = await createApp({ payload, nextHandler, sites, search, security })
  const server = http.createServer(security.frontDoor({ lean: sites.leanHandler, app }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    payload,
    sites,
    port,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await sites.close()
      await search.queryLog.close()
      await search.engine.close()
      await payload.destroy()
    },
  }
}

export interface RawReply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A request with exactly the path and headers given (fetch normalises paths and forbids Host). */
export function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    // agent: false — one connection per request, so no reused keep-alive socket races the server's idle timeout.
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, headers: { host: 'localhost', ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
