import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildResponse,
  cacheKey,
  createLeanHandler,
  createPreviewToken,
  loadThemes,
  PageCache,
  PreviewTokenError,
  verifyPreviewToken,
} from '../../src/sites/index'

const compression = { brotliQuality: 5, gzipLevel: 6 }
const page = (body: string, tags: string[], ttlSeconds = 60) => buildResponse(body, { contentType: 'text/html; charset=utf-8', tags, ttlSeconds }, compression)

describe('PageCache', () => {
  it('stores precompressed variants that decode to the body', () => {
    const entry = page('<p>你好</p>'.repeat(100), ['a'])
    expect(gunzipSync(entry.gzip).toString()).toBe(entry.body.toString())
    expect(brotliDecompressSync(entry.br).toString()).toBe(entry.body.toString())
    expect(entry.etag).toMatch(/^"[\w-]{22}"$/)
  })

  it('invalidates exactly the entries carrying a tag', () => {
    const cache = new PageCache(10_000_000)
    cache.set('h/a', page('a', ['art:1', 'col:1']), cache.begin())
    cache.set('h/b', page('b', ['col:1']), cache.begin())
    cache.set('h/c', page('c', ['col:2']), cache.begin())
    expect(cache.invalidate(['art:1'])).toBe(1)
    expect(cache.keys().sort()).toEqual(['h/b', 'h/c'])
    expect(cache.invalidate(['col:1', 'col:2'])).toBe(2)
    expect(cache.keys()).toEqual([])
  })

  it('refuses to store a render that began before one of its tags was invalidated', () => {
    const cache = new PageCache(10_000_000)
    const startedAt = cache.begin()
    cache.invalidate(['art:9'])
    expect(cache.set('h/x', page('stale', ['art:9']), startedAt)).toBe(false)
    expect(cache.set('h/y', page('other', ['art:8']), startedAt)).toBe(true)
    const afterClear = cache.begin()
    cache.clear()
    expect(cache.set('h/z', page('z', ['x']), afterClear)).toBe(false)
  })

  it('evicts the oldest entries beyond its byte budget and expires entries after their TTL', () => {
    const big = 'x'.repeat(20_000)
    const first = page(big, ['a'])
    const cache = new PageCache(first.bytes * 2 + 10)
    cache.set('1', first, cache.begin())
    cache.set('2', page(big + 'y', ['a']), cache.begin())
    cache.set('3', page(big + 'z', ['a']), cache.begin())
    expect(cache.keys()).toEqual(['2', '3'])
    expect(cache.stats.evictions).toBe(1)
    const expiring = new PageCache(1_000_000)
    expiring.set('e', page('e', [], 0), expiring.begin())
    expect(expiring.get('e')).toBeUndefined()
    expect(() => new PageCache(0)).toThrow(/maxBytes must be a positive number/)
  })
})

describe('lean handler', () => {
  const cache = new PageCache(10_000_000)
  const views: unknown[] = []
  const handler = createLeanHandler({
    cache,
    themes: loadThemes('themes'),
    securityHeaders: { 'X-Content-Type-Options': 'nosniff' },
    onView: (v) => views.push(v),
  })
  let server: http.Server
  let port: number
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (!handler(req, res)) res.writeHead(599).end('miss')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host: 'a.gov.cn', ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })

  it('falls through on a miss and answers hits with validators and compression', async () => {
    expect((await request('/news/')).status).toBe(599)
    const entry = buildResponse(
      '<p>列表</p>',
      { contentType: 'text/html; charset=utf-8', tags: ['col:1'], ttlSeconds: 60, view: { siteId: 1, columnId: 1 } },
      compression,
    )
    cache.set(cacheKey('a.gov.cn', '/news/'), entry, cache.begin())
    const hit = await request('/news/')
    expect(hit.status).toBe(200)
    expect(hit.body.toString()).toBe('<p>列表</p>')
    expect(hit.headers.etag).toBe(entry.etag)
    expect(hit.headers['last-modified']).toBe(entry.lastModified)
    expect(hit.headers.vary).toBe('Accept-Encoding')
    expect((await request('/news/', { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br')
    expect((await request('/news/', { 'if-none-match': entry.etag })).status).toBe(304)
    expect((await request('/news/', { 'if-modified-since': entry.lastModified })).status).toBe(304)
    expect((await request('/news/', { 'if-none-match': '"other"' })).status).toBe(200)
    expect((await request('/news/', {}, 'HEAD')).body.length).toBe(0)
    expect((await request('/news/', {}, 'POST')).status).toBe(599)
    expect((await request('/news/', { host: 'b.gov.cn' })).status).toBe(599) // keyed by host
    expect((await request('/news/', { cookie: 'payload-token=abc' })).status).toBe(599) // editors render fresh
    expect(views.length).toBe(5) // GET hits and 304s count as visits; HEAD does not
  })

  it('serves theme assets by hashed URL only and refuses traversal', async () => {
    const url = loadThemes('themes').get('portal').styleUrls[0]
    const asset = await request(url)
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const bad of ['/_theme/portal/../../package.json', '/_theme/portal/%2e%2e/%2e%2e/package.json', '/_theme/..%5c..%5cpackage.json'])
      expect((await request(bad)).status, bad).toBe(400)
    expect((await request('/_theme/portal/nope.css')).status).toBe(404)
  })
})

describe('preview tokens', () => {
  it('round-trips and refuses tampering, other secrets and expiry with clear errors', () => {
    const token = createPreviewToken('s3cret', 42, 60, 1_000_000)
    expect(verifyPreviewToken('s3cret', token, 1_000_000)).toBe('42')
    expect(() => verifyPreviewToken('other', token, 1_000_000)).toThrow(/signature is invalid/)
    expect(() => verifyPreviewToken('s3cret', token, 1_000_000 + 61_000)).toThrow(/expired/)
    const [payload, sig] = token.split('.')
    const forged = `${Buffer.from('43.9999999999').toString('base64url')}.${sig}`
    expect(() => verifyPreviewToken('s3cret', forged)).toThrow(PreviewTokenError)
    expect(() => verifyPreviewToken('s3cret', `${payload}`)).toThrow(/malformed/)
    expect(() => createPreviewToken('', 1, 60)).toThrow(/need a secret/)
    expect(() => createPreviewToken('s', 1, 0)).toThrow(/ttlSeconds must be positive/)
  })
})
