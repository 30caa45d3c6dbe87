/**
 * A self-hosted proof-of-work check (工作量证明) instead of a third-party captcha: the server
 * hands out an HMAC-signed challenge with an expiry; the browser finds a counter whose
 * SHA-256(challenge ":" counter) starts with `bits` zero bits; the server checks the signature,
 * the expiry, the work, and that the challenge was not used before. Hand-written because the
 * known libraries either call a hosted service or ship a captcha widget we would have to restyle.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export interface Challenge {
  challenge: string
  bits: number
  expiresAt: string
}

export type PowVerdict = { ok: true; nonce: string } | { ok: false; error: string }

/** Remembers spent challenges until they expire. Across several app servers, also store the nonce with the record (unique). */
export interface SpentChallenges {
  /** true when newly marked, false when it was already spent */
  markSpent(nonce: string, expiresAtMs: number, nowMs: number): boolean
}

export function memorySpentChallenges(maxEntries = 200_000): SpentChallenges {
  const spent = new Map<string, number>()
  return {
    markSpent(nonce, expiresAtMs, nowMs) {
      if (spent.size >= maxEntries || spent.size % 1000 === 0) for (const [key, exp] of spent) if (exp < nowMs) spent.delete(key)
      if (spent.has(nonce)) return false
      if (spent.size >= maxEntries) spent.delete(spent.keys().next().value as string)
      spent.set(nonce, expiresAtMs)
      return true
    },
  }
}

const signature = (secret: string, body: string) => createHmac('sha256', secret).update(`pow:${body}`).digest('base64url')

export function createChallenge(secret: string, options: { now: Date; bits: number; ttlSeconds: number }): Challenge {
  if (!secret || secret.length < 16) throw new Error('createChallenge: the secret must be at least 16 characters')
  if (!Number.isInteger(options.bits) || options.bits < 0 || options.bits > 32) throw new Error(`createChallenge: bits must be 0–32, got ${options.bits}`)
  const expires = Math.floor(options.now.getTime() / 1000) + options.ttlSeconds
  const body = `v1.${randomBytes(16).toString('hex')}.${options.bits}.${expires}`
  return { challenge: `${body}.${signature(secret, body)}`, bits: options.bits, expiresAt: new Date(expires * 1000).toISOString() }
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

const powDigest = (challenge: string, solution: string) => createHash('sha256').update(`${challenge}:${solution}`).digest()

export function verifySolution(
  secret: string,
  challenge: unknown,
  solution: unknown,
  options: { now: Date; minBits: number; spent: SpentChallenges },
): PowVerdict {
  if (typeof challenge !== 'string' || challenge.length > 200 || typeof solution !== 'string' || !/^\d{1,12}$/.test(solution)) {
    return { ok: false, error: '验证未完成，请稍候再提交 (the anti-spam check did not finish; please submit again)' }
  }
  const parts = challenge.split('.')
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, error: '验证信息无效，请刷新页面 (invalid check; reload the page)' }
  const [version, nonce, bitsText, expiresText, sig] = parts
  const body = `${version}.${nonce}.${bitsText}.${expiresText}`
  const expected = Buffer.from(signature(secret, body))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, error: '验证信息无效，请刷新页面 (invalid check; reload the page)' }
  }
  const bits = Number(bitsText)
  const expiresMs = Number(expiresText) * 1000
  if (bits < options.minBits) return { ok: false, error: '验证强度不足，请刷新页面 (check too weak; reload the page)' }
  if (options.now.getTime() > expiresMs) return { ok: false, error: '页面停留过久，验证已过期，请再次提交 (the check expired; submit again)' }
  if (leadingZeroBits(powDigest(challenge, solution)) < bits) return { ok: false, error: '验证未通过，请再次提交 (the check failed; submit again)' }
  if (!options.spent.markSpent(nonce, expiresMs, options.now.getTime())) {
    return { ok: false, error: '该验证已使用，请勿重复提交 (this check was already used; do not submit twice)' }
  }
  return { ok: true, nonce }
}

/** Server-side solver, for tests, benchmarks and scripted clients. */
export function solveChallenge(challenge: string, bits: number, maxTries = 2 ** 30): string {
  for (let counter = 0; counter < maxTries; counter++) {
    if (leadingZeroBits(powDigest(challenge, String(counter))) >= bits) return String(counter)
  }
  throw new Error(`solveChallenge: no solution within ${maxTries} tries`)
}
