import { describe, expect, it } from 'vitest'
import {
  builtInIndicatorSet,
  deriveRectificationItems,
  evaluateRun,
  ManualEntryError,
  rankResults,
  reconcileRectification,
  type OrganizationResult,
} from '../../src/scorecard'
import { AS_OF, cleanInput, daysAgo, fullScan, national } from './fixtures'
import { syntheticGroup } from './group'

const set = national()

function run() {
  const { inputs, articles } = syntheticGroup()
  return { inputs, result: evaluateRun(set, inputs, { asOf: AS_OF, scan: fullScan(set, articles) }) }
}

const byName = (results: OrganizationResult[], name: string) => results.find((r) => r.organization.name === name)!
const failing = (r: OrganizationResult) => r.indicators.filter((i) => i.status === 'fail').map((i) => i.code)

describe('a run over a small synthetic group', () => {
  it('scores the clean unit 100 with nothing failing', () => {
    const a = byName(run().result.results, '甲局')
    expect(a).toMatchObject({ status: 'pass', passed: true, vetoCodes: [], baseScore: 100, bonus: 0, total: 100 })
    expect(failing(a)).toEqual([])
    // manual indicators without an entry are pending, never guessed
    expect(a.indicators.filter((i) => i.status === 'not-applicable').map((i) => i.code)).toEqual(['V1.4', 'D4.6', 'B1', 'B2', 'B3'])
  })

  it('vetoes the unit that trips every veto item, with evidence for each', () => {
    const b = byName(run().result.results, '乙局')
    expect(b.vetoCodes).toEqual(['V1.1', 'V1.2', 'V1.3', 'V1.4', 'V2', 'V3', 'V4.1', 'V4.2', 'V4.3', 'V5.1', 'V5.2', 'V6'])
    expect(b).toMatchObject({ status: 'vetoed', passed: false })
    expect(b.areaDeductions).toEqual({ publishing: 8, services: 0, interaction: 5, functional: 0 })
    expect(b.total).toBe(87)
    const evidence = Object.fromEntries(b.indicators.map((i) => [i.code, i.evidence.map((e) => `${e.target.collection}:${e.target.id}`)]))
    expect(evidence['V1.1']).toEqual(['articles:2001'])
    expect(evidence['V1.2']).toEqual(['articles:2002'])
    expect(evidence['V1.3']).toEqual(['articles:2003'])
    expect(evidence['V1.4']).toEqual(['organizations:2'])
    expect(evidence['V2']).toEqual(['sites:2'])
    expect(evidence['V4.1']).toEqual(['columns:201', 'columns:202', 'columns:203', 'columns:204', 'columns:205'])
    expect(evidence['V4.3']).toEqual(['columns:221', 'columns:222', 'columns:223', 'columns:224', 'columns:225'])
    expect(evidence['V5.2']).toEqual(['letters:201'])
    expect(evidence['V4.2']).toHaveLength(10)
  })

  it('deducts exactly what the unit with problems earned', () => {
    const c = byName(run().result.results, '丙局')
    expect(failing(c)).toEqual(['D1.1', 'D2.1', 'D3.3', 'D4.2', 'D4.5'])
    expect(c.areaDeductions).toEqual({ publishing: 5, services: 6, interaction: 3, functional: 3.4 })
    expect(c).toMatchObject({ status: 'pass', baseScore: 82.6, bonus: 0, total: 82.6 })
  })

  it('gives an eligible portal its bonus, and no bonus below 80 or to a department', () => {
    const { results } = run().result
    expect(byName(results, '玉林市人民政府')).toMatchObject({ baseScore: 100, bonus: 13, total: 113 })
    const e = byName(results, '某县人民政府')
    expect(e.areaDeductions).toEqual({ publishing: 19, services: 16, interaction: 8, functional: 11 })
    expect(e).toMatchObject({ status: 'fail', passed: false, baseScore: 46, bonus: 0, total: 46, vetoCodes: [] })
  })

  it('ranks by total with vetoed units last, and within a kind', () => {
    const { results } = run().result
    expect(rankResults(results).map((r) => [r.rank, r.result.organization.name])).toEqual([
      [1, '玉林市人民政府'],
      [2, '甲局'],
      [3, '丙局'],
      [4, '某县人民政府'],
      [5, '乙局'],
    ])
    expect(rankResults(results, { kinds: ['department'] }).map((r) => [r.rank, r.result.organization.name])).toEqual([
      [1, '甲局'],
      [2, '丙局'],
      [3, '乙局'],
    ])
  })

  it('gives tied units the same rank and skips the next', () => {
    const inputs = [cleanInput(1, '甲局'), cleanInput(2, '乙局'), cleanInput(3, '丙局')]
    inputs[2]!.site!.hasSearchBox = false
    const ranked = rankResults(evaluateRun(set, inputs, { asOf: AS_OF }).results)
    expect(ranked.map((r) => [r.rank, r.result.total])).toEqual([
      [1, 100],
      [1, 100],
      [3, 97],
    ])
  })

  it('records the set version and scan time; without a scan text indicators are not applicable', () => {
    const { inputs } = syntheticGroup()
    const noScan = evaluateRun(set, inputs, { asOf: AS_OF })
    expect(noScan).toMatchObject({ setCode: 'national-2019', setVersion: '2019.1', asOf: AS_OF.toISOString(), textScanAt: null })
    expect(byName(noScan.results, '乙局').indicators.find((i) => i.code === 'V1.1')!.status).toBe('not-applicable')
    expect(run().result.textScanAt).toBe(AS_OF.toISOString())
  })

  it('rejects manual entries without a reason or out of range', () => {
    const input = cleanInput(1)
    input.manualEntries = [{ indicatorCode: 'B1', points: 3, reason: ' ' }]
    expect(() => evaluateRun(set, [input], { asOf: AS_OF })).toThrow(new ManualEntryError('manual entry B1 for organization 1: a reason is required'))
    input.manualEntries = [{ indicatorCode: 'B1', points: 11, reason: '创新' }]
    expect(() => evaluateRun(set, [input], { asOf: AS_OF })).toThrow('manual entry B1 for organization 1: points must be between 0 and 10, got 11')
    input.manualEntries = [{ indicatorCode: 'V1.4', points: 0.5, reason: '存疑' }]
    expect(() => evaluateRun(set, [input], { asOf: AS_OF })).toThrow('veto entries are 0 or 1')
  })
})

