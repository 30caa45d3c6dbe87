/**
 * npm run bench:public-pages [-- --articles 200000 --duration 10 --connections 32]
 *
 * Requests/s, p50/p99 latency and server CPU per request for the portal home, department column
 * pages and article pages, side by side with the ceiling measured in the same run: node's plain
 * http server sending the same bytes from memory, alternated with the cached server in short
 * slices (the idle one stopped with SIGSTOP), the share being the median of the slices' ratios.
 * Runs: page cache on (one URL per page); page cache off with the data cache and site fragments
 * on; everything off. Column and article rows
 * rotate over 300 column pages of many sites and 1,000 articles (cached, each page a cache entry)
 * or 5,000 articles (page cache off, so per-article reads mostly miss the data cache too). Each
 * server — sites or baseline — runs as `--workers` cluster processes (default 2, one per core of
 * the bench machine) sharing one port; CPU per request is summed over them. Each server runs alone
 * (or stopped); autocannon drives the load from this one. The database (Yulin preset + N articles) is built
 * once under data/bench/ and reused.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'
import { SERVER_NODE_FLAGS } from '../../src/lib/server-flags'
import cliProgress from 'cli-progress'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    workers: { type: 'string', default: '2' },
  },
})
const articles = Number(values.articles)
const duration = Number(values.duration)
const connections = Number(values.connections)
const workers = Number(values.workers)
for (const [name, value] of Object.entries({ articles, duration, connections, workers })) {
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number, got "${values[name as keyof typeof values]}"`)
    process.exit(2)
  }
}

const dbDir = path.resolve('data/bench')
const dbFile = path.join(dbDir, `public-pages-yulin-${articles}.db`)
process.env.DATABASE_URI = `file:${dbFile}`
process.env.PAYLOAD_SECRET ||= 'bench'
process.env.JOBS_AUTORUN = 'false'

/**
 * SQLite picks indexes from ANALYZE statistics; without them it chose the low-selectivity
 * `_status` index for column lists (2 s instead of 3 ms at 200,000 articles). Bulk seeding does
 * not collect them, so the bench does, as an operator would after a bulk import.
 */
async function analyze(file: string) {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(file)
  // WAL, as src/db/adapter.ts sets for the application: readers in one worker are not locked out
  // while another flushes its page views. Stored in the file, so once is enough.
  db.pragma('journal_mode = WAL')
  const hasStats = db.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number }
  if (!hasStats.n) db.exec('ANALYZE')
  // Everything into the main file before it is renamed: a WAL left beside the old name would be
  // lost, and the renamed file would read short (SQLITE_IOERR_SHORT_READ).
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
  db.close()
  if (checkpoint.busy) throw new Error(`${file}: WAL checkpoint blocked by another connection; close it before renaming`)
}

async function ensureDatabase() {
  if (existsSync(dbFile)) return analyze(dbFile)
  mkdirSync(dbDir, { recursive: true })
  const building = `${dbFile}.building`
  rmSync(building, { force: true })
  process.env.DATABASE_URI = `file:${building}`
  ;(process.env as Record<string, string>).NODE_ENV = 'development' // schema push on the fresh file
  console.log(`Seeding the Yulin preset with ${articles} articles into ${dbFile} (once)…`)
  const { getPayload } = await import('payload')
  const { benchConfig } = await import('./config')
  const { planPreset, seedArticles, seedStructure } = await import('../../src/seed')
  const payload = await getPayload({ config: await benchConfig() })
  const bar = new cliProgress.SingleBar({ format: ' {phase} [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic)
  bar.start(1, 0, { phase: 'structure' })
  await seedStructure(payload, planPreset('yulin'), (phase: string, done: number, total: number) => {
    bar.setTotal(total)
    bar.update(done, { phase })
  })
  await seedArticles(payload, { count: articles, seed: 1, onProgress: (done, total) => (bar.setTotal(total), bar.update(done, { phase: 'articles' })) })
  bar.stop()
  await payload.destroy()
  await analyze(building)
  renameSync(building, dbFile)
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true })
  process.env.DATABASE_URI = `file:${dbFile}`
}

/**
 * Servers still running when this process ends, however it ends (a failed check throws): an
 * orphaned server from an aborted run keeps its workers busy and skews every later figure.
 */
