/**
 * npm run bench:public-pages [-- --articles 200000 --duration 10 --connections 32]
 *
 * Requests/s and p50/p99 latency for the portal home, a department column page and an article
 * page, cached and uncached, side by side with the ceiling measured in the same run: node's
 * plain http server sending the same bytes from memory. Each server runs in its own process;
 * autocannon drives the load from this one. The database (Yulin preset + N articles) is built
 * once under data/bench/ and reused.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'
import cliProgress from 'cli-progress'

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '200000' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
})
const articles = Number(values.articles)
const duration = Number(values.duration)
const connections = Number(values.connections)
for (const [name, value] of Object.entries({ articles, duration, connections })) {
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
  const hasStats = db.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number }
  if (!hasStats.n) db.exec('ANALYZE')
  db.close()
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
  process.env.DATABASE_URI = `file:${dbFile}`
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

function startServer(args: string[], stdin?: string): Promise<{ port: number; child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', 'bench/public-pages/server.ts', ...args], {
      // development: the bench database was schema-pushed (it holds collections that have no migrations yet)
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /READY (\d+)/.exec(out)
      if (match) resolve({ port: Number(match[1]), child, stop: () => stopChild(child) })
    })
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)))
    if (stdin) child.stdin!.end(stdin)
  })
}

async function load(port: number, target: { path: string; host: string }) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}${target.path}`, headers: { host: target.host }, connections, duration, pipelining: 1 })
  // Timeouts and non-2xx answers are reported beside the figures, not hidden.
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

await ensureDatabase()

// Pick the pages through the running server: portal home, a department column, an article in it.
const cached = await startServer(['--cache', 'on'])
const get = (path: string, host: string) =>
  new Promise<{ status: number; contentType: string; body: Buffer }>((resolve, reject) => {
    import('node:http').then(({ default: http }) => {
      const req = http.request({ host: '127.0.0.1', port: cached.port, path, headers: { host } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })
  })
const column = await get('/gzdt/', 'fgw.yulin.gov.cn')
const articleHref = /<a href="(\/gzdt\/[a-z/]+\/\d+\.html)">/.exec(column.body.toString())?.[1]
if (column.status !== 200 || !articleHref) throw new Error(`department column page did not list an article (status ${column.status})`)
const targets = [
  { name: 'portal home', host: 'www.yulin.gov.cn', path: '/' },
  { name: 'department column', host: 'fgw.yulin.gov.cn', path: '/gzdt/' },
  { name: 'article', host: 'fgw.yulin.gov.cn', path: articleHref },
]
const bodies = await Promise.all(targets.map((t) => get(t.path, t.host)))
const baselineInput = targets.map((t, i) => JSON.stringify({ path: t.path, contentType: bodies[i].contentType, body: bodies[i].body.toString('base64') })).join('\n') + '\nEND\n'

type Figures = { rps: number; p50: number; p99: number; errors: number }
const results: Record<string, Figures[]> = {}
const loadAll = async (label: string, port: number) => {
  results[label] = []
  for (const target of targets) results[label].push(await load(port, target))
}
// One server at a time, so idle processes and their timers do not share the two cores.
await loadAll('cached', cached.port)
await cached.stop()
const baseline = await startServer(['--mode', 'baseline'], baselineInput)
await loadAll('baseline', baseline.port)
await baseline.stop()
const uncached = await startServer(['--cache', 'off'])
await loadAll('uncached', uncached.port)
await uncached.stop()
const rows = targets.map((target, i) => {
  const [base, hit, miss] = [results.baseline[i], results.cached[i], results.uncached[i]]
  return {
    page: target.name,
    bytes: bodies[i].body.length,
    'baseline rps': base.rps,
    'baseline p99': base.p99,
    'cached rps': hit.rps,
    'cached % of baseline': Math.round((hit.rps / base.rps) * 100),
    'cached p50': hit.p50,
    'cached p99': hit.p99,
    'uncached rps': miss.rps,
    'uncached p50': miss.p50,
    'uncached p99': miss.p99,
    errors: base.errors + hit.errors + miss.errors,
  }
})
console.log(`\nPublic pages — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${articles} articles, ${connections} connections, ${duration} s each, ${new Date().toISOString()}`)
console.table(rows)
const failures = rows.flatMap((r) => [
  ...(Number(r['cached % of baseline']) < 75 ? [`${r.page}: cached ${r['cached % of baseline']}% of baseline (target ≥ 75%)`] : []),
  ...(Number(r['cached p99']) >= 20 ? [`${r.page}: cached p99 ${r['cached p99']} ms (target < 20)`] : []),
  ...(Number(r['uncached rps']) < 600 ? [`${r.page}: uncached ${r['uncached rps']} req/s (target ≥ 600)`] : []),
  ...(Number(r['uncached p99']) >= 100 ? [`${r.page}: uncached p99 ${r['uncached p99']} ms (target < 100)`] : []),
  ...(Number(r.errors) > 0 ? [`${r.page}: ${r.errors} errors or non-2xx answers`] : []),
])
console.log(failures.length ? `Targets missed:\n  ${failures.join('\n  ')}` : 'All targets met.')
