/**
 * npm run bench:public-pages:profile [-- --requests 100 --articles 200000]
 *
 * Where an uncached public page spends its time: N sequential requests per page (portal home,
 * department column, article) against the bench database with the page cache off, in this one
 * process. Reports wall time and CPU time per request (`process.cpuUsage`, which — unlike req/s —
 * does not depend on what else the shared machine is doing), split into database reads (Local
 * API and adapter calls, timed by wrapping them), Liquid rendering and the rest (routing, view
 * models, rich text, response building), and the req/s that CPU cost implies for one server process on an
 * idle core. Needs the database `npm run bench:public-pages` builds.
 */
import '../../src/lib/entry'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100' },
    articles: { type: 'string', default: '200000' },
    'cpu-profile': { type: 'string' },
    'read-path': { type: 'string', default: 'both' },
  },
})
const requests = Number(values.requests)
if (!Number.isInteger(requests) || requests <= 0) {
  console.error(`--requests must be a positive whole number, got "${values.requests}"`)
  process.exit(2)
}
const dbFile = path.resolve(`data/bench/public-pages-yulin-${values.articles}.db`)
const readPaths = values['read-path'] === 'both' ? (['local-api', 'adapter'] as const) : ([values['read-path']] as Array<'local-api' | 'adapter'>)
if (!readPaths.every((p) => p === 'local-api' || p === 'adapter')) {
  console.error(`--read-path must be local-api, adapter or both, got "${values['read-path']}"`)
  process.exit(2)
}
if (!existsSync(dbFile)) {
  console.error(`${dbFile} not found: run npm run bench:public-pages -- --articles ${values.articles} once to build it`)
  process.exit(2)
}
process.env.DATABASE_URI = `file:${dbFile}`
process.env.PAYLOAD_SECRET ||= 'bench'
process.env.JOBS_AUTORUN = 'false'
;(process.env as Record<string, string>).NODE_ENV = 'development'

const { getPayload } = await import('payload')
const { benchConfig } = await import('./config')
const { createPublicSites, setPublicReadPath } = await import('../../src/sites')
const payload = await getPayload({ config: await benchConfig({ push: false }) })
const schema = await (await import('./schema')).applyAdditiveSchema(payload)
if (schema.applied.length) console.log(`bench database: applied ${schema.applied.length} additive schema statements (${schema.applied.join('; ')})`)
const sites = await createPublicSites({ payload, config: { cache: { enabled: false } }, background: false })

/**
 * Busy intervals of wrapped functions by label. Page builders run reads concurrently
 * (Promise.all), so per-call times would overlap: each category reports the union of its intervals.
 */
const intervals = new Map<string, Array<[number, number]>>()
function timed<T extends object>(owner: T, method: keyof T, label: string) {
  const original = (owner[method] as unknown as (...args: unknown[]) => unknown).bind(owner)
  ;(owner as Record<string, unknown>)[method as string] = (...args: unknown[]) => {
    const start = performance.now()
    const done = () => (intervals.get(label) ?? intervals.set(label, []).get(label)!).push([start, performance.now()])
    const result = original(...args)
    if (result instanceof Promise) return result.finally(done)
    done()
    return result
  }
}
function unionMs(labels: string[]): number {
  const all = labels.flatMap((l) => intervals.get(l) ?? []).sort((a, b) => a[0] - b[0])
  let total = 0
  let [from, to] = [-Infinity, -Infinity]
  for (const [a, b] of all) {
    if (a > to) {
      if (to > from) total += to - from
      ;[from, to] = [a, b]
    } else to = Math.max(to, b)
  }
  if (to > from) total += to - from
  return total
}
for (const method of ['find', 'count', 'findByID', 'findGlobal'] as const) timed(payload, method, `payload.${method}`)
for (const method of ['find', 'count', 'findOne'] as const) timed(payload.db, method, `payload.db.${method}`)
timed(sites.renderer, 'render', 'liquid render')

const server = http.createServer((req, res) => sites.handler(req, res, (error) => res.writeHead(error ? 500 : 404).end()))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const port = (server.address() as AddressInfo).port
const get = (pathName: string, host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathName, headers: { host }, agent: false }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      .on('error', reject)
  })

