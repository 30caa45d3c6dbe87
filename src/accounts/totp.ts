/**
 * The optional second factor (TOTP, RFC 6238, via otplib) and its one-time recovery codes.
 * Secrets are stored encrypted with a key derived from PAYLOAD_SECRET, so a copy of the database
 * alone does not yield anyone's second factor. Recovery codes are random (50 bits each), so a
 * plain SHA-256 of each is enough to store them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto'
import { generateSecret, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'
import { isRecoveryCodeShape, TOTP_CODE } from './code-shape'
import type { AccountPolicy } from './policy'

export { isRecoveryCodeShape }

const key = (secret: string) => createHash('sha256').update(`sitegroup-totp:${secret}`).digest()

export function sealSecret(totpSecret: string, payloadSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(payloadSecret), iv)
  const data = Buffer.concat([cipher.update(totpSecret, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')
}

export function openSecret(sealed: string, payloadSecret: string): string | null {
  try {
    const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'))
    const decipher = createDecipheriv('aes-256-gcm', key(payloadSecret), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

export async function newEnrolment(email: string, policy: AccountPolicy['totp']) {
  const secret = generateSecret()
  const otpauthUrl = generateURI({ issuer: policy.issuer, label: email, secret })
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
  return { secret, otpauthUrl, qrDataUrl }
}

/** The time step the code belongs to, or null. Codes at or before `lastStep` are replays. */
export function verifyCode(secret: string, code: string, policy: AccountPolicy['totp'], lastStep?: number | null): number | null {
  if (!TOTP_CODE.test(code)) return null
  const result = verifySync({ secret, token: code, epochTolerance: policy.toleranceSeconds, ...(lastStep ? { afterTimeStep: lastStep } : {}) })
  // TOTP results carry the time step (the union type also covers HOTP, which does not).
  return result.valid ? ((result as { timeStep?: number }).timeStep ?? null) : null
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export function newRecoveryCodes(count: number): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return Array.from({ length: count }, () => one().replace(/^(.{5})/, '$1-'))
}

export const hashRecoveryCode = (code: string) => createHash('sha256').update(code.trim().toLowerCase()).digest('hex')

/**
 * The ways to read what the admin's login form sends for an account with a second factor: the
 * password followed directly by the 6-digit code, or by a recovery code (xxxxx-xxxxx, a space
 * before it allowed). REST clients can send the code separately as `totp` instead. Each reading
 * is tried in turn, so a password that happens to end like a code still works.
 */
export function secondFactorReadings(password: string, separate: unknown): Array<{ password: string; code: string }> {
  if (typeof separate === 'string' && separate.trim()) return [{ password, code: separate.trim() }]
  const readings: Array<{ password: string; code: string }> = []
  const recovery = /^([\s\S]+?) ?([a-z0-9]{5}-[a-z0-9]{5})$/i.exec(password)
  if (recovery) readings.push({ password: recovery[1], code: recovery[2] })
  const totp = /^([\s\S]+)(\d{6})$/.exec(password)
  if (totp) readings.push({ password: totp[1], code: totp[2] })
  return readings
}