const running = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
})

function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child)
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

interface Server {
  port: number
  child: ChildProcess
  /** The processes serving requests: the server itself, or its cluster workers. */
  pids: number[]
  stop: () => Promise<void>
}

function startServer(args: string[], stdin?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [PRODUCTION_CONDITION, ...SERVER_NODE_FLAGS, '--import', 'tsx', 'bench/public-pages/server.ts', '--workers', String(workers), ...args],
      {
        // development: the bench database was schema-pushed (it holds collections that have no migrations yet)
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    )
    running.add(child)
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /READY (\d+)/.exec(out)
      const pids = /PIDS ([\d,]+)/.exec(out)?.[1].split(',').map(Number) ?? []
      if (match) resolve({ port: Number(match[1]), child, pids: [child.pid!, ...pids], stop: () => stopChild(child) })
    })
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)))
    if (stdin) child.stdin!.end(stdin)
  })
}

interface Target {
  name: string
  /** One URL, or a rotating set: each request takes the next one, across all connections. */
  urls: Array<{ path: string; host: string }>
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    ticks += Number(fields[11]) + Number(fields[12]) // utime, stime in clock ticks (100 Hz)
  }
  return ticks / 100
}

async function load(server: Server, target: Target, seconds = duration) {
  let next = 0
  const load1 = os.loadavg()[0]
  const cpuBefore = cpuSeconds(server.pids)
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const url = target.urls[next++ % target.urls.length]
          return { ...req, path: url.path, headers: { ...(req.headers as object), host: url.host } }
        },
      },
    ],
  } as never)
  const cpuMs = ((cpuSeconds(server.pids) - cpuBefore) * 1000) / Math.max(1, result.requests.total)
  // Timeouts and non-2xx answers are reported beside the figures, not hidden.
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMs: +cpuMs.toFixed(2),
    load1: +load1.toFixed(1),
    urls: target.urls.length,
  }
}

/**
 * Rotating sets for the rows with the page cache off, so that per-page data (an article, one page
 * of a column list) is read from the database rather than repeated from the data cache: 5,000
 * articles and 300 column pages spread over all sites, chosen deterministically from the file.
 */
async function rotatingSets(file: string, articleCount: number, columnPageCount: number) {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(file, { readonly: true })
  const now = new Date().toISOString()
  const articles = db
    .prepare(
      `select a.id, c.path, s.code from articles a join columns c on c.id = a.column_id join sites s on s.id = c.site_id
       where a._status = 'published' and a.state = 'published' and a.published_at <= ? and s.status = 'active' and c.visibility = 'public'
       order by (a.id * 2654435761) % 1000003 limit ?`,
    )
    .all(now, articleCount) as Array<{ id: number; path: string; code: string }>
  const columns = db
    .prepare(
      `select c.path, s.code, count(a.id) as n from columns c join sites s on s.id = c.site_id join articles a on a.column_id = c.id
       where s.status = 'active' and c.visibility = 'public' and c.category not in ('services', 'disclosure')
       and a._status = 'published' and a.state = 'published' and a.published_at <= ?
       group by c.id order by (c.id * 2654435761) % 1000003`,
    )
    .all(now) as Array<{ path: string; code: string; n: number }>
  db.close()
  const columnPages: Array<{ path: string; host: string }> = []
  for (let page = 1; columnPages.length < columnPageCount && page <= 5; page++) {
    for (const c of columns)
      if (columnPages.length < columnPageCount && c.n > (page - 1) * 20)
        columnPages.push({ path: `/s/${c.code}/${c.path}/${page > 1 ? `?page=${page}` : ''}`, host: 'localhost' })
  }
  return {
    articles: articles.map((a) => ({ path: `/s/${a.code}/${a.path}/${a.id}.html`, host: 'localhost' })),
    columnPages,
  }
}

await ensureDatabase()

const cached = await startServer(['--cache', 'on'])
const get = (path: string, host: string) => getFrom(cached.port, path, host)
const getFrom = (port: number, path: string, host: string) =>
  new Promise<{ status: number; contentType: string; body: Buffer }>((resolve, reject) => {
    import('node:http').then(({ default: http }) => {
      const req = http.request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })
  })
