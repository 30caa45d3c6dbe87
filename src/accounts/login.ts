/**
 * The login guard, hooked into Payload's own login operation (users beforeOperation "login"), so
 * the admin's form, REST and GraphQL all pass through it: address and account lockout, the
 * password check, the second factor, failure counting and the audit trail. Every failure gets
 * the same answer whether or not the account exists.
 */
import type {
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  Payload,
  PayloadRequest,
} from 'payload'
import { refuse } from '../access'
import { auditAccountEvent } from './audit'
import { accountMessage } from './messages'
import { accountKey, addressKey, clearFailures, lockedUntil, recordFailure } from './lockout'
import { requestOrigin } from './origin'
import { verifyStoredPassword } from './passwords'
import { accountPolicy, type AccountPolicy } from './policy'
import { hashRecoveryCode, isRecoveryCodeShape, openSecret, secondFactorReadings, verifyCode } from './totp'

type StoredUser = Record<string, any> & { id: number | string }
type LoginContext = { userId: number | string; totpStep?: number; recoveryHash?: string }

export async function findStoredUser(payload: Payload, email: string): Promise<StoredUser | null> {
  return (await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as StoredUser | null
}

/** Checks the second factor; returns what afterLogin must consume, or null when the code is wrong. */
function checkCode(payload: Payload, user: StoredUser, code: string, policy: AccountPolicy): Omit<LoginContext, 'userId'> | null {
  if (isRecoveryCodeShape(code)) {
    const hash = hashRecoveryCode(code)
    return Array.isArray(user.totpRecoveryCodes) && user.totpRecoveryCodes.includes(hash) ? { recoveryHash: hash } : null
  }
  const secret = typeof user.totpSecret === 'string' ? openSecret(user.totpSecret, payload.secret) : null
  const step = secret ? verifyCode(secret, code, policy.totp, user.totpLastStep) : null
  return step ? { totpStep: step } : null
}

async function refuseLocked(req: PayloadRequest, policy: AccountPolicy): Promise<never> {
  refuse(req, 'loginLocked', { minutes: policy.lockout.lockMinutes }, 429)
}

export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const payload = req.payload
  const data = (args.data ?? {}) as { email?: unknown; password?: unknown }
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  const password = typeof data.password === 'string' ? data.password : ''
  if (!email || !password) return args // Payload answers "required" itself
  const policy = await accountPolicy(payload)
  const { ip } = requestOrigin(req)
  const keys = [accountKey(email), ...(ip ? [addressKey(ip)] : [])]

  for (const key of keys) {
    if (await lockedUntil(payload, key, policy.lockout)) {
      const user = await findStoredUser(payload, email)
      await auditAccountEvent(payload, 'login-locked', { user: user?.id ?? null, email, detail: { key } }, req)
      await refuseLocked(req, policy)
    }
  }

  const user = await findStoredUser(payload, email)
  let accepted: { password: string; factor: Omit<LoginContext, 'userId'> } | null = null
  let reason = user ? 'wrong-password' : 'no-such-account'
  if (user?.totpEnabled) {
    const readings = secondFactorReadings(password, (req.data as { totp?: unknown } | undefined)?.totp)
    if (!readings.length) await verifyStoredPassword(password, null) // same cost as a real check
    for (const reading of readings) {
      if (!(await verifyStoredPassword(reading.password, user))) continue
      const factor = checkCode(payload, user, reading.code, policy)
      if (factor) accepted = { password: reading.password, factor }
      else reason = 'wrong-second-factor'
      break
    }
    if (!readings.length) reason = 'second-factor-missing'
  } else if (await verifyStoredPassword(password, user)) {
    accepted = { password, factor: {} }
  }

  if (!accepted || !user) {
    const locked = await recordFailure(payload, keys, policy.lockout)
    await auditAccountEvent(
      payload,
      reason.includes('second-factor') ? 'totp-failed' : 'login-failed',
      { user: user?.id ?? null, email, detail: { reason } },
      req,
    )
    if (locked.length) {
      await auditAccountEvent(payload, 'lockout', { user: user?.id ?? null, email, detail: { keys: locked, minutes: policy.lockout.lockMinutes } }, req)
      // Mirror the account lock in Payload's own fields, so the admin shows it and its Unlock works.
      if (user && locked.includes(accountKey(email))) {
        await payload.db.updateOne({
          collection: 'users',
          id: user.id,
          data: { lockUntil: new Date(Date.now() + policy.lockout.lockMinutes * 60_000).toISOString(), loginAttempts: policy.lockout.maxFailures },
          returning: false,
        })
      }
      await refuseLocked(req, policy)
    }
    refuse(req, 'loginFailed', {}, 401)
  }
  req.context.accountsLogin = { userId: user.id, ...accepted.factor } satisfies LoginContext
  return { ...args, data: { ...data, password: accepted.password } }
}

/** Success: forget the account's failures, consume the code used, note the login. */
export const afterLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const payload = req.payload
  const login = req.context.accountsLogin as LoginContext | undefined
  await clearFailures(payload, accountKey(String(user.email)))
  const update: Record<string, unknown> = {}
  if (login?.totpStep) update.totpLastStep = login.totpStep
  if (login?.recoveryHash) {
    const stored = await payload.db.findOne<StoredUser>({ collection: 'users', where: { id: { equals: user.id } }, req })
    update.totpRecoveryCodes = ((stored?.totpRecoveryCodes as string[] | undefined) ?? []).filter((h) => h !== login.recoveryHash)
  }
  if (!user.passwordChangedAt) update.passwordChangedAt = new Date().toISOString() // accounts from before the policy start their clock now
  if (Object.keys(update).length) await payload.db.updateOne({ collection: 'users', id: user.id, data: update, req, returning: false })
  await auditAccountEvent(
    payload,
    'login',
    {
      user: user.id,
      email: String(user.email),
      detail: login?.recoveryHash ? { secondFactor: 'recovery-code' } : login?.totpStep ? { secondFactor: 'totp' } : {},
    },
    req,
    { inTransaction: true },
  )
  if (login?.recoveryHash)
    await auditAccountEvent(
      payload,
      'recovery-code-used',
      { user: user.id, email: String(user.email), detail: { left: (update.totpRecoveryCodes as string[]).length } },
      req,
      { inTransaction: true },
    )
  return user
}

export const afterLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as { id?: number | string; email?: string } | null
  await auditAccountEvent(req.payload, 'logout', { user: user?.id ?? null, email: user?.email ?? null }, req)
}

/** Payload's own "locked" answer names an existing account; answer exactly as for any lockout. */
export const uniformLoginErrors: CollectionAfterErrorHook = async ({ error, req }) => {
  if ((error as { name?: string }).name !== 'LockedAuth') return
  const policy = await accountPolicy(req.payload)
  const minutes = policy.lockout.lockMinutes
  const message = accountMessage(req, 'loginLocked', { minutes })
  // The very shape refuse() produces for our own lockout, so the two cannot be told apart.
  return { response: { errors: [{ name: 'APIError', data: { key: 'loginLocked', minutes }, message }] }, status: 429 }
}

/** An admin's Unlock clears our failure rows for the account too. */
export const afterUnlock: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation !== 'unlock') return result
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email === 'string') await clearFailures(req.payload, accountKey(email))
  return result
}
