import { describe, expect, it } from 'vitest'
import { cleanInput, daysAgo, indicator, national } from './fixtures'

const set = national()

describe('letters unanswered more than 3 months (V5.2)', () => {
  it('a letter open 89 days passes, 92 days vetoes with the letter as evidence', () => {
    const input = cleanInput(1)
    input.letters = [{ id: 7, title: '路灯不亮', receivedAt: daysAgo(89), repliedAt: null }]
    expect(indicator(set, 'V5.2', input).status).toBe('pass')
    input.letters = [{ id: 7, title: '路灯不亮', receivedAt: daysAgo(92), repliedAt: null }]
    const result = indicator(set, 'V5.2', input)
    expect(result.status).toBe('fail')
    expect(result.evidence).toEqual([
      {
        key: 'letter:7',
        message: `来信「路灯不亮」自 ${daysAgo(92).slice(0, 10)} 起 92 天未答复`,
        target: { collection: 'letters', id: 7 },
        detail: { receivedAt: daysAgo(92), repliedAt: null, openDays: 92 },
      },
    ])
  })

  it('a letter answered after 95 days also counts; one answered on day 90 does not', () => {
    const input = cleanInput(1)
    input.letters = [{ id: 1, receivedAt: daysAgo(200), repliedAt: daysAgo(110) }]
    expect(indicator(set, 'V5.2', input).status).toBe('pass')
    input.letters = [{ id: 1, receivedAt: daysAgo(200), repliedAt: daysAgo(105) }]
    expect(indicator(set, 'V5.2', input)).toMatchObject({
      status: 'fail',
      evidence: [expect.objectContaining({ detail: expect.objectContaining({ openDays: 95 }) })],
    })
  })

  it('ignores invalid letters and overdue moments more than a year ago', () => {
    const input = cleanInput(1)
    input.letters = [
      { id: 1, receivedAt: daysAgo(200), repliedAt: null, valid: false },
      { id: 2, receivedAt: daysAgo(500), repliedAt: daysAgo(300) }, // overdue on day −410
    ]
    expect(indicator(set, 'V5.2', input).status).toBe('pass')
  })
})

describe('interaction channel (V5.1)', () => {
  it('vetoes when no channel works; not applicable when unknown', () => {
    const input = cleanInput(1)
    input.interactionChannel = { available: false }
    expect(indicator(set, 'V5.1', input)).toMatchObject({ status: 'fail', evidence: [{ key: 'no-channel', target: { collection: 'organizations', id: 1 } }] })
    delete input.interactionChannel
    expect(indicator(set, 'V5.1', input).status).toBe('not-applicable')
  })
})

describe('reply rate and time (D3.2)', () => {
  it('reports reply rate and average reply days; 90 % passes, below fails', () => {
    const input = cleanInput(1)
    input.letters = Array.from({ length: 10 }, (_, i) => ({ id: i, receivedAt: daysAgo(100), repliedAt: i < 9 ? daysAgo(90) : null }))
    const ok = indicator(set, 'D3.2', input)
    expect(ok).toMatchObject({ status: 'pass', points: 0, metrics: { letters: 10, replied: 9, replyRate: 0.9, averageReplyDays: 10 } })
    input.letters[8]!.repliedAt = null
    expect(indicator(set, 'D3.2', input)).toMatchObject({ status: 'fail', points: 2, evidence: [expect.objectContaining({ key: 'reply-rate' })] })
  })

  it('an average of 16 reply days fails, 15 passes; letters within the grace period are not due', () => {
    const input = cleanInput(1)
    input.letters = [{ id: 1, receivedAt: daysAgo(100), repliedAt: daysAgo(85) }]
    expect(indicator(set, 'D3.2', input).status).toBe('pass')
    input.letters = [
      { id: 1, receivedAt: daysAgo(100), repliedAt: daysAgo(84) },
      { id: 2, receivedAt: daysAgo(10), repliedAt: null },
    ]
    expect(indicator(set, 'D3.2', input)).toMatchObject({ status: 'fail', count: 1, metrics: { letters: 1, averageReplyDays: 16 } })
  })
})

describe('reply freshness (D3.1: −3 when no reply for 2 months while letters wait)', () => {
  it('passes at 60 days, fails at 61 with letters waiting, passes with nothing waiting', () => {
    const input = cleanInput(1)
    input.letters = [
      { id: 1, receivedAt: daysAgo(70), repliedAt: daysAgo(60) },
      { id: 2, receivedAt: daysAgo(30), repliedAt: null },
    ]
    expect(indicator(set, 'D3.1', input).points).toBe(0)
    input.letters[0]!.repliedAt = daysAgo(61)
    expect(indicator(set, 'D3.1', input)).toMatchObject({
      status: 'fail',
      points: 3,
      evidence: [expect.objectContaining({ target: { collection: 'letters', id: 2 } })],
    })
    input.letters = [input.letters[0]!]
    expect(indicator(set, 'D3.1', input).points).toBe(0)
  })
})

describe('error reports (D3.3 −3 unresolved, D3.4 −2 resolved after a month)', () => {
  it('unresolved after 30 days costs 3 each; late resolution costs 2 each', () => {
    const input = cleanInput(1)
    input.errorReports = [
      { id: 1, reportedAt: daysAgo(30), resolvedAt: null },
      { id: 2, reportedAt: daysAgo(31), resolvedAt: null },
      { id: 3, reportedAt: daysAgo(100), resolvedAt: daysAgo(70) },
      { id: 4, reportedAt: daysAgo(100), resolvedAt: daysAgo(69) },
      { id: 5, reportedAt: daysAgo(400), resolvedAt: null },
    ]
    const unresolved = indicator(set, 'D3.3', input)
    expect(unresolved).toMatchObject({ status: 'fail', count: 1, points: 3 })
    expect(unresolved.evidence[0]).toMatchObject({ key: 'report:2', target: { collection: 'error-reports', id: 2 } })
    const late = indicator(set, 'D3.4', input)
    expect(late).toMatchObject({ status: 'fail', count: 1, points: 2 })
    expect(late.evidence[0]!.key).toBe('report:4')
  })
})
