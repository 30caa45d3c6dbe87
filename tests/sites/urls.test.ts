/** formatDate's arithmetic fast path must give the dates the Asia/Shanghai formatter gives. */
import { describe, expect, it } from 'vitest'
import { formatDate } from '../../src/sites/urls'

describe('formatDate', () => {
  const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

  it('matches the Asia/Shanghai calendar date from 1985 (daylight saving years included) to 2040', () => {
    const mismatches: string[] = []
    for (let t = Date.parse('1985-01-01T00:00:00Z'); t < Date.parse('2040-01-01T00:00:00Z'); t += 7 * 3_599_000) {
      const iso = new Date(t).toISOString()
      if (formatDate(iso) !== reference.format(new Date(t))) mismatches.push(iso)
    }
    expect(mismatches).toEqual([])
  })

  it('turns the evening of a UTC day into the next Beijing day, and bad input into nothing', () => {
    expect(formatDate('2026-11-22T15:59:59Z')).toBe('2026-11-22')
    expect(formatDate('2026-11-22T16:00:00Z')).toBe('2026-11-23')
    expect(formatDate('1988-06-01T15:30:00Z')).toBe(reference.format(new Date('1988-06-01T15:30:00Z'))) // DST then: the exact formatter
    expect(formatDate('not a date')).toBe('')
    expect(formatDate(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
  })
})