const column = await get('/gzdt/', 'fgw.yulin.gov.cn')
const articleHref = /<a href="(\/gzdt\/[a-z/]+\/\d+\.html)">/.exec(column.body)?.[1]
if (column.status !== 200 || !articleHref) throw new Error(`department column page did not list an article (status ${column.status})`)
// Distinct articles, one per request: what a first read of an article costs (the data cache
// cannot answer it), beside the one article above that after the first request it can.
const distinct = await (async () => {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(dbFile, { readonly: true })
  const rows = db
    .prepare(
      `select a.id, c.path, s.code from articles a join columns c on c.id = a.column_id join sites s on s.id = c.site_id
       where a._status = 'published' and a.state = 'published' and a.published_at <= ? and s.status = 'active' and c.visibility = 'public'
       order by (a.id * 2654435761) % 1000003 limit ?`,
    )
    .all(new Date().toISOString(), requests + 10) as Array<{ id: number; path: string; code: string }>
  db.close()
  return rows.map((a) => `/s/${a.code}/${a.path}/${a.id}.html`)
})()
const targets = [
  { name: 'portal home', host: 'www.yulin.gov.cn', path: '/' },
  { name: 'department column', host: 'fgw.yulin.gov.cn', path: '/gzdt/' },
  { name: 'article', host: 'fgw.yulin.gov.cn', path: articleHref },
  { name: 'distinct articles', host: 'localhost', path: '', paths: distinct },
]

let profiler: import('node:inspector/promises').Session | undefined
if (values['cpu-profile']) {
  mkdirSync(values['cpu-profile'], { recursive: true })
  profiler = new (await import('node:inspector/promises')).Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
}
const rows = []
for (const readPath of readPaths)
  for (const target of targets) {
    setPublicReadPath(payload, readPath)
    for (let i = 0; i < 10; i++) await get(target.paths?.[i] ?? target.path, target.host) // warm up JIT and SQLite page cache
    intervals.clear()
    if (profiler) await profiler.post('Profiler.start')
    const cpu = process.cpuUsage()
    const start = performance.now()
    for (let i = 0; i < requests; i++) {
      const { status } = await get(target.paths?.[i + 10] ?? target.path, target.host)
      if (status !== 200) throw new Error(`${target.name}: status ${status}`)
    }
    const wall = (performance.now() - start) / requests
    const used = process.cpuUsage(cpu)
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop')
      writeFileSync(path.join(values['cpu-profile']!, `${readPath}-${target.name.replace(/ /g, '-')}.cpuprofile`), JSON.stringify(profile))
    }
    const cpuMs = (used.user + used.system) / 1000 / requests
    const per = (label: string) => unionMs([label]) / requests
    const calls = (label: string) => (intervals.get(label)?.length ?? 0) / requests
    const dbLabels = [...intervals.keys()].filter((l) => l.startsWith('payload'))
    const dbMs = unionMs(dbLabels) / requests
    rows.push({
      page: target.name,
      reads: readPath,
      'wall ms': +wall.toFixed(2),
      'cpu ms': +cpuMs.toFixed(2),
      'db ms': +dbMs.toFixed(2),
      'db calls': dbLabels.map((l) => `${l.replace('payload.', '')}×${calls(l)}`).join(' '),
      'render ms': +per('liquid render').toFixed(2),
      'other ms': +(wall - dbMs - per('liquid render')).toFixed(2),
      'implied req/s (1 core)': Math.round(1000 / cpuMs),
    })
  }
const os = await import('node:os')
console.log(
  `\nUncached page profile — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${requests} sequential requests each, ${new Date().toISOString()}`,
)
console.table(rows)
// One server process runs its JavaScript on one core; on the 2-core bench machine the other core
// drives autocannon, so 1000 / CPU ms is the ceiling the bench can show on an idle machine.
console.log('implied req/s (1 core) = 1000 ms / CPU ms per request: one server process on an otherwise idle core.')
server.close()
await sites.close()
await payload.destroy()
process.exit(0)
