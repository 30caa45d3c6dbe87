import { describe, expect, it } from 'vitest'
import { QUERY_CODE_ALPHABET, formatQueryCode, generateQueryCode, hashQueryCode, parseQueryCode, phoneTail, phoneTailMatches } from '../../src/interaction'

describe('query codes', () => {
  it('are 12 unambiguous characters and differ every time', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generateQueryCode()))
    expect(codes.size).toBe(5000)
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/)
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01OIL]/)
  })

  it('use every symbol of the alphabet about equally (no obvious bias)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 3000; i++) for (const ch of generateQueryCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    const expected = (3000 * 12) / QUERY_CODE_ALPHABET.length
    for (const ch of QUERY_CODE_ALPHABET) expect(Math.abs((counts.get(ch) ?? 0) - expected) / expected).toBeLessThan(0.15)
  })

  it('accept what people type: lower case, dashes, spaces, full-width', () => {
    const code = generateQueryCode()
    expect(parseQueryCode(formatQueryCode(code).toLowerCase())).toEqual({ ok: true, code })
    expect(parseQueryCode(` ${code.slice(0, 6)} ${code.slice(6)} `)).toEqual({ ok: true, code })
    expect(parseQueryCode('ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮ')).toEqual({ ok: true, code: 'ABCDEFGHJKMN' })
  })

  it('refuse malformed codes with a clear message', () => {
    expect(parseQueryCode('ABC')).toMatchObject({ ok: false, error: expect.stringContaining('12') })
    expect(parseQueryCode('ABCDEFGHJKM0')).toMatchObject({ ok: false, error: expect.stringContaining('invalid character') })
    expect(parseQueryCode(undefined)).toMatchObject({ ok: false })
    expect(parseQueryCode({ $ne: null })).toMatchObject({ ok: false })
    expect(parseQueryCode('A'.repeat(10_000))).toMatchObject({ ok: false, error: expect.stringContaining('too long') })
  })

  it('are stored only as a hash', () => {
    const code = generateQueryCode()
    expect(hashQueryCode(code)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashQueryCode(code)).not.toContain(code)
    expect(hashQueryCode(code)).toBe(hashQueryCode(code))
  })

  it('phone tails match the last four digits only', () => {
    expect(phoneTail('138 0077 5123')).toBe('5123')
    expect(phoneTailMatches('13800775123', '5123')).toBe(true)
    expect(phoneTailMatches('13800775123', '５１２３')).toBe(true)
    expect(phoneTailMatches('13800775123', '5124')).toBe(false)
    expect(phoneTailMatches('13800775123', '')).toBe(false)
    expect(phoneTailMatches(null, '5123')).toBe(false)
  })
})
