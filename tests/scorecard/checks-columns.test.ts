import { describe, expect, it } from 'vitest'
import { cleanInput, column, daysAgo, indicator, national } from './fixtures'

const set = national()

describe('homepage freshness (V3, 2 weeks)', () => {
  it('passes at 13 days and fails at 15 days, with the column and date as evidence', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', 13, { onHomepage: true }), column(12, 'news', 1)]
    expect(indicator(set, 'V3', input).status).toBe('pass')
    input.columns = [column(11, 'news', 15, { onHomepage: true }), column(12, 'news', 1)]
    const result = indicator(set, 'V3', input)
    expect(result.status).toBe('fail')
    expect(result.evidence).toEqual([
      expect.objectContaining({ key: 'homepage', target: { collection: 'columns', id: 11 }, detail: { latestPublishedAt: daysAgo(15), maxAgeDays: 14 } }),
    ])
    expect(result.evidence[0]!.message).toContain('15 天')
  })

  it('uses all owned columns when the home page is navigation only', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', 20), column(12, 'policy', 5)]
    expect(indicator(set, 'V3', input).status).toBe('pass')
    input.columns = [column(11, 'news', 20), column(12, 'policy', 16)]
    expect(indicator(set, 'V3', input).status).toBe('fail')
  })

  it('fails a unit with no dated content and is not applicable without column data', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', null)]
    expect(indicator(set, 'V3', input).status).toBe('fail')
    delete input.columns
    expect(indicator(set, 'V3', input)).toMatchObject({ status: 'not-applicable', reason: 'no column data' })
  })

  it('reports a bad date with where it is', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', 1, { latestPublishedAt: 'yesterday' })]
    expect(() => indicator(set, 'V3', input)).toThrow('columns[0].latestPublishedAt: not a valid date: "yesterday"')
  })
})

describe('column freshness (V4.1: ≥ 5 stale news/notice/policy columns)', () => {
  it('a news column 13 days old is fresh and 15 days old is stale', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', 13)]
    expect(indicator(set, 'V4.1', input).count).toBe(0)
    input.columns = [column(11, 'news', 15)]
    const result = indicator(set, 'V4.1', input)
    expect(result.count).toBe(1)
    expect(result.status).toBe('pass') // one stale column is below the veto threshold
    expect(result.evidence[0]).toMatchObject({ key: 'column:11', target: { collection: 'columns', id: 11 }, detail: { staleDays: 15, maxAgeDays: 14 } })
  })

  it('notices and policy columns have 6 months (183 days)', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'notices', 183), column(12, 'policy', 182)]
    expect(indicator(set, 'V4.1', input).count).toBe(0)
    input.columns = [column(11, 'notices', 184), column(12, 'policy', 190)]
    expect(indicator(set, 'V4.1', input).count).toBe(2)
  })

  it('4 stale columns pass and 5 veto', () => {
    const input = cleanInput(1)
    input.columns = [1, 2, 3, 4].map((i) => column(i, 'news', 30))
    expect(indicator(set, 'V4.1', input).status).toBe('pass')
    input.columns.push(column(5, 'policy', 200))
    const result = indicator(set, 'V4.1', input)
    expect(result).toMatchObject({ status: 'fail', count: 5 })
    expect(result.evidence.map((e) => e.key)).toEqual(['column:1', 'column:2', 'column:3', 'column:4', 'column:5'])
  })

  it('a column whose items are all undated counts as stale; blank columns do not', () => {
    const input = cleanInput(1)
    input.columns = [column(11, 'news', null, { itemCount: 3, undatedCount: 3 }), column(12, 'news', null)]
    const result = indicator(set, 'V4.1', input)
    expect(result.count).toBe(1)
    expect(result.evidence[0]!.key).toBe('column:11')
  })
})

describe('long-stale columns (V4.2: ≥ 10 profile/personnel/plans columns older than a year)', () => {
  it('365 days passes, 366 is stale; 9 stale pass and 10 veto', () => {
    const input = cleanInput(1)
    input.columns = [column(1, 'profile', 365)]
    expect(indicator(set, 'V4.2', input).count).toBe(0)
    input.columns = Array.from({ length: 9 }, (_, i) => column(i + 1, i % 2 ? 'plans' : 'personnel', 366))
    expect(indicator(set, 'V4.2', input)).toMatchObject({ status: 'pass', count: 9 })
    input.columns.push(column(10, 'profile', 400))
    expect(indicator(set, 'V4.2', input)).toMatchObject({ status: 'fail', count: 10 })
  })
})

describe('blank columns (V4.3: ≥ 5 veto)', () => {
  it('4 blank columns pass, 5 veto; interaction and service columns are excluded', () => {
    const input = cleanInput(1)
    input.columns = [column(1, 'news', 1), ...[2, 3, 4, 5].map((i) => column(i, 'other', null)), column(6, 'interaction', null), column(7, 'services', null)]
    expect(indicator(set, 'V4.3', input)).toMatchObject({ status: 'pass', count: 4 })
    input.columns.push(column(8, 'profile', null))
    const result = indicator(set, 'V4.3', input)
    expect(result).toMatchObject({ status: 'fail', count: 5 })
    expect(result.evidence.at(-1)).toMatchObject({ key: 'column:8', target: { collection: 'columns', id: 8 } })
  })
})

describe('undated items (D1.3: −1 each, at most −5)', () => {
  it('deducts per undated item with the column as evidence, capped', () => {
    const input = cleanInput(1)
    input.columns = [column(1, 'news', 1, { undatedCount: 0 })]
    expect(indicator(set, 'D1.3', input)).toMatchObject({ status: 'pass', points: 0 })
    input.columns = [column(1, 'news', 1, { undatedCount: 2 })]
    expect(indicator(set, 'D1.3', input)).toMatchObject({ status: 'fail', count: 2, points: 2 })
    input.columns.push(column(2, 'notices', 1, { undatedCount: 7 }))
    const result = indicator(set, 'D1.3', input)
    expect(result).toMatchObject({ count: 9, points: 5 })
    expect(result.evidence[1]).toMatchObject({ key: 'column:2', detail: { undatedCount: 7 } })
  })
})

describe('policy column deduction (D1.1: −5 per policy column stale 6 months)', () => {
  it('deducts 5 per stale policy column, capped at 10', () => {
    const input = cleanInput(1)
    input.columns = [column(1, 'policy', 184)]
    expect(indicator(set, 'D1.1', input).points).toBe(5)
    input.columns.push(column(2, 'policy', 300), column(3, 'policy', 365))
    expect(indicator(set, 'D1.1', input).points).toBe(10)
  })
})
