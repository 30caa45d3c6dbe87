/**
 * Fuzz test of the public endpoints on the real server wiring (front door, lean cache path,
 * Express with search, interaction and the sites) over a seeded Yulin database: at least 10,000
 * generated requests — search, form POSTs, page URLs with odd encodings, random Host headers.
 * No answer may be a 5xx (except 503 from search, its documented "engine unavailable"), every
 * request must be answered, and the server must still be healthy afterwards.
 *
 *   FUZZ_SEED=123 FUZZ_REQUESTS=20000 npx vitest run tests/security/fuzz.test.ts
 *
 * Requests go over raw sockets: Node's http client refuses the very paths and headers under test
 * (NUL, spaces, control characters, invalid UTF-8).
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootSecurityServer, raw, type SecurityServer } from './server'

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_517)
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const IN_FLIGHT = 16
const ANSWER_WITHIN_MS = 30_000

let server: SecurityServer
let siteCodes: string[] = []
let csrf: { token: string; cookie: string } = { token: '', cookie: '' }

beforeAll(async () => {
  // One client address: the front door's page and API limits would answer 429 to most of the run.
  server = await bootSecurityServer('security-fuzz', { RATE_LIMIT_PAGES_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0' })
  const { docs } = await server.payload.find({ collection: 'sites', limit: 0, depth: 0, pagination: false, overrideAccess: true })
  siteCodes = docs.map((d) => String((d as { code?: string }).code)).filter(Boolean)
  const form = await raw(server.port, 'GET', '/s/fgw/letters/new')
  csrf = {
    token: /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
    cookie: String((form.headers['set-cookie'] as string[] | undefined)?.find((c) => c.startsWith('sg_csrf=')) ?? '').split(';')[0],
  }
})
afterAll(async () => server?.close())

// mulberry32: a seeded generator in five lines, so a failing run replays exactly (Math.random cannot be seeded).
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Gen = ReturnType<typeof makeGen>
function makeGen(random: () => number) {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
  const chance = (p: number) => random() < p
  const codePoint = () =>
    pick([
      () => 0x20 + int(0x5f), // ASCII
      () => 0x4e00 + int(0x5000), // CJK
      () => int(0x20), // control
      () => 0xd800 + int(0x800), // lone surrogate
      () => 0x1f300 + int(0x300), // emoji
      () => pick([0x202e, 0x200b, 0xfeff, 0x2028, 0x0301, 0xfffd, 0x10ffff]), // bidi, zero-width, BOM…
    ])()
  const unicode = (max: number) => {
    let s = ''
    for (let i = int(max); i > 0; i--) s += String.fromCodePoint(codePoint())
    return s
  }
  const ftsSyntax = ['"', '""', '*', 'NEAR(', ')', 'AND', 'OR', 'NOT', '^', ':', '-', '(', 'title:', '{', '}', "'", ';', '--', '%', '_', '\\']
  const query = () =>
    pick([
      () => unicode(20),
      () => Array.from({ length: 1 + int(6) }, () => pick([pick(ftsSyntax), '玉林', '政务', 'a', unicode(3)])).join(pick([' ', '', '+'])),
      () => '',
      () => '玉林'.repeat(1 + int(3000)),
      () => 'x'.repeat(int(20_000)),
      () => '\u0000\u0001\u0007\r\n\t',
      () => pick(['<script>alert(1)</script>', "' OR 1=1 --", '${7*7}', '{{7*7}}', '../../etc/passwd', '%00', 'NEAR(玉林 政务, 2)']),
    ])()
  // Encodes most of a string but leaves some bytes raw or broken, as a hostile client would.
  const oddEncode = (s: string) =>
    pick([
      () => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd')),
      () => Buffer.from(s, 'utf8').toString('latin1'),
      () => s.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/ /g, '+'),
      () => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) + pick(['%', '%z', '%zz', '%C0%AF', '%E0%80%AF', '%FF', '%00', '%0d%0a']),
    ])()
  const number = () => pick(['0', '-1', '1', '2', '999999999999', '1e9', 'NaN', 'abc', '', '1.5', '%00', '0x10', '99999999999999999999999', String(int(50))])
  const code = () => (chance(0.7) && siteCodes.length ? pick(siteCodes) : oddEncode(unicode(12)))
  const prefix = () => (chance(0.5) ? `/s/${code()}` : '')
  const host = () =>
    pick([
      'localhost',
      'localhost',
      '127.0.0.1',
      'www.yulin.gov.cn',
      'evil.example',
      '',
      'a'.repeat(300),
      'localhost:99999',
      '[::1]',
      'xn--fiq228c.example',
      unicode(10).replace(/[\r\n]/g, ''),
      '%00',
      'localhost, evil',
    ])
  const address = () =>
    chance(0.95) ? `${1 + int(223)}.${int(256)}.${int(256)}.${1 + int(254)}` : pick(['garbage', '::ffff:1.2.3.4', '', '999.1.1.1', '1.1.1.1, 2.2.2.2'])
  return { int, pick, chance, unicode, query, oddEncode, number, code, prefix, host, address }
}

interface FuzzRequest {
  kind: 'search' | 'form' | 'page' | 'rest'
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
}

const FORM_PATHS = ['/letters', '/letters/track', '/letters/satisfaction', '/ratings', '/error-report', '/', '/letters/new', '/search']
const FIELDS = [
  'subject',
  'content',
  'name',
  'phone',
  'email',
  'organization',
  'kind',
  'description',
  'pageUrl',
  'code',
  'queryCode',
  'score',
  'scores[speed]',
  'comment',
  'pow_challenge',
  'pow_solution',
  '_csrf',
  'public',
  '__proto__',
  'constructor[prototype][x]',
  'a[b][c][d][e][f]',
]

function searchRequest(g: Gen): FuzzRequest {
  const params = [`q=${g.oddEncode(g.query())}`]
  if (g.chance(0.5)) params.push(`page=${g.oddEncode(g.number())}`)
  if (g.chance(0.3))
    params.push(`${g.pick(['site', 'type', 'sort', 'limit', 'from', 'to', 'column', 'scope', 'q'])}=${g.oddEncode(g.chance(0.5) ? g.number() : g.query())}`)
  if (g.chance(0.1)) params.push(g.oddEncode(g.unicode(8)))
  const route = g.pick(['/search', '/api/search', `${g.prefix()}/search`])
  return {
    kind: 'search',
    method: g.pick(['GET', 'GET', 'GET', 'HEAD']),
    path: `${route}?${params.join('&')}`,
    headers: { accept: g.pick(['text/html', 'application/json', '*/*', '']) },
  }
}

