// npx tsx bench/scorecard/compare-run.ts --db data/bench/x.db --as-of 2026-11-22T00:00:00.000Z --out /tmp/run.json
// One full evaluation run at a fixed as-of on a seeded database, its stored results and text-scan
// findings written as sorted JSON: run it on two copies of the same file (code before / after a
// change) and `cmp` the outputs. The same file gets the bench letters and probes first, so fill
// the pristine file once before copying it.
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Payload } from 'payload'
import { insertBenchLetters, insertBenchProbes } from './db-fill'

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    letters: { type: 'string', default: '100000' },
    'fill-only': { type: 'boolean', default: false },
  },
})
if (!values.db || (!values['fill-only'] && (!values['as-of'] || !values.out))) {
  console.error('usage: compare-run.ts --db FILE (--fill-only | --as-of ISO --out FILE.json)')
  process.exit(2)
}
process.env.DATABASE_URI = `file:${values.db}`
process.env.JOBS_AUTORUN = 'false'
process.env.PAYLOAD_SECRET ||= 'bench-secret'

const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const payload: Payload = await getPayload({ config })
console.log(`letters ${await insertBenchLetters(payload, Number(values.letters))}, probes ${await insertBenchProbes(payload)}`)
if (values['fill-only']) process.exit(0)

const { executeEvaluationRun } = await import('../../src/scorecard')
const run = (await payload.create({
  collection: 'evaluation-runs' as never,
  data: { title: 'compare', scope: 'all', asOf: values['as-of'] } as never,
  overrideAccess: true,
  context: { scorecardNoQueue: true },
})) as { id: number }
const started = performance.now()
await executeEvaluationRun(payload, run.id)
console.log(`run ${run.id}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
const doc = (await payload.findByID({ collection: 'evaluation-runs' as never, id: run.id, depth: 0, overrideAccess: true })) as any
const results = (
  await payload.find({
    collection: 'evaluation-results' as never,
    where: { run: { equals: run.id } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'organization',
  })
).docs as any[]
const strip = ({ id, run: _run, createdAt, updatedAt, ...rest }: any) => rest
const findings = [...doc.scanState.findings].sort(
  (a: any, b: any) =>
    Number(a.articleId) - Number(b.articleId) ||
    a.indicatorCode.localeCompare(b.indicatorCode) ||
    JSON.stringify(a.detail).localeCompare(JSON.stringify(b.detail)),
)
const summary = {
  organizationCount: doc.organizationCount,
  passedCount: doc.passedCount,
  vetoedCount: doc.vetoedCount,
  failedCount: doc.failedCount,
  textScanArticles: doc.textScanArticles,
  signature: doc.scanState.signature,
}
writeFileSync(values.out!, JSON.stringify({ summary, findings, results: results.map(strip) }, null, 1))
console.log(JSON.stringify(summary), `${findings.length} findings`)
await payload.destroy()
process.exit(0)
