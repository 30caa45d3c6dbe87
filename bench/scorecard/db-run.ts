// npm run bench:scorecard-db -- --db /tmp/scorecard-bench/sc.db
// One full scorecard run over a seeded database (the Yulin preset with 1,000,000 articles:
// `DATABASE_URI=file:/tmp/scorecard-bench/sc.db npm run seed -- --preset yulin --articles 1000000`),
// gather included, then the nightly incremental run. Baseline measured in the same run: the
// per-column aggregates through the Local API (3 queries per column) on a sample of columns,
// projected to all columns, against the one GROUP BY the run uses.
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { existsSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import type { Payload } from 'payload'
import { insertBenchLetters, insertBenchProbes } from './db-fill'

const { values } = parseArgs({ options: { db: { type: 'string', default: '/tmp/scorecard-bench/sc.db' }, letters: { type: 'string', default: '100000' }, sample: { type: 'string', default: '100' } } })
if (!existsSync(values.db!)) {
  console.error(`No database at ${values.db}. Seed one first:\n  DATABASE_URI=file:${values.db} npm run seed -- --preset yulin --articles 1000000`)
  process.exit(2)
}
process.env.DATABASE_URI = `file:${values.db}`
process.env.JOBS_AUTORUN = 'false'
process.env.PAYLOAD_SECRET ||= 'bench-secret'

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
const { columnAggregates, executeEvaluationRun } = await import('../../src/scorecard')

const articles = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
const columns = (await payload.find({ collection: 'columns', limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })).docs.map((c) => (c as { id: number }).id)
const organizations = (await payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs
console.log(`scorecard db bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${mb(totalmem())} RAM, node ${process.version}`)
console.log(`database: ${values.db}: ${organizations} organizations, ${columns.length} columns, ${articles} articles`)

const letterCount = await insertBenchLetters(payload, Number(values.letters))
console.log(letterCount === null ? 'letters: the letters collection is not installed here — its indicators score not applicable' : `letters: ${letterCount}`)
const probes = await insertBenchProbes(payload)
console.log(`probe samples (a week, hourly, every site): ${probes}\n`)

const asOf = new Date()
const sample = columns.slice(0, Number(values.sample))
const [, baselineMs] = await timed(`baseline: Local API aggregates for ${sample.length} columns`, () => columnAggregates(payload, sample, asOf, { mode: 'local-api' }))
const [, sqlMs] = await timed(`SQL aggregates (one GROUP BY) for all ${columns.length} columns`, () => columnAggregates(payload, columns, asOf, { mode: 'sql' }))
const projected = (baselineMs / sample.length) * columns.length
console.log(`  Local API projected to all columns: ${(projected / 1000).toFixed(1)} s (×${(projected / sqlMs).toFixed(0)} the SQL path)\n`)

async function oneRun(title: string) {
  const run = (await payload.create({ collection: 'evaluation-runs' as never, data: { title, scope: 'all' } as never, overrideAccess: true, context: { scorecardNoQueue: true } })) as { id: number }
  const bar = new cliProgress.SingleBar({ format: `${title.padEnd(20)} {bar} {percentage}% {stage}`, hideCursor: true }, cliProgress.Presets.shades_classic)
  bar.start(100, 0, { stage: '' })
  const result = await timed(`${title}: gather + text scan + evaluate + store`, async () => {
    const evaluation = await executeEvaluationRun(payload, run.id, { onProgress: (stage, percent) => bar.update(Math.round(percent), { stage }) })
    bar.stop()
    return evaluation
  })
  const doc = (await payload.findByID({ collection: 'evaluation-runs' as never, id: run.id, depth: 0, overrideAccess: true })) as any
  console.log(`  ${doc.organizationCount} units: ${doc.passedCount} pass, ${doc.vetoedCount} vetoed, ${doc.failedCount} fail; text scan ${doc.textScanMode} over ${doc.textScanArticles} articles; rectification +${doc.rectificationOpened} −${doc.rectificationClosed}`)
  return result[1]
}

const fullMs = await oneRun('full run')
const nightlyMs = await oneRun('nightly run')
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)
console.log(`\nfull run ${(fullMs / 1000).toFixed(1)} s, nightly run ${(nightlyMs / 1000).toFixed(1)} s, peak rss ${mb(peakRss)}`)
console.log(`target (full run < 60 s, memory < 1 GB): ${fullMs < 60_000 && peakRss < 2 ** 30 ? 'MET' : 'NOT MET'}`)
await payload.destroy()
process.exit(0)
