/**
 * The account policy (等保 2.0 身份鉴别): defaults in policy.json, the few a central office tunes
 * in the admin (group settings → 账号安全) laid over them. Read on every authenticated request,
 * so it is cached briefly; a change in the admin clears this process's cache at once and reaches
 * other processes within CACHE_MS.
 */
import type { Payload } from 'payload'
import defaults from './policy.json' with { type: 'json' }

export type AccountPolicy = typeof defaults
const CACHE_MS = 30_000
let cached: { at: number; policy: AccountPolicy } | null = null

/** The group-settings fields that override policy.json (blank means "use the default"). */
export type AccountSettings = {
  passwordMinLength?: number | null
  passwordExpiryDays?: number | null
  idleTimeoutMinutes?: number | null
  requireTotpForCentralAdmins?: boolean | null
}

export function mergePolicy(settings: AccountSettings | null | undefined): AccountPolicy {
  const policy: AccountPolicy = structuredClone(defaults)
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null)
  policy.password.minLength = number(settings?.passwordMinLength) ?? policy.password.minLength
  policy.password.expiryDays = number(settings?.passwordExpiryDays) ?? policy.password.expiryDays
  policy.session.idleTimeoutMinutes = number(settings?.idleTimeoutMinutes) ?? policy.session.idleTimeoutMinutes
  if (typeof settings?.requireTotpForCentralAdmins === 'boolean') policy.totp.requireForCentralAdmins = settings.requireTotpForCentralAdmins
  return policy
}

export async function accountPolicy(payload: Payload): Promise<AccountPolicy> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.policy
  const settings = await payload.findGlobal({ slug: 'group-settings', depth: 0, overrideAccess: true }).catch(() => null)
  cached = { at: Date.now(), policy: mergePolicy((settings as { accounts?: AccountSettings } | null)?.accounts) }
  return cached.policy
}

export function forgetAccountPolicy(): void {
  cached = null
}

/** Policy values fixed when the config is built (cookie and token settings cannot change at run time). */
export const staticPolicy: AccountPolicy = defaults

/**
 * Whether seeded demo accounts may keep their published password. Development and tests always
 * may; production only in the explicit demo mode ALLOW_DEMO_PASSWORDS=1, which `npm start`
 * switches on for a local evaluation (see docs/accounts.md for the rule).
 */
export function demoPasswordsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NODE_ENV !== 'production') return true
  return env.ALLOW_DEMO_PASSWORDS === '1' || env.ALLOW_DEMO_PASSWORDS === 'true'
}