function formRequest(g: Gen): FuzzRequest {
  const fields = Array.from({ length: g.int(8) }, () => [g.pick(FIELDS), g.chance(0.3) ? g.number() : g.query()] as const)
  const withToken = g.chance(0.3) // a valid token pair: the module's own validation must refuse the body (no proof of work)
  if (withToken) fields.push(['_csrf', csrf.token])
  const encoding = g.pick(['urlencoded', 'urlencoded', 'json', 'multipart', 'text', 'binary', 'huge'] as const)
  let body: Buffer
  let type: string
  if (encoding === 'urlencoded') {
    body = Buffer.from(fields.map(([k, v]) => `${g.oddEncode(k)}=${g.oddEncode(v)}`).join(g.pick(['&', '&&', ';', '&=&'])), 'latin1')
    type = g.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=gbk', 'application/x-www-form-urlencoded; charset=utf-16'])
  } else if (encoding === 'json') {
    const object = Object.fromEntries(fields.map(([k, v]) => [k, g.pick([v, Number(v), [v], { $ne: null }, null, true])]))
    body = Buffer.from(g.chance(0.2) ? JSON.stringify(object).slice(0, -1 - g.int(5)) : JSON.stringify(object))
    type = 'application/json'
  } else if (encoding === 'multipart') {
    body = Buffer.from(`--b\r\nContent-Disposition: form-data; name="${g.unicode(5)}"\r\n\r\n${g.query()}\r\n${g.chance(0.5) ? '--b--\r\n' : ''}`)
    type = g.pick(['multipart/form-data; boundary=b', 'multipart/form-data', 'multipart/form-data; boundary='])
  } else if (encoding === 'text') {
    body = Buffer.from(g.query())
    type = g.pick(['text/plain', '', 'application/xml', 'application/x-www-form-urlencoded'])
  } else if (encoding === 'binary') {
    body = Buffer.from(Array.from({ length: g.int(4096) }, () => g.int(256)))
    type = g.pick(['application/x-www-form-urlencoded', 'application/octet-stream', 'image/png'])
  } else {
    body = Buffer.from(`content=${'%E9%95%BF'.repeat(20_000 + g.int(60_000))}`) // 160–640 KB, above the 120 KB form limit
    type = 'application/x-www-form-urlencoded'
  }
  const headers: Record<string, string> = { 'content-type': type }
  if (withToken || g.chance(0.2)) headers.cookie = g.chance(0.9) ? csrf.cookie : `sg_csrf=${g.oddEncode(g.unicode(20))}`
  const origin = g.pick(['same', 'same', 'none', 'cross', 'null'])
  if (origin === 'same') headers.origin = 'http://localhost'
  else if (origin === 'cross') headers.origin = 'https://evil.example'
  else if (origin === 'null') headers.origin = 'null'
  return {
    kind: 'form',
    method: g.pick(['POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: `${g.prefix()}${g.pick(FORM_PATHS)}${g.chance(0.2) ? `?${g.oddEncode(g.query())}` : ''}`,
    headers,
    body,
  }
}

// No TRACE: the test's stand-in for Next (undici Request) cannot build one and never answers; real Next is not under test here.
function pageRequest(g: Gen): FuzzRequest {
  const segment = () =>
    g.pick([
      () => g.pick(['', 'news', 'zwgk', 'tzgg', 'index.html', 'letters', 'ratings', 'error-report', '_theme', 'interaction', 'healthz', 'api', 'admin']),
      () => g.oddEncode(g.unicode(10)),
      () => g.pick(['%', '%zz', '%C0%AE%C0%AE', '%c0%af', '..%2f', '..%252f', '%2e%2e', '..\\', '%5c', '%00', '%u002e', '.', '..', '//', ';', '~', '*']),
      () => 'a'.repeat(g.int(9000)),
      () => String(g.int(1_000_000)),
    ])()
  const segments = Array.from({ length: 1 + g.int(5) }, segment)
  let path = g.pick(['/', `/s/${g.code()}/`, '/_theme/', '/s/fgw/', '']) + segments.join('/')
  if (!path.startsWith('/') && g.chance(0.8)) path = `/${path}`
  if (g.chance(0.1)) path = g.pick(['*', 'http://evil.example/', '//evil.example/x', '/\u0000', '/%0d%0aSet-Cookie:x=1'])
  return {
    kind: 'page',
    method: g.pick(['GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'PROPFIND', 'get']),
    path: path + (g.chance(0.2) ? `?${g.oddEncode(g.query())}` : ''),
    headers: { accept: '*/*' },
  }
}

// Anonymous REST calls naming a document by an id that cannot be one, or Payload's unregistered
// /distinct: Payload on SQL would pass NaN to the database; the answer must be a 4xx.
const REST_SLUGS = ['articles', 'columns', 'sites', 'media', 'users', 'letters', 'page-views', 'organizations']
function restRequest(g: Gen): FuzzRequest {
  const id = g.pick([
    () => 'distinct',
    () => 'distinct?field=title',
    () => g.oddEncode(g.unicode(6)),
    () => `${g.int(100)}abc`,
    () => '1e309',
    () => '-0x10',
    () => ' 1',
    () => String(g.int(1_000_000)),
  ])()
  const path = `/api/${g.pick(REST_SLUGS)}/${g.pick(['', '', 'versions/', 'access/'])}${id}`
  const method = g.pick(['GET', 'GET', 'PATCH', 'DELETE', 'POST'])
  const body = method === 'GET' || method === 'DELETE' ? undefined : Buffer.from(JSON.stringify({ title: g.unicode(5) }))
  return { kind: 'rest', method, path, headers: { accept: 'application/json', 'content-type': 'application/json' }, body }
}

function generate(g: Gen): FuzzRequest {
  const request = g.pick([searchRequest, formRequest, pageRequest, pageRequest, restRequest])(g)
  request.headers.host = g.chance(0.8) ? 'localhost' : g.host()
  request.headers['x-forwarded-for'] = g.address() // spreads the per-address limits of search and forms; trusted from loopback
  if (g.chance(0.1)) request.headers['accept-encoding'] = g.pick(['br', 'gzip', 'identity;q=0', '*', 'x'.repeat(500)])
  if (g.chance(0.05)) request.headers['x-forwarded-proto'] = g.pick(['https', 'gopher', ''])
  return request
}

/** One request over its own socket, bytes exactly as generated; resolves with the status, or null if nothing came back. */
function send(port: number, request: FuzzRequest): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const head = [`${request.method} ${request.path} HTTP/1.1`]
    for (const [name, value] of Object.entries(request.headers)) head.push(`${name}: ${value.replace(/[\r\n]/g, '')}`)
    if (request.body) head.push(`content-length: ${request.body.length}`)
    head.push('connection: close', '', '')
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let settled = false
    const finish = (error?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(Buffer.concat(chunks).subarray(0, 20).toString('latin1'))
      resolve({ status: match ? Number(match[1]) : null, error: match ? undefined : (error ?? 'connection closed without an answer') })
    }
    const timer = setTimeout(() => finish(`no answer within ${ANSWER_WITHIN_MS} ms`), ANSWER_WITHIN_MS)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => finish())
    socket.on('close', () => finish())
    // The server may answer 413 and close while a huge body is still being written: the answer counts.
    socket.on('error', (error) => finish(error.message))
    socket.write(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), request.body ?? Buffer.alloc(0)]))
  })
}

