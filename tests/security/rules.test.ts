/** The security rules on their own: file names, traversal, origins, headers, SVG, upload checks. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import pino from 'pino'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  checkUpload,
  createSecurity,
  createSecurityHeaders,
  isTraversal,
  normalizeFilename,
  sanitizeSvg,
  securityPolicy,
  UploadRefused,
} from '../../src/security'

describe('normalizeFilename', () => {
  it.each([
    ['../../etc/passwd.png', 'passwd.png'],
    ['..\\..\\windows\\win.ini.png', 'win.ini.png'],
    ['C:\\Users\\王\\照片.JPG', '照片.jpg'],
    ['  ..hidden.png  ', 'hidden.png'],
    ['evil\u202egnp.exe.png', 'evilgnp.exe.png'],
    ['a\u0000b\u0007c.pdf', 'abc.pdf'],
    ['con.png', 'file-con.png'],
    ['what?<>|.pdf', 'what____.pdf'],
    ['.png', 'png'], // no extension left: checkUpload then refuses it
    ['玉林市 2026 年 工作报告.docx', '玉林市 2026 年 工作报告.docx'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFilename(input)).toBe(expected)
  })

  it('composes to NFC and never cuts a character or the extension', () => {
    expect(normalizeFilename('e\u0301.png')).toBe('\u00e9.png')
    const long = normalizeFilename(`${'𠀀'.repeat(200)}.pdf`, 50, 1000)
    expect(Array.from(long).length).toBe(50)
    const bytes = normalizeFilename(`${'长'.repeat(100)}.pdf`)
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(180)
    expect(bytes).toBe(`${'长'.repeat(58)}.pdf`)
    expect(normalizeFilename('..%2f..%2fboot.png')).toBe('_2f._2fboot.png')
    expect(long.endsWith('.pdf')).toBe(true)
    expect(long).not.toContain('\ufffd')
  })
})

describe('isTraversal', () => {
  it.each(['/_theme/../x', '/a/..', '/a/%2e%2e/b', '/a/%2E%2E%2Fb', '/a/%252e%252e%252fb', '/a/..%5cb', '/a\\b', '/a%00.png', '/a/%25252e%25252e/b'])(
    'refuses %s',
    (url) => {
      expect(isTraversal(url)).toBe(true)
    },
  )
  it.each([
    '/',
    '/s/fgw/gzdt/12.html?q=..',
    '/api/media/file/%E7%8E%89%E6%9E%97.png',
    '/api/media/file/100%25.png',
    '/_theme/portal/portal.1a2b.css',
    '/a..b/c',
  ])('allows %s', (url) => {
    expect(isTraversal(url)).toBe(false)
  })
})

describe('security headers', () => {
  const policy = securityPolicy({})
  it('hashes the trusted inline styles into the public CSP and nothing into script-src', () => {
    const headers = createSecurityHeaders(policy, { inlineStyles: ['body{color:red}'] })
    const csp = headers.forArea('public')['Content-Security-Policy']
    expect(csp).toContain("style-src 'self' 'sha256-")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-inline')
    expect(headers.forArea('admin')['Content-Security-Policy']).toContain("'unsafe-inline'")
    expect(headers.forArea('admin')['Content-Security-Policy']).not.toContain("'unsafe-eval'")
    expect(createSecurityHeaders(policy, { dev: true }).forArea('admin')['Content-Security-Policy']).toContain("'unsafe-eval'")
  })

  it('sends HSTS only over TLS in auto mode, always or never when configured', () => {
    const request = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as never
    const auto = createSecurityHeaders(policy)
    expect(auto.hstsFor(request({}))).toBeUndefined()
    expect(auto.hstsFor(request({ 'x-forwarded-proto': 'https' }))).toMatch(/max-age=31536000/)
    expect(auto.hstsFor(request({}, true))).toMatch(/max-age/)
    expect(createSecurityHeaders(securityPolicy({ SECURITY_HSTS: 'off' })).hstsFor(request({}, true))).toBeUndefined()
    expect(createSecurityHeaders(securityPolicy({ SECURITY_HSTS: 'always' })).hstsFor(request({}))).toMatch(/max-age/)
    expect(() => securityPolicy({ SECURITY_HSTS: 'sometimes' })).toThrow(/auto, always or off/)
    expect(() => securityPolicy({ UPLOAD_IMAGE_MAX_MB: 'lots' })).toThrow(/UPLOAD_IMAGE_MAX_MB/)
  })
})

describe('sanitizeSvg', () => {
  it('removes script, handlers, javascript: links and foreign content and keeps the drawing', async () => {
    const { svg, removed } = await sanitizeSvg(
      `<svg viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><path d="M0 0h4v4z"/></a><animate attributeName="href" to="javascript:alert(4)"/></svg>`,
    )
    expect(svg).toContain('<path')
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(svg).not.toMatch(/script|onload|javascript:/i)
    expect(removed.length).toBeGreaterThan(0)
  })
})

describe('checkUpload', () => {
  const policy = securityPolicy({})
  const png = () =>
    sharp({ create: { width: 10, height: 10, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
  it('re-encodes images and reports their dimensions', async () => {
    const result = await checkUpload({ data: await png(), name: 'a.PNG' }, policy)
    expect(result).toMatchObject({ name: 'a.png', mimetype: 'image/png', kind: 'image', width: 10, height: 10 })
  })
  it('refuses by content, with the reason as a key the admin translates', async () => {
    await expect(checkUpload({ data: await png(), name: 'a.jpg' }, policy)).rejects.toMatchObject({ key: 'uploadExtensionMismatch' })
    await expect(checkUpload({ data: Buffer.from('hello'), name: 'a.txt' }, policy)).rejects.toBeInstanceOf(UploadRefused)
    await expect(checkUpload({ data: Buffer.alloc(0), name: 'a.png' }, policy)).rejects.toMatchObject({ key: 'uploadEmpty' })
    await expect(checkUpload({ data: await png(), name: 'noext' }, policy)).rejects.toMatchObject({ key: 'uploadNoExtension' })
  })
  it('takes size limits from the environment', async () => {
    const small = securityPolicy({ UPLOAD_IMAGE_MAX_MB: '0.00001' })
    await expect(checkUpload({ data: await png(), name: 'a.png' }, small)).rejects.toMatchObject({ key: 'uploadTooLarge' })
  })
})

describe('access log', () => {
  it('writes one JSON line per request: method, path without the query, status, time, cache hit or miss', async () => {
    const lines: Array<Record<string, unknown>> = []
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) })
    const security = createSecurity({ secret: 'test', accessLog: pino(sink), env: { RATE_LIMIT_PAGES_PER_MINUTE: '0' } })
    const lean = (req: http.IncomingMessage, res: http.ServerResponse) => req.url === '/cached' && (res.end('hit'), true)
    const server = http.createServer(security.frontDoor({ lean, app: (_req, res) => void ((res.statusCode = 404), res.end('miss')) }))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await (await fetch(`${base}/cached`)).text()
      await (await fetch(`${base}/letters/track?code=SECRET123`)).text()
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      server.close()
    }
    expect(lines.map(({ method, path, status, cache, area }) => ({ method, path, status, cache, area }))).toEqual([
      { method: 'GET', path: '/cached', status: 200, cache: 'hit', area: 'public' },
      { method: 'GET', path: '/letters/track', status: 404, cache: 'miss', area: 'public' },
    ])
    expect(typeof lines[0].ms).toBe('number')
    expect(JSON.stringify(lines)).not.toContain('SECRET123')
  })
})

describe('server log', () => {
  it('logs a refusal (a 4xx error) at info and a server failure at error', async () => {
    const { createLogger } = await import('../../src/lib/logger')
    const lines: Array<{ level: number; msg: string }> = []
    const log = createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }), 'info')
    log.error({ err: Object.assign(new Error('不能在其中编写内容'), { status: 403 }) }, '不能在其中编写内容')
    log.error({ err: Object.assign(new Error('database gone'), { status: 500 }) }, 'database gone')
    log.error({ err: new Error('no status') }, 'no status')
    await new Promise((resolve) => setImmediate(resolve))
    expect(lines.map(({ level, msg }) => [level, msg])).toEqual([
      [30, '不能在其中编写内容'],
      [50, 'database gone'],
      [50, 'no status'],
    ])
  })
})
