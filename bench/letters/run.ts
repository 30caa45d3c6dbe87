/**
 * bench:letters — letter submission throughput and latency under concurrent writers.
 *
 *   npm run bench:letters -- [--letters 3000] [--writers 50]
 *
 * Three measurements in one run, on a fresh SQLite database:
 *   1. baseline-http: the same HTTP stack answering a form POST without storing anything
 *      (what Express + body parsing cost on this machine);
 *   2. local-api: letters stored straight through Payload's Local API (what the database costs);
 *   3. full: POST /letters through the interaction router — validation, proof-of-work check,
 *      deadline, storage, success page — the path a citizen takes.
 * "Zero lost": the number of letters in the database must equal the acknowledged submissions.
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import express from 'express'
import type { AddressInfo } from 'node:net'
import { createChallenge, manualClock, solveChallenge, submitLetter, type LetterSubmission } from '../../src/interaction'
import { bootInteractionPayload, seedWorld, startServer } from '../../tests/interaction/helpers/boot'

const { values } = parseArgs({ options: { letters: { type: 'string', default: '3000' }, writers: { type: 'string', default: '50' } } })
const LETTERS = Number(values.letters)
const WRITERS = Number(values.writers)
const SECRET = 'bench-secret-0123456789abcdef'
const POW_BITS = 4

interface Result {
  name: string
  ok: number
  failed: number
  seconds: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  max: number
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

async function measure(name: string, count: number, writers: number, one: (i: number) => Promise<boolean>): Promise<Result> {
  const bar = new cliProgress.SingleBar({ format: ` ${name.padEnd(14)} [{bar}] {value}/{total} | {rate}/s`, hideCursor: true }, cliProgress.Presets.shades_classic)
  bar.start(count, 0, { rate: 0 })
  const latencies: number[] = []
  let next = 0
  let ok = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now()
        const success = await one(i).catch(() => false)
        latencies.push(performance.now() - t0)
        if (success) ok++
        else failed++
        bar.update(ok + failed, { rate: Math.round((ok + failed) / ((performance.now() - started) / 1000)) })
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  bar.stop()
  latencies.sort((a, b) => a - b)
  const r = (v: number) => Math.round(v * 10) / 10
  return { name, ok, failed, seconds: r(seconds), perSecond: r(ok / seconds), p50: r(percentile(latencies, 50)), p95: r(percentile(latencies, 95)), p99: r(percentile(latencies, 99)), max: r(latencies.at(-1) ?? NaN) }
}

const letter = (i: number): LetterSubmission => ({
  subject: `关于第${i}号路灯损坏的问题`,
  category: 'complaint',
  content: `我家附近的第${i}号路灯已经损坏多日，晚上出行很不方便，希望有关部门尽快维修。`,
  name: '张三',
  phone: `1387751${String(i % 10000).padStart(4, '0')}`,
  publishable: i % 2 === 0,
})

async function main() {
  console.log(`bench:letters — ${LETTERS} letters per measurement, ${WRITERS} concurrent writers, SQLite`)
  const payload = await bootInteractionPayload('bench-letters')
  const world = await seedWorld(payload)
  const clock = manualClock('2025-03-03T02:00:00Z')
  payload.logger.level = 'warn'

  // 1. baseline: the HTTP stack without storage
  const baselineApp = express()
  baselineApp.post('/letters', express.urlencoded({ extended: true, limit: '120kb' }), (req, res) => {
    res.type('html').send(`<p>${String((req.body as Record<string, string>).subject ?? '').length}</p>`)
  })
  const baselineServer = baselineApp.listen(0, '127.0.0.1')
  await new Promise((resolve) => baselineServer.once('listening', resolve))
  const baselineBase = `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}`
  const body = (i: number, pow: { challenge: string; solution: string }) =>
    new URLSearchParams({ ...(letter(i) as unknown as Record<string, string>), publishable: i % 2 === 0 ? 'on' : '', route: 'site', site: 'jyj', pow_challenge: pow.challenge, pow_solution: pow.solution })

  // Proofs of work are solved before timing: in real use the browser pays for them, not the server.
  const proofs = Array.from({ length: LETTERS }, () => {
    const { challenge } = createChallenge(SECRET, { now: clock.now(), bits: POW_BITS, ttlSeconds: 3600 })
    return { challenge, solution: solveChallenge(challenge, POW_BITS) }
  })

  const results: Result[] = []
  results.push(await measure('baseline-http', LETTERS, WRITERS, async (i) => (await fetch(`${baselineBase}/letters`, { method: 'POST', body: body(i, proofs[i]) }).then(async (r) => (await r.text(), r.status))) === 200))
  baselineServer.close()

  const count = async () => (await payload.count({ collection: 'letters' as never, overrideAccess: true })).totalDocs
  const beforeLocal = await count()
  results.push(await measure('local-api', LETTERS, WRITERS, async (i) => Boolean((await submitLetter(payload, { submission: letter(i), route: 'site', siteId: world.educationSite.id, organizationId: world.education.id, clock })).id)))
  const localLost = beforeLocal + results[1].ok - (await count())

  const server = await startServer({ payload, clock, powBits: POW_BITS, rateLimits: false, secret: SECRET })
  const beforeFull = await count()
  results.push(
    await measure('full-http', LETTERS, WRITERS, async (i) => {
      const res = await fetch(`${server.base}/letters`, { method: 'POST', body: body(i, proofs[i]) })
      const html = await res.text()
      return res.status === 200 && /class="code">[A-Z0-9]{12}</.test(html)
    }),
  )
  const fullLost = beforeFull + results[2].ok - (await count())
  await server.close()

  console.log(`\nmachine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
  console.table(results.map((r) => ({ measurement: r.name, 'letters/s': r.perSecond, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max, ok: r.ok, failed: r.failed, seconds: r.seconds })))
  const full = results[2]
  console.log(`full path vs baseline HTTP: ${(full.perSecond / results[0].perSecond * 100).toFixed(1)} % of the bare framework's throughput; vs Local API: ${(full.perSecond / results[1].perSecond * 100).toFixed(1)} %`)
  console.log(`lost letters (acknowledged but not in the database): local-api ${localLost}, full-http ${fullLost}`)
  console.log(`target ≥ 200 letters/s with zero lost: ${full.perSecond >= 200 && fullLost === 0 && localLost === 0 ? 'MET' : 'NOT MET'}`)
  await payload.destroy()
  process.exit(fullLost === 0 && localLost === 0 ? 0 : 1)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
