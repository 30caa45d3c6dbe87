import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeSite } from '../../src/scorecard'
import { AS_OF, cleanInput, indicator, national, probes } from './fixtures'

const set = national()

describe('site availability (V2: ≥ 5 % of probes slow or failing in a week)', () => {
  it('7 bad of 141 (4.96 %) passes, 7 of 140 (5 %) vetoes', () => {
    const input = cleanInput(1)
    input.probes = probes(1, 141, 7)
    expect(indicator(set, 'V2', input)).toMatchObject({ status: 'pass', metrics: { samples: 141, bad: 7 } })
    input.probes = probes(1, 140, 7)
    const result = indicator(set, 'V2', input)
    expect(result).toMatchObject({ status: 'fail', metrics: { samples: 140, bad: 7, badRatio: 0.05 } })
    expect(result.evidence[0]).toMatchObject({ key: 'site:1:availability', target: { collection: 'sites', id: 1 } })
  })

  it('a probe of exactly 15 s is not slow, 15.001 s is; samples outside the week are ignored', () => {
    const input = cleanInput(1)
    const at = (days: number) => new Date(AS_OF.getTime() - days * 86_400_000).toISOString()
    const sample = (days: number, durationMs: number, ok = true) => ({ siteId: 1, url: 'https://x/', at: at(days), ok, status: ok ? 200 : 503, durationMs })
    input.probes = Array.from({ length: 140 }, (_, i) => sample(i / 21, 15_000))
    expect(indicator(set, 'V2', input)).toMatchObject({ status: 'pass', metrics: { samples: 140, bad: 0 } })
    input.probes = Array.from({ length: 140 }, (_, i) => sample(i / 21, 15_001))
    expect(indicator(set, 'V2', input)).toMatchObject({ status: 'fail', metrics: { bad: 140 } })
    input.probes = [...Array.from({ length: 140 }, (_, i) => sample(i / 21, 300)), ...Array.from({ length: 10 }, () => sample(8, 100, false))]
    expect(indicator(set, 'V2', input)).toMatchObject({ status: 'pass', metrics: { samples: 140, bad: 0 } })
  })

  it('is not applicable without probes or with fewer than 140 samples', () => {
    const input = cleanInput(1)
    delete input.probes
    expect(indicator(set, 'V2', input).status).toBe('not-applicable')
    input.probes = probes(1, 139, 0)
    expect(indicator(set, 'V2', input)).toMatchObject({ status: 'not-applicable', reason: 'only 139 probe samples in the last 7 days' })
  })
})

describe('site identity (D4.1 −2 each, D4.2 search −3, D4.3 error-report entry −2)', () => {
  it('passes a complete site and deducts per missing or malformed item', () => {
    const input = cleanInput(1)
    expect(indicator(set, 'D4.1', input).points).toBe(0)
    input.site = { ...input.site!, identificationCode: '450900001', publicSecurity: null, hasSearchBox: false }
    const identity = indicator(set, 'D4.1', input)
    expect(identity).toMatchObject({ count: 2, points: 4 })
    expect(identity.evidence.map((e) => e.key)).toEqual(['site:1:identificationCode', 'site:1:publicSecurity'])
    expect(indicator(set, 'D4.2', input)).toMatchObject({ status: 'fail', points: 3 })
    expect(indicator(set, 'D4.3', input).points).toBe(0)
  })
})

describe('self-probe', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('late'), 500)
      else if (req.url === '/broken') res.writeHead(500).end('no')
      else res.end('<html>首页</html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('records status and time of a good, a failing and a timed-out home page', async () => {
    const good = await probeSite({ id: 1, url: `${base}/` }, { timeoutMs: 2_000 })
    expect(good).toMatchObject({ siteId: 1, ok: true, status: 200 })
    expect(good.durationMs).toBeLessThan(2_000)
    expect(await probeSite({ id: 1, url: `${base}/broken` }, { timeoutMs: 2_000 })).toMatchObject({ ok: false, status: 500 })
    const slow = await probeSite({ id: 1, url: `${base}/slow` }, { timeoutMs: 100 })
    expect(slow).toMatchObject({ ok: false, status: null, error: 'timeout after 100 ms' })
  })

  it('records a refused connection as a failed sample', async () => {
    const sample = await probeSite({ id: 2, url: 'http://127.0.0.1:1/' }, { timeoutMs: 2_000 })
    expect(sample).toMatchObject({ ok: false, status: null })
    expect(sample.error).toBeTruthy()
  })
})
