/**
 * Sessions (等保 会话管理): Payload's signed token and its session list decide who is logged in;
 * this strategy runs before Payload's own JWT strategy and adds two rules on top:
 * - idle timeout: a session unused for `idleTimeoutMinutes` is removed (Payload then refuses its
 *   token too); activity is written at most once per `activityWriteSeconds` per session;
 * - restricted accounts (password to change, password expired, second factor to enrol): the user
 *   is let in without roles or organization, and every access function refuses everything but
 *   reading and changing their own account (see withAccountRestrictions).
 */
import { JWTAuthentication, type AuthStrategy, type AuthStrategyFunctionArgs, type AuthStrategyResult, type Payload } from 'payload'
import type { User } from '../../payload-types'
import { isCentralAdmin } from '../access'
import { auditAccountEvent } from './audit'
import { accountPolicy, demoPasswordsAllowed, type AccountPolicy } from './policy'

export type Restriction = 'passwordChangeRequired' | 'passwordExpired' | 'totpEnrollmentRequired'
/** A user as the session strategy reads it: the stored fields, the token's session id, and an id that is a string on MongoDB. */
type SessionUser = Partial<Omit<User, 'id' | 'sessions'>> & {
  id: number | string
  _sid?: string
  sessions?: Array<{ id: string; createdAt?: string | null; expiresAt?: string }> | null
}

export function restrictionOf(user: SessionUser, policy: AccountPolicy, now = Date.now()): Restriction | null {
  if (user.mustChangePassword && !demoPasswordsAllowed()) return 'passwordChangeRequired'
  const changed = user.passwordChangedAt ? Date.parse(user.passwordChangedAt) : NaN
  if (policy.password.expiryDays > 0 && Number.isFinite(changed) && now - changed > policy.password.expiryDays * 86_400_000) return 'passwordExpired'
  if (policy.totp.requireForCentralAdmins && isCentralAdmin({ ...user, collection: 'users' }) && !user.totpEnabled) return 'totpEnrollmentRequired'
  return null
}

export function passwordExpiresAt(user: Record<string, unknown>, policy: AccountPolicy): string | null {
  if (typeof user.passwordChangedAt !== 'string' || policy.password.expiryDays <= 0) return null
  return new Date(Date.parse(user.passwordChangedAt) + policy.password.expiryDays * 86_400_000).toISOString()
}

async function touchSession(payload: Payload, user: SessionUser, policy: AccountPolicy, headers: Headers): Promise<'ok' | 'idle'> {
  const sid = user._sid
  if (!sid) return 'ok'
  const now = Date.now()
  const sessions = user.sessions ?? []
  // A JSON field only this strategy writes: session id → last activity (ms).
  const activity: Record<string, number> =
    typeof user.sessionActivity === 'object' && user.sessionActivity ? { ...(user.sessionActivity as Record<string, number>) } : {}
  const session = sessions.find((s) => s.id === sid)
  const last = activity[sid] ?? (session?.createdAt ? Date.parse(session.createdAt) : now)
  const idleMs = policy.session.idleTimeoutMinutes * 60_000
  if (idleMs > 0 && now - last > idleMs) {
    delete activity[sid]
    // The whole stored row goes back, as Payload's own revokeSession does: the SQL adapters
    // rewrite array fields (sessions) by upserting the row.
    const row = (await payload.db.findOne({ collection: 'users', where: { id: { equals: user.id } } })) as SessionUser
    const remaining = (row.sessions ?? []).filter((s) => s.id !== sid)
    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { ...row, sessions: remaining, sessionActivity: activity, updatedAt: null },
      returning: false,
    })
    await auditAccountEvent(
      payload,
      'session-idle-timeout',
      { user: user.id, email: user.email, detail: { idleMinutes: Math.round((now - last) / 60_000) } },
      { headers },
    )
    return 'idle'
  }
  if (now - last >= policy.session.activityWriteSeconds * 1000) {
    const live = new Set(sessions.map((s) => s.id))
    for (const id of Object.keys(activity)) if (!live.has(id)) delete activity[id]
    activity[sid] = now
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { sessionActivity: activity, updatedAt: null }, returning: false })
  }
  return 'ok'
}

/** Payload's JWT check plus the idle timeout and the restrictions. */
export const sessionStrategy: AuthStrategy = {
  name: 'sitegroup-session',
  authenticate: async (args: AuthStrategyFunctionArgs) => {
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    const user = result.user as SessionUser | null
    if (!user || user.collection !== 'users') return result
    const policy = await accountPolicy(args.payload)
    if ((await touchSession(args.payload, user, policy, args.headers)) === 'idle') return { user: null }
    delete user.sessionActivity
    const restriction = restrictionOf(user, policy)
    if (!restriction) return result
    // `_restricted` is not a stored field: it travels with the request's user to the access functions.
    const restricted: NonNullable<AuthStrategyResult['user']> & { _restricted: Restriction } = {
      ...result.user!,
      roles: [],
      organization: null,
      _restricted: restriction,
    }
    return { ...result, user: restricted }
  },
}

export const restrictionOfRequestUser = (user: unknown): Restriction | null => (user as { _restricted?: Restriction } | null)?._restricted ?? null
