import { describe, expect, it } from 'vitest'
import { cleanInput, COMPLETE_ELEMENTS, daysAgo, indicator, national } from './fixtures'

const set = national()
const guide = (id: number, missing: string[], onlineAvailable = true) => ({
  id,
  title: `指南${id}`,
  onlineAvailable,
  elements: Object.fromEntries(Object.keys(COMPLETE_ELEMENTS).map((k) => [k, !missing.includes(k)])),
})

describe('service guide elements (D2.1: −2 per missing element, at most −16)', () => {
  it('a complete guide loses nothing; a guide missing 3 elements loses 6 points', () => {
    const input = cleanInput(1)
    input.serviceGuides = [guide(1, [])]
    expect(indicator(set, 'D2.1', input)).toMatchObject({ status: 'pass', points: 0 })
    input.serviceGuides = [guide(1, []), guide(2, ['legalBasis', 'hours', 'phone'])]
    const result = indicator(set, 'D2.1', input)
    expect(result).toMatchObject({ status: 'fail', count: 3, points: 6 })
    expect(result.evidence).toEqual([
      {
        key: 'guide:2',
        message: '办事指南「指南2」缺少要素：设定依据、办理时间、咨询电话',
        target: { collection: 'service-guides', id: 2 },
        detail: { missing: 'legalBasis,hours,phone', missingCount: 3 },
      },
    ])
  })

  it('caps at 16 points over all guides', () => {
    const input = cleanInput(1)
    input.serviceGuides = [guide(1, ['place', 'hours', 'phone', 'process', 'materials']), guide(2, ['place', 'hours', 'phone', 'process'])]
    expect(indicator(set, 'D2.1', input)).toMatchObject({ count: 9, points: 16 })
  })

  it('is not applicable without guide data', () => {
    const input = cleanInput(1)
    delete input.serviceGuides
    expect(indicator(set, 'D2.1', input).status).toBe('not-applicable')
  })
})

describe('services not usable (V6)', () => {
  it('vetoes a unit with no online service', () => {
    const input = cleanInput(1)
    input.serviceGuides = []
    expect(indicator(set, 'V6', input)).toMatchObject({ status: 'fail', evidence: [expect.objectContaining({ key: 'no-online-services' })] })
    input.serviceGuides = [guide(1, [], false)]
    expect(indicator(set, 'V6', input).status).toBe('fail')
  })

  it('half the guides incomplete passes, more than half vetoes (cut-off is a parameter)', () => {
    const input = cleanInput(1)
    input.serviceGuides = [guide(1, []), guide(2, ['phone'])]
    expect(indicator(set, 'V6', input)).toMatchObject({ status: 'pass', metrics: { incompleteRatio: 0.5 } })
    input.serviceGuides.push(guide(3, ['place']))
    expect(indicator(set, 'V6', input)).toMatchObject({ status: 'fail', evidence: [expect.objectContaining({ key: 'incomplete-guides' })] })
  })
})

describe('service statistics (D2.2: −2 when not updated for 3 months)', () => {
  it('92 days passes, 93 fails, never published fails, unknown is not applicable', () => {
    const input = cleanInput(1)
    input.serviceStatisticsUpdatedAt = daysAgo(92)
    expect(indicator(set, 'D2.2', input).points).toBe(0)
    input.serviceStatisticsUpdatedAt = daysAgo(93)
    expect(indicator(set, 'D2.2', input)).toMatchObject({ status: 'fail', points: 2 })
    input.serviceStatisticsUpdatedAt = null
    expect(indicator(set, 'D2.2', input)).toMatchObject({ status: 'fail', points: 2 })
    delete input.serviceStatisticsUpdatedAt
    expect(indicator(set, 'D2.2', input).status).toBe('not-applicable')
  })
})
