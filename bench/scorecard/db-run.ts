// npm run bench:scorecard-db -- --db /tmp/scorecard-bench/sc.db
// One full scorecard run over a seeded database (the Yulin preset with 1,000,000 articles:
// `DATABASE_URI=file:/tmp/scorecard-bench/sc.db npm run seed -- --preset yulin --articles 1000000`),
// gather included, then the nightly incremental run. Baseline measured in the same run: the
// per-column aggregates through the Local API (3 queries per column) on a sample of columns,
// projected to all columns, against the one GROUP BY the run uses.
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { existsSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import type { Payload } from 'payload'
import { insertBenchLetters, insertBenchProbes } from './db-fill'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/scorecard-bench/sc.db' },
    letters: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '100' },
    'scan-sample': { type: 'string', default: '20000' },
    push: { type: 'boolean', default: false },
  },
})
if (!existsSync(values.db!)) {
  console.error(`No database at ${values.db}. Seed one first:\n  DATABASE_URI=file:${values.db} npm run seed -- --preset yulin --articles 1000000`)
  process.exit(2)
}
process.env.DATABASE_URI = `file:${values.db}`
process.env.JOBS_AUTORUN = 'false'
process.env.PAYLOAD_SECRET ||= 'bench-secret'
// The seeded file already has the schema: skip development mode's schema push (drizzle-kit pulls and
// diffs the whole schema, ~750 MB of the process). --push keeps it, e.g. after a schema change.
if (!process.argv.includes('--push')) process.env.PAYLOAD_MIGRATING ||= 'true'

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
async function timed<T>(label: string, work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  const ms = performance.now() - started
  console.log(`${label.padEnd(62)} ${(ms / 1000).toFixed(2).padStart(8)} s   rss ${mb(process.memoryUsage().rss)}`)
  return [value, ms]
}

const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const payload: Payload = await getPayload({ config })
console.log(
  `Payload booted (${process.env.NODE_ENV ?? 'development'} mode, schema push ${process.env.PAYLOAD_MIGRATING === 'true' ? 'skipped' : 'on'}): rss ${mb(process.memoryUsage().rss)}`,
)
const { columnAggregates, executeEvaluationRun, scanDatabaseArticles, loadStructure, activeIndicatorSet, builtInIndicatorSet } =
  await import('../../src/scorecard')