const describeRequest = (n: number, r: FuzzRequest) =>
  `#${n} (FUZZ_SEED=${SEED}) ${r.method} ${JSON.stringify(r.path.slice(0, 300))} headers=${JSON.stringify(r.headers).slice(0, 400)} body=${r.body ? JSON.stringify(r.body.subarray(0, 200).toString('latin1')) + ` (${r.body.length} bytes)` : 'none'}`

describe(`fuzz: ${TOTAL} generated public requests (FUZZ_SEED=${SEED})`, () => {
  it('answers every request, never with a 5xx; refuses every form POST with a 4xx; stays healthy', { timeout: 420_000 }, async () => {
    expect(siteCodes.length).toBeGreaterThan(10)
    expect(csrf.token && csrf.cookie).toBeTruthy()
    console.log(`fuzz: FUZZ_SEED=${SEED}, ${TOTAL} requests, ${IN_FLIGHT} in flight`)
    const g = makeGen(prng(SEED))
    // Generated up front, in order, so the seed alone decides every request whatever the timing.
    const requests = Array.from({ length: TOTAL }, () => generate(g))
    const failures: string[] = []
    const tally = new Map<string, number>()
    let next = 0
    const started = Date.now()
    const worker = async () => {
      while (next < requests.length) {
        const n = next++
        const request = requests[n]
        const { status, error } = await send(server.port, request)
        const key = `${request.kind} ${status ?? 'none'}`
        tally.set(key, (tally.get(key) ?? 0) + 1)
        const documented503 = status === 503 && request.kind === 'search'
        if (status === null) failures.push(`${error}: ${describeRequest(n, request)}`)
        else if (status >= 500 && !documented503) failures.push(`status ${status}: ${describeRequest(n, request)}`)
        else if (request.kind === 'form' && request.method === 'POST' && (status < 400 || status >= 500))
          failures.push(`form POST accepted with ${status}: ${describeRequest(n, request)}`)
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    const seconds = (Date.now() - started) / 1000
    console.log(`fuzz: ${TOTAL} requests in ${seconds.toFixed(1)} s; answers by kind and status:`, Object.fromEntries([...tally].sort()))
    if (failures.length) console.error(`fuzz: ${failures.length} failures; first ones:\n${failures.slice(0, 20).join('\n')}`)
    expect(failures.slice(0, 20)).toEqual([])
    expect(tally.get('search 503') ?? 0, 'the embedded search engine answered "unavailable" to most searches').toBeLessThan((TOTAL / 3) * 0.05)

    for (const [path, status] of [
      ['/api/articles/distinct?field=title', 404],
      ['/api/columns/abc', 404],
      ['/api/sites/x1', 404],
      ['/api/articles/versions/abc', 400],
    ] as const) {
      const answer = await raw(server.port, 'GET', path)
      expect(answer.status, path).toBe(status)
    }
    const health = await raw(server.port, 'GET', '/healthz')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body).status).toBe('ok')
    const page = await raw(server.port, 'GET', '/s/fgw/')
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<html/i)
    const search = await raw(server.port, 'GET', '/api/search?q=%E7%8E%89%E6%9E%97', { 'x-forwarded-for': '10.9.8.7' })
    expect(search.status).toBe(200)
    // Nothing a fuzzer sent was stored: every form POST was refused.
    for (const collection of ['letters', 'ratings', 'error-reports']) {
      const { docs } = await server.payload.find({
        collection: collection as never,
        where: { createdAt: { greater_than: new Date(started).toISOString() } },
        limit: 1,
        overrideAccess: true,
      })
      expect(docs, `${collection} stored by the fuzzer`).toEqual([])
    }
  })
})