const column = await get('/gzdt/', 'fgw.yulin.gov.cn')
if (column.status !== 200) throw new Error(`department column page answered ${column.status}`)
const sets = await rotatingSets(dbFile, 5000, 300)
const portalHome: Target = { name: 'portal home', urls: [{ host: 'www.yulin.gov.cn', path: '/' }] }
// Cached rows rotate too: 300 column pages and 1,000 articles, each a separate cache entry.
const targets: Target[] = [portalHome, { name: 'column pages', urls: sets.columnPages }, { name: 'articles', urls: sets.articles.slice(0, 1000) }]
// Page cache off: 5,000 articles, so per-article data is mostly read, not repeated from the data cache.
const rotating: Target[] = [portalHome, { name: 'column pages', urls: sets.columnPages }, { name: 'articles', urls: sets.articles }]

/**
 * Fills the page cache of every worker: each URL twice on fresh connections (the cluster hands
 * new connections to workers in turn), checking every answer is a page — the figures would
 * otherwise measure 404s — and keeping the bytes for the baseline.
 */
const bar = new cliProgress.SingleBar({ format: ' warming page caches [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic)
const warmUrls = targets.flatMap((t) => t.urls)
bar.start(warmUrls.length, 0)
const bodies = new Map<string, { contentType: string; body: Buffer }>()
for (const url of warmUrls) {
  for (let i = 0; i < workers; i++) {
    const reply = await get(url.path, url.host)
    if (reply.status !== 200) throw new Error(`${url.path} on ${url.host} answered ${reply.status}`)
    bodies.set(`${url.host} ${url.path}`, reply)
  }
  bar.increment()
}
bar.stop()
for (const url of rotating[2].urls.filter((_, i) => i % 250 === 0)) {
  const reply = await get(url.path, url.host)
  if (reply.status !== 200) throw new Error(`rotating set: ${url.path} answered ${reply.status}`)
}
// The baseline answers by path alone, so one host's page per path (all rotating URLs are on localhost).
const baselineInput =
  [...bodies]
    .map(([key, reply]) => JSON.stringify({ path: key.slice(key.indexOf(' ') + 1), contentType: reply.contentType, body: reply.body.toString('base64') }))
    .join('\n') + '\nEND\n'

type Figures = Awaited<ReturnType<typeof load>>
interface Run {
  label: string
  caches: string
  args: string[]
  targets: Target[]
  stdin?: string
}
const runs: Run[] = [
  { label: 'cached', caches: 'page cache + data cache + site fragments', args: ['--cache', 'on'], targets },
  { label: 'baseline', caches: 'node http, bytes in memory', args: ['--mode', 'baseline'], targets, stdin: baselineInput },
  { label: 'page cache off', caches: 'data cache + site fragments (rotating URLs)', args: ['--cache', 'off'], targets: rotating },
  { label: 'all caches off', caches: 'none (rotating URLs)', args: ['--cache', 'off', '--data-cache', 'off', '--fragments', 'off'], targets: rotating },
]
const results: Record<string, Figures[]> = {}
/** Cached against baseline, per page: the median of the rounds' ratios. */
const shares: number[] = []

const signal = (server: Server, name: 'SIGSTOP' | 'SIGCONT') => server.pids.forEach((pid) => process.kill(pid, name))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Cached pages and the baseline alternate in ROUNDS short slices, the idle one stopped (SIGSTOP)
 * so it takes no CPU: on a shared VM the CPU available moves by tens of percent within a minute,
 * and two 10 s runs one after the other measured the machine as much as the server (the ratio
 * ranged 56–103 % over runs). Each round's ratio compares slices taken seconds apart.
 */
const ROUNDS = 5
const baselineServer = await startServer(['--mode', 'baseline'], baselineInput)
results.cached = []
results.baseline = []
for (const target of targets) {
  for (const server of [cached, baselineServer]) for (const url of target.urls.slice(0, 20)) await getFrom(server.port, url.path, url.host)
  const slices: Record<'cached' | 'baseline', Figures[]> = { cached: [], baseline: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, server, idle] of [
      ['baseline', baselineServer, cached],
      ['cached', cached, baselineServer],
    ] as const) {
      signal(idle, 'SIGSTOP')
      signal(server, 'SIGCONT')
      slices[label].push(await load(server, target, Math.max(2, Math.round((duration * 2) / ROUNDS))))
    }
  }
  signal(cached, 'SIGCONT')
  signal(baselineServer, 'SIGCONT')
  const ratios = slices.cached.map((f, i) => f.rps / slices.baseline[i]!.rps)
  shares.push(median(ratios))
  for (const label of ['cached', 'baseline'] as const) {
    const all = slices[label]
    const figures = {
      ...all[0]!,
      rps: Math.round(all.reduce((sum, f) => sum + f.rps, 0) / all.length),
      p50: median(all.map((f) => f.p50)),
      p99: Math.max(...all.map((f) => f.p99)),
      errors: all.reduce((sum, f) => sum + f.errors, 0),
      cpuMs: +(all.reduce((sum, f) => sum + f.cpuMs, 0) / all.length).toFixed(2),
    }
    results[label].push(figures)
    console.log(
      `${label} / ${target.name}: ${figures.rps} req/s, p99 ${figures.p99} ms (highest of ${ROUNDS} slices), ${figures.cpuMs} CPU ms/req, load ${figures.load1}`,
    )
  }
  console.log(
    `cached / ${target.name}: ${ratios.map((r) => `${Math.round(r * 100)} %`).join(', ')} of the baseline by round, median ${Math.round(shares.at(-1)! * 100)} %`,
  )
}
await cached.stop()
await baselineServer.stop()

