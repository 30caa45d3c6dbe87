import { describe, expect, it } from 'vitest'
import {
  aggregateRatings,
  checkScores,
  normalizeAddress,
  quarterOfMonth,
  ratingIndicators,
  ratingVisitorKey,
  readRatedCookie,
  writeRatedCookie,
  yearOfMonth,
} from '../../src/interaction'

const SECRET = 'rating-secret-0123456789'
const allScores = (value: number) => Object.fromEntries(ratingIndicators.map((i) => [i.key, value]))

describe('public ratings', () => {
  it('has the 10 indicators', () => {
    expect(ratingIndicators).toHaveLength(10)
    expect(new Set(ratingIndicators.map((i) => i.key)).size).toBe(10)
  })

  it('checks scores: all 10 indicators, integers 1–5, nothing else', () => {
    expect(checkScores(allScores(5))).toMatchObject({ ok: true })
    expect(checkScores(Object.fromEntries(ratingIndicators.map((i) => [i.key, '3'])))).toMatchObject({ ok: true, scores: allScores(3) })
    expect(checkScores({ ...allScores(5), attitude: 6 })).toMatchObject({ ok: false, errors: [expect.stringContaining('服务态度')] })
    expect(checkScores({ ...allScores(5), attitude: 2.5 })).toMatchObject({ ok: false })
    expect(checkScores({ ...allScores(5), hacked: 5 })).toMatchObject({ ok: false, errors: [expect.stringContaining('unknown indicator')] })
    const { attitude: _omit, ...missing } = allScores(4)
    expect(checkScores(missing)).toMatchObject({ ok: false })
    expect(checkScores(null)).toMatchObject({ ok: false })
    expect(checkScores([1, 2])).toMatchObject({ ok: false })
  })

  it('the visitor key is the same for a repeat and differs per unit and month', () => {
    const base = { address: '203.0.113.9', userAgent: 'Mozilla/5.0', organization: 7, period: '2025-04' }
    const key = ratingVisitorKey(SECRET, base)
    expect(ratingVisitorKey(SECRET, { ...base })).toBe(key)
    expect(ratingVisitorKey(SECRET, { ...base, address: '::ffff:203.0.113.9' })).toBe(key)
    expect(ratingVisitorKey(SECRET, { ...base, organization: 8 })).not.toBe(key)
    expect(ratingVisitorKey(SECRET, { ...base, period: '2025-05' })).not.toBe(key)
    expect(ratingVisitorKey(SECRET, { ...base, userAgent: 'curl/8' })).not.toBe(key)
    expect(key).not.toContain('203.0.113.9')
    expect(() => ratingVisitorKey('short', base)).toThrow(/at least 16/)
  })

  it('counts an IPv6 /64 as one visitor address', () => {
    expect(normalizeAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(normalizeAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(normalizeAddress('garbage')).toBe('unknown')
  })

  it('the signed cookie remembers rated units and cannot be forged', () => {
    const cookie = writeRatedCookie(SECRET, '2025-04', ['7', '8'])
    expect([...readRatedCookie(SECRET, cookie, '2025-04')]).toEqual(['7', '8'])
    expect(readRatedCookie(SECRET, cookie, '2025-05').size).toBe(0)
    expect(readRatedCookie('other-secret-0123456789', cookie, '2025-04').size).toBe(0)
    const [payload] = cookie.split('.')
    const forged = `${Buffer.from(JSON.stringify({ p: '2025-04', u: [] })).toString('base64url')}.${cookie.split('.')[1]}`
    expect(readRatedCookie(SECRET, forged, '2025-04').size).toBe(0)
    expect(readRatedCookie(SECRET, `${payload}.`, '2025-04').size).toBe(0)
    expect(readRatedCookie(SECRET, 'garbage', '2025-04').size).toBe(0)
  })

  it('aggregates per unit and period', () => {
    const ratings = [
      { organization: 7, period: '2025-04', scores: allScores(5) },
      { organization: 7, period: '2025-04', scores: { ...allScores(3), attitude: 1 } },
      { organization: 7, period: '2025-05', scores: allScores(4) },
      { organization: 8, period: '2025-04', scores: allScores(2) },
    ]
    const monthly = aggregateRatings(ratings)
    expect(monthly).toHaveLength(3)
    expect(monthly[0]).toMatchObject({ organization: '7', period: '2025-04', count: 2, overall: 3.9 })
    expect(monthly[0].indicators.attitude).toBe(3)
    expect(monthly[0].indicators.efficiency).toBe(4)
    const yearly = aggregateRatings(ratings, yearOfMonth)
    expect(yearly.find((r) => r.organization === '7')).toMatchObject({ period: '2025', count: 3 })
    expect(quarterOfMonth('2025-04')).toBe('2025-Q2')
  })
})
