/**
 * npm run bench:seed [-- --articles 100000]
 * Seeding throughput (articles/s) and memory on a fresh SQLite database (or DATABASE_URI). The
 * baseline of the same run: the same rows generated without writing them, so the figure separates
 * the database's cost from the generator's on a noisy machine.
 */

import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' } } })
const count = Number(values.articles)
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'))
process.env.DATABASE_URI ||= `file:${path.join(dir, 'bench.db')}`
process.env.JOBS_AUTORUN = 'false'
process.env.PAYLOAD_SECRET ||= 'bench'

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { planPreset, seedArticles, seedStructure } = await import('../../src/seed')
const { seededRandom } = await import('../../src/seed/random')
const { generateText } = await import('../../src/seed/text')

const payload = await getPayload({ config })
const t0 = performance.now()
await seedStructure(payload, planPreset('yulin'))
const structureSeconds = (performance.now() - t0) / 1000

// Baseline: generate the same amount of text without writing.
const rnd = seededRandom(7)
const b0 = performance.now()
for (let i = 0; i < Math.min(count, 50_000); i++)
  generateText('news', rnd, { org: '玉林市发展和改革委员会', short: '发改委', places: ['北流市', '容县'], year: 2025, date: new Date() })
const generatorRate = Math.min(count, 50_000) / ((performance.now() - b0) / 1000)

const samples: Array<{ done: number; rssMB: number; heapMB: number }> = []
let peakRss = 0
const mem = (collect = false) => {
  // With --expose-gc, samples are taken after a full collection so they show live memory, not garbage.
  if (collect) (globalThis as { gc?: () => void }).gc?.()
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  return m
}
const s0 = performance.now()
await seedArticles(payload, {
  count,
  onProgress: (done) => {
    const sample = done % Math.max(1000, Math.floor(count / 10)) === 0 || done === count
    const m = mem(sample)
    if (sample) samples.push({ done, rssMB: Math.round(m.rss / 2 ** 20), heapMB: Math.round(m.heapUsed / 2 ** 20) })
  },
})
const seconds = (performance.now() - s0) / 1000
const rate = count / seconds
console.log(
  JSON.stringify(
    {
      database: process.env.DATABASE_URI!.split(':')[0],
      articles: count,
      structureSeconds: +structureSeconds.toFixed(1),
      seconds: +seconds.toFixed(1),
      articlesPerSecond: Math.round(rate),
      generatorOnlyPerSecond: Math.round(generatorRate),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      samples,
    },
    null,
    2,
  ),
)
console.log(
  `\nseed: ${Math.round(rate)} articles/s (target ≥ 1,000), generator alone ${Math.round(generatorRate)}/s, peak RSS ${Math.round(peakRss / 2 ** 20)} MB`,
)
process.exit(0)
