import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activeIndicatorSet,
  columnAggregates,
  executeEvaluationRun,
  gatherInputs,
  probeUrl,
  runSiteProbe,
  gatherConfig,
  scanDatabaseArticles,
  serializeScanState,
} from '../../src/scorecard'
import { bootPayload } from '../helpers/payload'

/** The seeded Yulin preset: a fresh install must not show a failing city. */
let payload: Payload
beforeAll(async () => {
  payload = await bootPayload('scorecard-yulin', { seeded: true })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the seeded Yulin preset', () => {
  it('passes every veto item in every unit', async () => {
    const run = (await payload.create({
      collection: 'evaluation-runs' as never,
      data: { title: '初始化检查', scope: 'all' } as never,
      overrideAccess: true,
      context: { scorecardNoQueue: true },
    })) as { id: number }
    const started = Date.now()
    await executeEvaluationRun(payload, run.id)
    const took = Date.now() - started
    const { docs } = await payload.find({
      collection: 'evaluation-results' as never,
      where: { run: { equals: run.id } },
      limit: 1000,
      depth: 0,
      overrideAccess: true,
    })
    const organizations = await payload.count({ collection: 'organizations', overrideAccess: true })
    expect(docs.length).toBe(organizations.totalDocs)
    const vetoed = (docs as any[]).filter((d) => d.vetoCodes).map((d) => `${d.organizationName}: ${d.vetoCodes}`)
    expect(vetoed).toEqual([])
    expect((docs as any[]).every((d) => d.status === 'pass')).toBe(true)
    console.log(
      `Yulin run: ${docs.length} units in ${took} ms, totals ${Math.min(...(docs as any[]).map((d) => d.total))}–${Math.max(...(docs as any[]).map((d) => d.total))}`,
    )
  })

  it('computes the same column aggregates with SQL as with the Local API', async () => {
    const { docs: columns } = await payload.find({
      collection: 'columns',
      where: { site: { in: [1, 2, 3] } },
      limit: 200,
      depth: 0,
      overrideAccess: true,
      select: { id: true } as never,
    })
    const ids = columns.map((c) => (c as { id: number }).id)
    expect(ids.length).toBeGreaterThan(20)
    // A withdrawn article and a scheduled one must be left out by both paths.
    const [first] = (await payload.find({ collection: 'articles', where: { column: { in: ids } }, limit: 2, depth: 0, overrideAccess: true })).docs
    await payload.update({ collection: 'articles', id: first!.id, data: { state: 'withdrawn' } as never, overrideAccess: true })
    const asOf = new Date()
    const viaSql = await columnAggregates(payload, ids, asOf, { mode: 'sql' })
    const viaApi = await columnAggregates(payload, ids, asOf, { mode: 'local-api' })
    expect([...viaSql]).toEqual([...viaApi])
    expect([...viaSql.values()].reduce((n, a) => n + a.itemCount, 0)).toBeGreaterThan(0)
  })
})

describe('the direct SQL reads', () => {
  it('gather the same inputs and text findings as the Local API', async () => {
    const asOf = new Date()
    const viaSql = await gatherInputs(payload, { asOf, aggregates: 'sql' })
    const viaApi = await gatherInputs(payload, { asOf, aggregates: 'local-api' })
    expect(viaSql.inputs).toEqual(viaApi.inputs)
    const set = (await activeIndicatorSet(payload))!
    const options = { asOf, full: true, pageSize: 500 }
    const sqlScan = await scanDatabaseArticles(payload, set, viaSql.structure, null, { ...options, mode: 'sql' })
    const apiScan = await scanDatabaseArticles(payload, set, viaSql.structure, null, { ...options, mode: 'local-api' })
    expect(serializeScanState(sqlScan)).toEqual(serializeScanState(apiScan))
  })
})

describe('the site probe', () => {
  it('requests each site through the local server and stores status, time and page features', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/s/fgw/') return void res.writeHead(503).end('down')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<form class="search-form" role="search"></form><a href="/error-report">我为政府网站找错</a>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const { docs: sites } = await payload.find({ collection: 'sites', where: { code: { in: ['www', 'fgw', 'rsj'] } }, depth: 0, overrideAccess: true })
      const samples = await runSiteProbe(payload, { baseUrl: base, siteIds: sites.map((s) => s.id) })
      expect(samples).toHaveLength(3)
      const stored = (await payload.find({ collection: 'probe-samples' as never, depth: 0, overrideAccess: true, limit: 10 })).docs as any[]
      const fgw = sites.find((s) => s.code === 'fgw')!
      expect(stored.find((s) => s.site === fgw.id)).toMatchObject({ ok: false, status: 503, url: `${base}/s/fgw/` })
      expect(stored.filter((s) => s.ok)).toHaveLength(2)
      expect(stored.filter((s) => s.ok).every((s) => s.searchBox === true && s.errorReportEntry === true)).toBe(true)
    } finally {
      server.close()
    }
  })

  it('runs as the siteProbe job, and refuses to probe hosts that are not loopback or configured', async () => {
    const config = gatherConfig.probe
    expect(() => probeUrl({ code: 'www', domains: [] }, 'http://10.0.0.8:3000', config)).toThrow(/not in probe.allowedHosts/)
    expect(() => probeUrl({ code: 'www', domains: [] }, 'file:///etc/passwd', config)).toThrow(/http\(s\)/)
    expect(probeUrl({ code: 'www', domains: ['www.yulin.gov.cn'] }, 'http://127.0.0.1:3000', config)).toBe('http://127.0.0.1:3000/s/www/')
    const { docs: sites } = await payload.find({ collection: 'sites', where: { code: { equals: 'www' } }, depth: 0, overrideAccess: true })
    process.env[config.baseUrlEnv] = 'http://127.0.0.1:9' // nothing listens there: a failed sample
    await payload.jobs.queue({ task: 'siteProbe' as never, input: { siteIds: [sites[0]!.id] } as never })
    await payload.jobs.run({ queue: 'default' })
    const stored = (
      await payload.find({ collection: 'probe-samples' as never, where: { url: { equals: 'http://127.0.0.1:9/s/www/' } }, depth: 0, overrideAccess: true })
    ).docs as any[]
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ ok: false, status: null })
  })
})
