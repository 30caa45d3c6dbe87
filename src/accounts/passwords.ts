/**
 * Password rules and the history of earlier passwords. History hashes are scrypt with their own
 * salt (node:crypto; a library would add nothing), kept in a hidden field that no API returns.
 */
import { pbkdf2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { AccountPolicy } from './policy'

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>
const pbkdf2Async = promisify(pbkdf2)
const SCRYPT = { N: 16384, r: 8, p: 1 }

export type PasswordViolation = { key: string; vars?: Record<string, unknown> }

/** Every rule the password breaks, as i18n keys (an empty list means it is acceptable). */
export function passwordViolations(password: string, email: string | null | undefined, policy: AccountPolicy['password']): PasswordViolation[] {
  const found: PasswordViolation[] = []
  if ([...password].length < policy.minLength) found.push({ key: 'passwordTooShort', vars: { min: policy.minLength } })
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length
  if (classes < policy.minClasses) found.push({ key: 'passwordTooSimple', vars: { classes: policy.minClasses } })
  const local = (email ?? '').split('@')[0]?.toLowerCase() ?? ''
  if (policy.forbidEmailLocalPart && local.length >= 3 && password.toLowerCase().includes(local)) found.push({ key: 'passwordContainsAccount' })
  return found
}

export async function historyHash(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password, salt, 32, SCRYPT)
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`
}

export async function matchesHistory(password: string, entry: string): Promise<boolean> {
  const [kind, saltHex, hashHex] = entry.split('$')
  if (kind !== 'scrypt' || !saltHex || !hashHex) return false
  const expected = Buffer.from(hashHex, 'hex')
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length, SCRYPT)
  return timingSafeEqual(actual, expected)
}

/** True when the password is one of the remembered ones. */
export async function inHistory(password: string, history: unknown): Promise<boolean> {
  for (const entry of Array.isArray(history) ? history : []) if (typeof entry === 'string' && (await matchesHistory(password, entry))) return true
  return false
}

export async function pushHistory(password: string, history: unknown, size: number): Promise<string[]> {
  const kept = (Array.isArray(history) ? history : []).filter((e): e is string => typeof e === 'string')
  return [...kept, await historyHash(password)].slice(-Math.max(1, size))
}

/**
 * Checks a password against Payload's stored salt and hash. Written here because Payload does not
 * export its check (authenticateLocalStrategy), and the login guard must know the outcome before
 * Payload's operation runs, to count failures and answer the same way on every API. The format
 * follows Payload 3.90's generatePasswordSaltHash: "pbkdf2-sha256-v1:" + hex (600,000 rounds,
 * 32 bytes) or the legacy bare hex (25,000 rounds, 512 bytes).
 */
export async function verifyStoredPassword(password: string, stored: Record<string, unknown> | null): Promise<boolean> {
  const hash = typeof stored?.hash === 'string' ? stored.hash : null
  const salt = typeof stored?.salt === 'string' ? stored.salt : null
  const current = hash?.startsWith(PREFIX) ?? true
  const [rounds, length] = current ? [600_000, 32] : [25_000, 512]
  // An unknown account still costs one full hash, so timing does not tell whether it exists.
  const computed = await pbkdf2Async(password, salt ?? 'no-such-account', rounds, length, 'sha256')
  if (!hash || !salt) return false
  const expected = Buffer.from(current ? hash.slice(PREFIX.length) : hash, 'hex')
  return expected.length === computed.length && timingSafeEqual(expected, computed)
}
const PREFIX = 'pbkdf2-sha256-v1:'
