import { describe, expect, it } from 'vitest'
import {
  BUILT_IN_SET_DATA,
  builtInIndicatorSet,
  contentHash,
  IndicatorSetError,
  loadIndicatorSet,
  SHIPPED_HASHES,
  shippedSetsChangedWithoutNewVersion,
} from '../../src/scorecard'

const national = () => structuredClone(BUILT_IN_SET_DATA['national-2019']) as any

function problemsOf(data: unknown): string[] {
  try {
    loadIndicatorSet(data)
  } catch (error) {
    expect(error).toBeInstanceOf(IndicatorSetError)
    return (error as IndicatorSetError).problems
  }
  throw new Error('the set was accepted')
}

describe('indicator sets', () => {
  it('records the content of every shipped set version, so an edit without a new version is caught', () => {
    for (const data of Object.values(BUILT_IN_SET_DATA)) {
      const label = `${data.code}@${data.version}`
      expect(SHIPPED_HASHES[label], `${label}: record contentHash(data) in shipped-hashes.json`).toBe(contentHash(data))
    }
    expect(shippedSetsChangedWithoutNewVersion()).toEqual([])
  })

  it('refuses a shipped set whose content changed while its version did not, and accepts it with a new version', () => {
    const edited = national()
    edited.indicators[0].name = `${edited.indicators[0].name}（修订）`
    const [problem] = shippedSetsChangedWithoutNewVersion({ 'national-2019': edited })
    expect(problem).toBeInstanceOf(IndicatorSetError)
    expect(problem.setLabel).toBe('national-2019@2019.1')
    expect(problem.message).toMatch(/Raise "version"/)
    expect(shippedSetsChangedWithoutNewVersion({ 'national-2019': { ...edited, version: '2019.2' } })).toEqual([])
    // Key order is not content: a database that reorders JSON keys stores the same set.
    const reordered = Object.fromEntries(Object.entries(national()).reverse())
    expect(contentHash(reordered)).toBe(contentHash(national()))
  })

  it('ships the national 2019 set with veto items 1–6 and four areas of deductions', () => {
    const set = builtInIndicatorSet('national-2019')
    expect(set.version).toBe('2019.1')
    const vetoItems = new Set(set.indicators.filter((i) => i.group === 'veto').map((i) => i.vetoItem))
    expect([...vetoItems].sort()).toEqual([1, 2, 3, 4, 5, 6])
    const areas = new Set(set.indicators.filter((i) => i.group === 'deduction').map((i) => i.area))
    expect(areas).toEqual(new Set(['publishing', 'services', 'interaction', 'functional']))
    const guides = set.indicators.find((i) => i.code === 'D2.1')!
    expect(guides.points).toEqual({ perItem: 2, cap: 16 })
    // every indicator names a check that exists or is manual
    for (const i of set.indicators) expect(['check', 'manual']).toContain(i.measure.kind)
  })

  it('ships the Yulin public-rating set with 10 weighted indicators of 10 points', () => {
    const set = builtInIndicatorSet('yulin-public-rating')
    expect(set.indicators).toHaveLength(10)
    expect(set.indicators.map((i) => i.name)).toContain('服务态度')
    expect(set.indicators.every((i) => i.points?.max === 10)).toBe(true)
  })

  it('rejects an unknown check by name, listing the known ones', () => {
    const data = national()
    data.indicators[0].measure.check = 'no-such-check'
    const [problem] = problemsOf(data)
    expect(problem).toMatch(/^indicators\.0 \(V1\.1\)\.measure\.check: unknown check "no-such-check" \(known: .*homepage-freshness/)
  })

  it('rejects bad check parameters with their path', () => {
    const data = national()
    const v3 = data.indicators.find((i: any) => i.code === 'V3')
    v3.measure.params.maxAgeDays = -1
    expect(problemsOf(data).join('\n')).toMatch(/\(V3\)\.measure\.params\.maxAgeDays: .*/)
    v3.measure.params = {}
    expect(problemsOf(data).join('\n')).toMatch(/\(V3\)\.measure\.params\.maxAgeDays/)
  })

  it('rejects an unknown column category in freshness limits', () => {
    const data = national()
    data.indicators.find((i: any) => i.code === 'V4.1').measure.params.maxAgeDays = { gossip: 3 }
    expect(problemsOf(data).join('\n')).toMatch(/\(V4\.1\)\.measure\.params\.maxAgeDays/)
  })

  it('rejects duplicate codes, points on vetoes, deductions without points and a missing version', () => {
    const data = national()
    data.indicators[1].code = data.indicators[0].code
    data.indicators[2].points = { perItem: 1 }
    delete data.indicators.find((i: any) => i.code === 'D1.1').points
    const problems = problemsOf(data).join('\n')
    expect(problems).toMatch(/indicators\.1\.code: duplicate code V1\.1/)
    expect(problems).toMatch(/indicators\.2\.points: a veto indicator carries no points/)
    expect(problems).toMatch(/points: a deduction needs points\.perItem or points\.fixed/)
    const unversioned = national()
    delete unversioned.version
    expect(problemsOf(unversioned)).toEqual(['version: Invalid input: expected string, received undefined'])
  })

  it('rejects a bad group, a bad area and unknown fields', () => {
    const data = national()
    data.indicators[0].group = 'maybe'
    data.indicators[1].area = 'elsewhere'
    data.indicators[2].colour = 'red'
    const problems = problemsOf(data).join('\n')
    expect(problems).toMatch(/indicators\.0\.group/)
    expect(problems).toMatch(/indicators\.1\.area/)
    expect(problems).toMatch(/indicators\.2: .*colour/)
  })

  it('rejects a weighted set without points.max and a non-object', () => {
    const data = structuredClone(BUILT_IN_SET_DATA['yulin-public-rating']) as any
    delete data.indicators[3].points
    expect(problemsOf(data).join('\n')).toMatch(/indicators\.3\.points: a weighted set needs points\.max/)
    expect(problemsOf('nope')[0]).toMatch(/^\(set\): /)
  })
})
