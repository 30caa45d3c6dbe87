/**
 * Lockout per account and per client address (等保 登录失败处理): after `maxFailures` failures
 * within `windowMinutes`, the key is locked for `lockMinutes` after the last failure. Failures
 * are rows in login-attempts (insert-only, so concurrent processes never lose a count). Keys of
 * accounts that do not exist count the same, so a lockout says nothing about existence.
 */
import type { Payload } from 'payload'
import type { AccountPolicy } from './policy'

export const accountKey = (email: string) => `account:${email.toLowerCase().trim()}`
export const addressKey = (ip: string) => `address:${ip}`

type Lockout = AccountPolicy['lockout']

async function recentFailures(payload: Payload, key: string, policy: Lockout, now: number) {
  const since = new Date(now - Math.max(policy.windowMinutes, policy.lockMinutes) * 60_000).toISOString()
  const { docs } = await payload.find({
    collection: 'login-attempts',
    where: { and: [{ key: { equals: key } }, { at: { greater_than: since } }] },
    sort: '-at',
    limit: policy.maxFailures,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return (docs as Array<{ at: string }>).map((d) => Date.parse(d.at))
}

/** When the key is locked, the time the lock ends; otherwise null. */
export async function lockedUntil(payload: Payload, key: string, policy: Lockout, now = Date.now()): Promise<Date | null> {
  const times = await recentFailures(payload, key, policy, now)
  if (times.length < policy.maxFailures) return null
  const newest = times[0]
  const oldest = times[policy.maxFailures - 1]
  if (newest - oldest > policy.windowMinutes * 60_000) return null
  const until = newest + policy.lockMinutes * 60_000
  return until > now ? new Date(until) : null
}

/** Records one failure under each key; returns the keys that are locked now. */
export async function recordFailure(payload: Payload, keys: string[], policy: Lockout, now = Date.now()): Promise<string[]> {
  const at = new Date(now).toISOString()
  for (const key of keys) await payload.create({ collection: 'login-attempts', data: { key, at }, overrideAccess: true, context: { skipAudit: true } })
  // Old rows are useless after the window; removing them here keeps the table small without a job.
  const expired = new Date(now - policy.keepAttemptsHours * 3_600_000).toISOString()
  await payload.delete({ collection: 'login-attempts', where: { at: { less_than: expired } }, overrideAccess: true, context: { skipAudit: true } })
  const locked: string[] = []
  for (const key of keys) if (await lockedUntil(payload, key, policy, now)) locked.push(key)
  return locked
}

/** A successful login (or an admin's unlock) forgets the account's failures, not the address's. */
export async function clearFailures(payload: Payload, key: string): Promise<void> {
  await payload.delete({ collection: 'login-attempts', where: { key: { equals: key } }, overrideAccess: true, context: { skipAudit: true } })
}
