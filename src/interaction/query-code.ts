/**
 * Query codes (查询码) the writer uses to track a letter. 12 symbols from 31 unambiguous ones
 * (no 0/O, 1/I/L) ≈ 59 bits: unguessable, yet easy to read aloud over the phone. Only a hash
 * is stored, so a database dump does not reveal working codes.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function generateQueryCode(length = 12): string {
  if (!Number.isInteger(length) || length < 8 || length > 32) throw new Error(`Query code length must be 8–32, got ${length}`)
  let code = ''
  for (let i = 0; i < length; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]
  return code
}

/** Groups of four for display: 7K3M-QX9P-D4RT. */
export function formatQueryCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-')
}

export type ParsedQueryCode = { ok: true; code: string } | { ok: false; error: string }

/** Accepts what people type: lower case, spaces, dashes, full-width characters. */
export function parseQueryCode(input: unknown, length = 12): ParsedQueryCode {
  if (typeof input !== 'string') return { ok: false, error: '请输入查询码 (enter the query code)' }
  if (input.length > 64) return { ok: false, error: '查询码格式不正确 (query code too long)' }
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
  if (code.length !== length) return { ok: false, error: `查询码应为 ${length} 位 (the query code has ${length} characters)` }
  for (const ch of code) {
    if (!QUERY_CODE_ALPHABET.includes(ch)) return { ok: false, error: '查询码含有无效字符 (the query code contains an invalid character)' }
  }
  return { ok: true, code }
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(`letter-query-code:${code}`).digest('hex')
}

/** Last four digits of a phone number, for the optional second factor when tracking. */
export function phoneTail(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').normalize('NFKC').replace(/\D/g, '')
  return digits.length >= 4 ? digits.slice(-4) : null
}

export function phoneTailMatches(storedPhone: string | null | undefined, typedTail: unknown): boolean {
  const expected = phoneTail(storedPhone)
  if (!expected || typeof typedTail !== 'string') return false
  const typed = typedTail.normalize('NFKC').replace(/\D/g, '').slice(-4)
  return typed.length === 4 && timingSafeEqual(Buffer.from(typed), Buffer.from(expected))
}
