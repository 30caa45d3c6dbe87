/**
 * HTTP hardening on the real server: security headers on every kind of answer (cache hits from
 * the lean path included), a CSP that the pages actually satisfy, HSTS only behind TLS, CSRF on
 * public forms, path traversal, body size limits and the login rate limit.
 */
import http from 'node:http'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspHash } from '../../src/security'
import { bootSecurityServer, raw, type SecurityServer } from './server'

let server: SecurityServer
beforeAll(async () => {
  server = await bootSecurityServer('security-http', { RATE_LIMIT_LOGIN_PER_MINUTE: '8', SECURITY_HSTS: 'auto' })
})
afterAll(async () => server?.close())

const get = (path: string, headers: Record<string, string> = {}) => raw(server.port, 'GET', path, headers)

function csp(header: string | string[] | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values)
  }
  return map
}

/** Every inline script/style must be allowed by the page's own CSP; no handler attributes, no style attributes. */
function assertCspSatisfied(html: string, header: string | string[] | undefined, where: string) {
  const policy = csp(header)
  const doc = new JSDOM(html).window.document
  for (const script of doc.querySelectorAll('script')) {
    if (script.hasAttribute('src')) {
      expect(script.getAttribute('src')!, `${where}: script from elsewhere`).toMatch(/^\//)
      continue
    }
    expect(policy.get('script-src') ?? [], `${where}: inline script not hashed`).toContain(cspHash(script.textContent ?? ''))
  }
  for (const style of doc.querySelectorAll('style')) {
    expect(policy.get('style-src') ?? [], `${where}: inline style not hashed`).toContain(cspHash(style.textContent ?? ''))
  }
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${where}: ${attribute.name} handler on <${element.localName}>`).toBe(false)
      expect(attribute.name === 'style', `${where}: style attribute on <${element.localName}>`).toBe(false)
    }
  }
}

describe('security headers and CSP', () => {
  it('public pages, cache hits, theme assets, forms, search and errors all carry the strict public headers', async () => {
    const first = await get('/s/fgw/')
    expect(first.status).toBe(200)
    const hit = await get('/s/fgw/') // second request: answered by the lean cache path before Express
    expect(hit.status).toBe(200)
    const asset = /href="(\/_theme\/[^"]+\.css)"/.exec(first.body)?.[1]
    expect(asset).toBeTruthy()
    const pages = {
      'page (miss)': first,
      'page (cache hit)': hit,
      'theme asset': await get(asset!),
      'letter form': await get('/s/fgw/letters/new'),
      'rating form': await get('/s/fgw/ratings/new'),
      'error report form': await get('/s/fgw/error-report'),
      search: await get('/s/fgw/search?q=%E7%8E%89%E6%9E%97'),
      'not found': await get('/s/fgw/no-such-column/'),
      directory: await get('/'),
      'form outside any site (minimal layout)': await get('/letters/track', { host: 'unknown.example' }),
    }
    for (const [where, reply] of Object.entries(pages)) {
      const policy = csp(reply.headers['content-security-policy'])
      expect(policy.get('script-src'), where).toEqual(["'self'"])
      expect(policy.get('object-src'), where).toEqual(["'none'"])
      expect(policy.get('frame-ancestors'), where).toEqual(["'self'"])
      expect(policy.get('base-uri'), where).toEqual(["'self'"])
      expect(reply.headers['x-content-type-options'], where).toBe('nosniff')
      expect(reply.headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin')
      expect(reply.headers['x-frame-options'], where).toBe('SAMEORIGIN')
      expect(reply.headers['strict-transport-security'], `${where}: no HSTS over plain HTTP`).toBeUndefined()
      expect(reply.headers['x-powered-by'], where).toBeUndefined()
      if (String(reply.headers['content-type']).startsWith('text/html')) assertCspSatisfied(reply.body, reply.headers['content-security-policy'], where)
    }
  })

  it('sends HSTS when the request came through TLS (X-Forwarded-Proto from the proxy), on cache hits too', async () => {
    await get('/s/fgw/')
    for (const path of ['/s/fgw/', '/s/fgw/letters/new', '/api/sites?limit=1']) {
      const reply = await get(path, { 'x-forwarded-proto': 'https' })
      expect(reply.headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains')
    }
  })

  it('gives the admin a looser CSP of its own and the API a deny-all one', async () => {
    const admin = await get('/admin')
    const adminPolicy = csp(admin.headers['content-security-policy'])
    expect(adminPolicy.get('script-src')).toContain("'unsafe-inline'")
    expect(adminPolicy.get('object-src')).toEqual(["'none'"])
    expect(adminPolicy.get('frame-ancestors')).toEqual(["'self'"])
    expect(admin.headers['x-content-type-options']).toBe('nosniff')
    const api = await get('/api/sites?limit=1')
    expect(api.status).toBe(200)
    expect(csp(api.headers['content-security-policy']).get('default-src')).toEqual(["'none'"])
  })
})

describe('path traversal', () => {
  it.each([
    '/_theme/../../package.json',
    '/_theme/..%2f..%2fpackage.json',
    '/_theme/%2e%2e/%2e%2e/package.json',
    '/_theme/%252e%252e%252fpackage.json',
    '/_theme/..%5c..%5cpackage.json',
    '/api/media/file/..%2f..%2fpayload.config.ts',
    '/api/media/file/%2e%2e%2f%2e%2e%2f.env',
    '/api/media/file/..%252f..%252fpayload.config.ts',
    '/s/fgw/..%2f..%2fetc/passwd',
    '/api/media/file/x%00.png',
  ])('%s is refused before any file is read', async (path) => {
    const reply = await get(path)
    expect(reply.status).toBe(400)
    expect(reply.body).not.toMatch(/buildConfig|"name": "sitegroup"|root:/)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })

  it('an unknown theme asset is a plain 404, never a file outside the theme', async () => {
    const reply = await get('/_theme/portal/package.json')
    expect(reply.status).toBe(404)
  })
})

const form = (data: Record<string, string>) => new URLSearchParams(data).toString()
const cookieOf = (reply: { headers: Record<string, unknown> }) =>
  String((reply.headers['set-cookie'] as string[] | undefined)?.find((c) => c.startsWith('sg_csrf=')) ?? '').split(';')[0]
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1]

describe('CSRF on public forms', () => {
  it('puts a token into every POST form and a matching httpOnly cookie', async () => {
    const page = await get('/s/fgw/error-report')
    const token = tokenOf(page.body)
    expect(token).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/)
    const cookie = (page.headers['set-cookie'] as string[]).find((c) => c.startsWith('sg_csrf='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const track = await get('/s/fgw/letters/track')
    expect(tokenOf(track.body)).toBeTruthy()
  })

  it('refuses a cross-origin POST, a POST without token and one with a wrong or foreign token; keeps what was typed', async () => {
    const before = (await server.payload.count({ collection: 'error-reports' as never, overrideAccess: true })).totalDocs
    const page = await get('/s/fgw/error-report')
    const token = tokenOf(page.body)!
    const cookie = cookieOf(page)
    const body = { pageUrl: 'http://localhost/s/fgw/', kind: 'typo', description: '这里的“玉林”写成了“王林”' }
    const post = (headers: Record<string, string>, data: Record<string, string>) =>
      raw(server.port, 'POST', '/s/fgw/error-report', { 'content-type': 'application/x-www-form-urlencoded', ...headers }, form(data))

    const crossOrigin = await post({ origin: 'https://evil.example', cookie }, { ...body, _csrf: token })
    expect(crossOrigin.status).toBe(403)
    expect(crossOrigin.body).toContain('请从本网站的表单页面提交')
    const crossSite = await post({ 'sec-fetch-site': 'cross-site', cookie }, { ...body, _csrf: token })
    expect(crossSite.status).toBe(403)
    const nullOrigin = await post({ origin: 'null', cookie }, { ...body, _csrf: token })
    expect(nullOrigin.status).toBe(403)

    const noToken = await post({ origin: 'http://localhost' }, body)
    expect(noToken.status).toBe(403)
    expect(noToken.body).toContain('Cookie')
    expect(noToken.body).toContain('这里的“玉林”写成了“王林”') // typed text handed back, escaped

    const wrongToken = await post({ origin: 'http://localhost', cookie }, { ...body, _csrf: `${'0'.repeat(64)}.${'1'.repeat(64)}` })
    expect(wrongToken.status).toBe(403)
    // An attacker's own valid pair does not fit the victim's cookie.
    const other = await get('/s/fgw/error-report')
    expect(tokenOf(other.body)).not.toBe(token)
    const foreign = await post({ origin: 'http://localhost', cookie }, { ...body, _csrf: tokenOf(other.body)! })
    expect(foreign.status).toBe(403)
    expect((await server.payload.count({ collection: 'error-reports' as never, overrideAccess: true })).totalDocs).toBe(before)
  })

  it('answers a form posted with another content type with 415 and what is wrong, not "form expired"', async () => {
    const page = await get('/s/fgw/error-report')
    const data = { pageUrl: 'http://localhost/s/fgw/', kind: 'typo', description: '错别字', _csrf: tokenOf(page.body)! }
    for (const [type, body] of [
      ['application/json', JSON.stringify(data)],
      ['text/plain', form(data)],
      ['multipart/form-data; boundary=x', '--x--'],
    ]) {
      const reply = await raw(server.port, 'POST', '/s/fgw/error-report', { 'content-type': type, origin: 'http://localhost', cookie: cookieOf(page) }, body)
      expect(reply.status, type).toBe(415)
      expect(reply.body).toContain('application/x-www-form-urlencoded')
      expect(reply.body).not.toContain('表单已过期')
    }
  })

  it('lets the legitimate form flow through: token and cookie from the page, same origin', async () => {
    const { solveChallenge } = await import('../../src/interaction')
    const before = (await server.payload.count({ collection: 'error-reports' as never, overrideAccess: true })).totalDocs
    const page = await get('/s/fgw/error-report')
    const challenge = /name="pow_challenge" value="([^"]+)"/.exec(page.body)![1].replace(/&amp;/g, '&')
    const bits = Number(/name="pow_bits" value="(\d+)"/.exec(page.body)![1])
    const reply = await raw(
      server.port,
      'POST',
      '/s/fgw/error-report',
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: cookieOf(page) },
      form({
        pageUrl: 'http://localhost/s/fgw/',
        kind: 'typo',
        description: '首页通知标题有错别字',
        _csrf: tokenOf(page.body)!,
        pow_challenge: challenge,
        pow_solution: solveChallenge(challenge, bits),
      }),
    )
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('感谢您的反馈')
    expect((await server.payload.count({ collection: 'error-reports' as never, overrideAccess: true })).totalDocs).toBe(before + 1)
  })
})

describe('request size and rate limits', () => {
  it('answers an oversized public form with a clear 413', async () => {
    const page = await get('/s/fgw/letters/new')
    const big = form({ subject: 'x', content: '长'.repeat(100_000), _csrf: tokenOf(page.body)! })
    const reply = await raw(
      server.port,
      'POST',
      '/s/fgw/letters',
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: cookieOf(page) },
      big,
    )
    expect(reply.status).toBe(413)
    expect(reply.body).toContain('提交的内容过长')
  })

  it('answers an oversized login body with 413 before Payload reads it', async () => {
    const reply = await raw(
      server.port,
      'POST',
      '/api/users/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(40_000) }),
    )
    expect(reply.status).toBe(413)
  })

  it('refuses a login body of unknown length (chunked) with 411', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/users/login',
          method: 'POST',
          agent: false,
          headers: { host: 'localhost', 'content-type': 'application/json' },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write('{"email":"a@b.cn",')
      req.end('"password":"x"}')
    })
    expect(status).toBe(411)
  })

  it('rate-limits login attempts per address with 429 and Retry-After, in front of the accounts lockout', async () => {
    const replies = []
    for (let i = 0; i < 10; i++) {
      replies.push(
        await raw(
          server.port,
          'POST',
          '/api/users/login',
          { 'content-type': 'application/json' },
          JSON.stringify({ email: `nobody${i}@yulin.gov.cn`, password: 'wrong-password-1' }),
        ),
      )
    }
    // The limiter answers first (its policy header is on every login answer); the accounts
    // module's own per-address lockout may answer 429 earlier, without these headers.
    expect(replies[0].headers['ratelimit-policy']).toMatch(/q=8/)
    for (const reply of replies.slice(8)) {
      expect(reply.status).toBe(429)
      expect(reply.headers['retry-after']).toBe('60')
      expect(reply.body).toContain('请求过于频繁')
    }
  })
})