describe('rectification list (整改清单)', () => {
  it('lists every failing piece of evidence with a deadline', () => {
    const { result } = run()
    const items = deriveRectificationItems(result, set).filter((item) => item.organizationId === 3)
    expect(items.map((item) => item.key)).toEqual([
      '3|D1.1|column:303',
      '3|D2.1|guide:301',
      '3|D3.3|report:301',
      '3|D4.2|site:3:searchBox',
      '3|D4.5|article:3001',
    ])
    expect(items[0]).toMatchObject({
      status: 'open',
      openedAt: AS_OF.toISOString(),
      deadline: '2024-07-30T00:00:00.000Z',
      target: { collection: 'columns', id: 303 },
    })
  })

  it('closes the item of a fixed stale column on the next run and keeps the rest open', () => {
    const { inputs, articles } = syntheticGroup()
    const first = evaluateRun(set, inputs, { asOf: AS_OF, scan: fullScan(set, articles) })
    const items = deriveRectificationItems(first, set)
    inputs[2]!.columns!.find((col) => col.id === 303)!.latestPublishedAt = daysAgo(1)
    const later = new Date(AS_OF.getTime() + 86_400_000)
    // second run without a text scan: the alt-text item cannot be verified and stays open
    const second = evaluateRun(set, [inputs[2]!], { asOf: later })
    const update = reconcileRectification(items, second, set)
    expect(update.closed.map((item) => item.key)).toEqual(['3|D1.1|column:303'])
    expect(update.closed[0]).toMatchObject({ status: 'closed', closedAt: later.toISOString() })
    expect(update.opened).toEqual([])
    const openOfC = update.open.filter((item) => item.organizationId === 3).map((item) => item.key)
    expect(openOfC).toEqual(['3|D2.1|guide:301', '3|D3.3|report:301', '3|D4.2|site:3:searchBox', '3|D4.5|article:3001'])
    // units not in this run keep their open items
    expect(update.open.filter((item) => item.organizationId === 2).length).toBe(items.filter((item) => item.organizationId === 2).length)
  })

  it('opens new items when a new problem appears', () => {
    const input = cleanInput(1)
    const first = evaluateRun(set, [input], { asOf: AS_OF })
    input.site!.hasSearchBox = false
    const update = reconcileRectification(deriveRectificationItems(first, set), evaluateRun(set, [input], { asOf: AS_OF }), set)
    expect(update.opened.map((item) => item.key)).toEqual(['1|D4.2|site:1:searchBox'])
  })
})

describe('Yulin public rating set', () => {
  const rating = builtInIndicatorSet('yulin-public-rating')
  it('earns each indicator’s share of 10 points and is not applicable without votes', () => {
    const input = cleanInput(1)
    input.publicRatings = [
      { indicator: 'attitude', average: 4.5, votes: 30 },
      { indicator: 'efficiency', average: 2.5, votes: 30 },
      { indicator: 'openness', average: 4, votes: 9 },
    ]
    const [result] = evaluateRun(rating, [input], { asOf: AS_OF }).results
    expect(result!.indicators.filter((i) => i.status !== 'not-applicable').map((i) => [i.name, i.status, i.points])).toEqual([
      ['服务态度', 'pass', 9],
      ['办事效率', 'fail', 5],
    ])
    expect(result).toMatchObject({ baseScore: 70, total: 70, status: 'pass' })
    input.publicRatings = []
    expect(evaluateRun(rating, [input], { asOf: AS_OF }).results[0]).toMatchObject({ status: 'not-applicable', total: null })
  })

  it('rejects an average outside the scale', () => {
    const input = cleanInput(1)
    input.publicRatings = [{ indicator: 'attitude', average: 6, votes: 30 }]
    expect(() => evaluateRun(rating, [input], { asOf: AS_OF })).toThrow('public rating attitude: average 6 is outside 0…5')
  })
})