const articles = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
const columns = (
  await payload.find({ collection: 'columns', limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })
).docs.map((c) => (c as { id: number }).id)
const organizations = (await payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs
console.log(`scorecard db bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${mb(totalmem())} RAM, node ${process.version}`)
console.log(`database: ${values.db}: ${organizations} organizations, ${columns.length} columns, ${articles} articles`)

const letterCount = await insertBenchLetters(payload, Number(values.letters))
console.log(letterCount === null ? 'letters: the letters collection is not installed here — its indicators score not applicable' : `letters: ${letterCount}`)
const probes = await insertBenchProbes(payload)
console.log(`probe samples (a week, hourly, every site): ${probes}\n`)

// Runs of earlier benches on this file would make the first run below incremental: remove them so
// it is a full scan (bench data only).
for (const collection of ['evaluation-results', 'rectification-items', 'evaluation-runs']) {
  if ((payload.collections as Record<string, unknown>)[collection])
    await payload.delete({ collection: collection as never, where: { id: { exists: true } }, overrideAccess: true, context: { skipAudit: true } })
}

const asOf = new Date()
async function oneRun(title: string) {
  const run = (await payload.create({
    collection: 'evaluation-runs' as never,
    data: { title, scope: 'all' } as never,
    overrideAccess: true,
    context: { scorecardNoQueue: true },
  })) as { id: number }
  const bar = new cliProgress.SingleBar({ format: `${title.padEnd(20)} {bar} {percentage}% {stage}`, hideCursor: true }, cliProgress.Presets.shades_classic)
  bar.start(100, 0, { stage: '' })
  const stages: Array<[string, number]> = []
  const track = (stage: string) => {
    const name = stage.split(/[:(]/)[0]!.trim()
    if (stages.at(-1)?.[0] !== name) stages.push([name, performance.now()])
  }
  const cpuBefore = process.cpuUsage()
  const result = await timed(`${title}: gather + text scan + evaluate + store`, async () => {
    const evaluation = await executeEvaluationRun(payload, run.id, {
      onProgress: (stage, percent) => (track(stage), bar.update(Math.round(percent), { stage })),
    })
    bar.stop()
    return evaluation
  })
  const cpu = process.cpuUsage(cpuBefore)
  console.log(`  cpu time (all threads of the process): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`)
  console.log(`  stages: ${stages.map(([name, at], i) => `${name} ${(((stages[i + 1]?.[1] ?? performance.now()) - at) / 1000).toFixed(1)} s`).join(', ')}`)
  const doc = (await payload.findByID({ collection: 'evaluation-runs' as never, id: run.id, depth: 0, overrideAccess: true })) as any
  console.log(
    `  ${doc.organizationCount} units: ${doc.passedCount} pass, ${doc.vetoedCount} vetoed, ${doc.failedCount} fail; text scan ${doc.textScanMode} over ${doc.textScanArticles} articles; rectification +${doc.rectificationOpened} −${doc.rectificationClosed}`,
  )
  return result[1]
}

peakRss = 0 // the runs' own peak: the letters fill above builds 100,000 rows in memory
const fullMs = await oneRun('full run')
const nightlyMs = await oneRun('nightly run')
peakRss = Math.max(peakRss, process.memoryUsage().rss)
const runsPeakRss = peakRss

// Baselines after the runs, so their garbage does not count against the runs' memory.
const sample = columns.slice(0, Number(values.sample))
const [, baselineMs] = await timed(`baseline: Local API aggregates for ${sample.length} columns`, () =>
  columnAggregates(payload, sample, asOf, { mode: 'local-api' }),
)
const [, sqlMs] = await timed(`SQL aggregates (one GROUP BY) for all ${columns.length} columns`, () =>
  columnAggregates(payload, columns, asOf, { mode: 'sql' }),
)
const projected = (baselineMs / sample.length) * columns.length
console.log(`  Local API projected to all columns: ${(projected / 1000).toFixed(1)} s (×${(projected / sqlMs).toFixed(0)} the SQL path)\n`)

// Text scan baseline: the page-by-page path (Local API-shaped pages through drizzle, every body
// parsed) over the first --scan-sample articles, projected to all; the runs below use the fast path.
{
  const sampleSize = Number(values['scan-sample'])
  const set = (await activeIndicatorSet(payload)) ?? builtInIndicatorSet('national-2019')
  const structure = await loadStructure(payload, 2000)
  const stop = new Error('sample done')
  let scanned = 0
  const started = performance.now()
  await scanDatabaseArticles(payload, set, structure, null, {
    asOf,
    full: true,
    pageSize: 500,
    textScan: 'pages',
    onProgress: (n) => {
      scanned = n
      if (n >= sampleSize) throw stop
    },
  }).catch((error) => {
    if (error !== stop) throw error
  })
  const ms = performance.now() - started
  console.log(
    `baseline: page-by-page text scan of ${scanned} articles ${(ms / 1000).toFixed(1)} s, projected to ${articles}: ${(((ms / Math.max(1, scanned)) * articles) / 1000).toFixed(0)} s\n`,
  )
}

clearInterval(sampler)
console.log(
  `\nfull run ${(fullMs / 1000).toFixed(1)} s, nightly run ${(nightlyMs / 1000).toFixed(1)} s, peak rss of the runs ${mb(runsPeakRss)} (main thread + scan workers; with the baselines ${mb(peakRss)}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log(`target (full run < 60 s, memory < 1 GB): ${fullMs < 60_000 && runsPeakRss < 2 ** 30 ? 'MET' : 'NOT MET'}`)
await payload.destroy()
process.exit(0)