// The uncached runs: one server at a time, so idle processes and their timers do not share the two cores.
for (const run of runs.slice(2)) {
  const server = await startServer(run.args, run.stdin)
  results[run.label] = []
  for (const target of run.targets) {
    // Warm-up outside the measurement: JIT, SQLite's page cache, the first site-level fragments.
    for (const url of target.urls.slice(0, 20)) await getFrom(server.port, url.path, url.host)
    const figures = await load(server, target)
    results[run.label].push(figures)
    console.log(`${run.label} / ${target.name}: ${figures.rps} req/s, p99 ${figures.p99} ms, ${figures.cpuMs} CPU ms/req, load ${figures.load1}`)
  }
  await server.stop()
}
const rows = runs.flatMap((run) =>
  run.targets.map((target, i) => {
    const f = results[run.label][i]
    return {
      run: run.label,
      caches: run.caches,
      page: target.name,
      urls: f.urls,
      'req/s': f.rps,
      'p50 ms': f.p50,
      'p99 ms': f.p99,
      'baseline req/s': results.baseline[i].rps,
      '% of baseline': run.label === 'cached' ? Math.round(shares[i]! * 100) : '',
      'server CPU ms/req': f.cpuMs,
      'load 1m': f.load1,
      errors: f.errors,
    }
  }),
)
console.log(
  `\nPublic pages — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${articles} articles, ${connections} connections, ${duration} s each, ${new Date().toISOString()}`,
)
console.table(rows)
const figure = (label: string, i: number) => results[label][i]
const failures = targets.flatMap((target, i) => {
  const [hit, miss, none] = [figure('cached', i), figure('page cache off', i), figure('all caches off', i)]
  const share = Math.round(shares[i]! * 100)
  return [
    ...(share < 75 ? [`${target.name}: cached ${share}% of baseline (target ≥ 75%)`] : []),
    ...(hit.p99 >= 20 ? [`${target.name}: cached p99 ${hit.p99} ms (target < 20)`] : []),
    ...[
      ['page cache off', miss],
      ['all caches off', none],
    ].flatMap(([label, f]) => {
      const figures = f as Figures
      const name = `${rotating[i].name}, ${label}`
      return [
        ...(figures.rps < 600 ? [`${name}: ${figures.rps} req/s (target ≥ 600)`] : []),
        ...(figures.p99 >= 100 ? [`${name}: p99 ${figures.p99} ms (target < 100)`] : []),
      ]
    }),
  ]
})
const errors = rows.filter((r) => r.errors > 0).map((r) => `${r.run} / ${r.page}: ${r.errors} errors or non-2xx answers`)
console.log([...failures, ...errors].length ? `Targets missed:\n  ${[...failures, ...errors].join('\n  ')}` : 'All targets met.')
