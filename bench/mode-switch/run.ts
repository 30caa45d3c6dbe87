/**
 * npm run bench:mode-switch [-- --articles 20000]
 * Switches one department with N articles own-site → portal columns → own-site on a fresh SQLite
 * database (or DATABASE_URI) and prints the time of each phase. Target: < 60 s per switch for
 * 20,000 articles. Baseline of the same run: the Local API's cost per article update (what moving
 * the articles one by one through hooks would cost), measured on 100 articles and extrapolated.
 */
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' } } })
const count = Number(values.articles)
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-mode-switch-'))
process.env.DATABASE_URI ||= `file:${path.join(dir, 'bench.db')}`
process.env.SEARCH_INDEX_PATH ||= path.join(dir, 'search.db')
process.env.JOBS_AUTORUN = 'false'
process.env.PAYLOAD_SECRET ||= 'bench'

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { planPreset, seedStructure } = await import('../../src/seed')
const { insertArticles, finishBulkLoad } = await import('../../src/db/bulk')
const { planModeSwitch, switchMode } = await import('../../src/hosting')

const payload = await getPayload({ config })
const seconds = (t0: number) => +((performance.now() - t0) / 1000).toFixed(2)
const t0 = performance.now()
await seedStructure(payload, planPreset('yulin'))
const structureSeconds = seconds(t0)

const [site] = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, overrideAccess: true })).docs
const organization = site.organization as number
const { docs: columns } = await payload.find({ collection: 'columns', where: { site: { equals: site.id } }, depth: 0, pagination: false, overrideAccess: true })
const leaves = columns.filter((c) => !columns.some((o) => o.parent === c.id) && !['services', 'interaction'].includes(String(c.category)))
const orgCode = String((await payload.findByID({ collection: 'organizations', id: organization, depth: 0, overrideAccess: true })).code)
const l0 = performance.now()
for (let i = 0; i < count; i += 1000) {
  const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
    const n = i + j
    const publishedAt = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString()
    return {
      title: `发改委工作动态第 ${n + 1} 期`,
      column: leaves[n % leaves.length].id,
      site: site.id,
      organization,
      state: 'published' as const,
      publishedAt,
      body: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: `正文 ${n}` }] }] } },
      disclosure: { indexNumber: `${orgCode}/2024-${String(n + 1).padStart(5, '0')}` },
    }
  })
  await insertArticles(payload, batch)
}
await finishBulkLoad(payload)
const loadSeconds = seconds(l0)

// Baseline: the Local API path, one update per article (hooks, a new version each).
const sample = (await payload.find({ collection: 'articles', where: { organization: { equals: organization } }, limit: 100, depth: 0, overrideAccess: true }))
  .docs
const b0 = performance.now()
for (const doc of sample)
  await payload.update({ collection: 'articles', id: doc.id, data: { summary: 'baseline' }, overrideAccess: true, context: { skipAudit: true } })
const localApiMsPerArticle = (performance.now() - b0) / sample.length

async function run(label: string, options: Parameters<typeof planModeSwitch>[1]) {
  const p0 = performance.now()
  const plan = await planModeSwitch(payload, options)
  if (!plan.ok) throw new Error(plan.refusals.map((r) => r.en).join('; '))
  const planSeconds = seconds(p0)
  const bar = new cliProgress.SingleBar({ format: ` ${label.padEnd(24)} [{bar}] {percentage}% {step}`, hideCursor: true }, cliProgress.Presets.shades_classic)
  bar.start(10, 0, { step: '' })
  const result = await switchMode(payload, plan, { onProgress: (done, _total, step) => bar.update(done, { step }) })
  bar.stop()
  const moved = (
    await payload.count({
      collection: 'articles',
      where: { and: [{ organization: { equals: organization } }, { site: { equals: result.targetSiteId } }] },
      overrideAccess: true,
    })
  ).totalDocs
  if (moved !== plan.counts.articles) throw new Error(`read back ${moved} articles on the target site, expected ${plan.counts.articles}`)
  return {
    articles: plan.counts.articles,
    columns: plan.counts.columns,
    planSeconds,
    transactionSeconds: +result.seconds.transaction.toFixed(2),
    reindexSeconds: +result.seconds.reindex.toFixed(2),
    switchSeconds: +(planSeconds + result.seconds.transaction).toFixed(2),
    totalWithReindexSeconds: +(planSeconds + result.seconds.total).toFixed(2),
    reindexed: result.reindexed,
  }
}

const intoColumns = await run('own-site → portal-columns', { organization, to: 'portal-columns' })
const outToOwn = await run('portal-columns → own-site', { organization, to: 'own-site', site: { code: 'fgw' } })
console.log(
  JSON.stringify(
    {
      database: process.env.DATABASE_URI!.split(':')[0],
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      articles: count,
      structureSeconds,
      loadSeconds,
      baseline: {
        localApiMsPerArticle: +localApiMsPerArticle.toFixed(1),
        extrapolatedSecondsFor: { articles: count, seconds: +((localApiMsPerArticle * count) / 1000).toFixed(0) },
      },
      intoColumns,
      outToOwn,
      target: '< 60 s per switch (preview + transaction; the search reindex follows after the commit)',
      pass: intoColumns.switchSeconds < 60 && outToOwn.switchSeconds < 60,
      passIncludingReindex: intoColumns.totalWithReindexSeconds < 60 && outToOwn.totalWithReindexSeconds < 60,
    },
    null,
    2,
  ),
)
await payload.destroy()
process.exit(0)
