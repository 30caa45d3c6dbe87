import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

/**
 * Serves Payload's REST and GraphQL over real HTTP with the very handlers the Next routes export
 * (src/app/(payload)/api), without a Next build, so the access matrix runs over HTTP in every test run.
 */
export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { default: config } = await import('@payload-config')
  const rest = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), PUT: REST_PUT(config), DELETE: REST_DELETE(config) } as Record<
    string,
    any
  >
  const graphql = GRAPHQL_POST(config)
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const url = new URL(req.url ?? '/', 'http://localhost')
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as HeadersInit,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      })
      let response: Response
      if (url.pathname === '/api/graphql' && req.method === 'POST') response = await graphql(request)
      else if (url.pathname.startsWith('/api/') && rest[req.method ?? 'GET']) {
        const slug = url.pathname.slice('/api/'.length).split('/').map(decodeURIComponent)
        response = await rest[req.method ?? 'GET'](request, { params: Promise.resolve({ slug }) })
      } else response = new Response('not found', { status: 404 })
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Logs in over REST and returns the Authorization header value. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const json = (await res.json()) as { token?: string; errors?: unknown }
  if (!json.token) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(json)}`)
  return `JWT ${json.token}`
}
