/**
 * Password policy on every way a password is set (create, update through admin/REST/GraphQL/Local
 * API): length, character classes, not the account name, not one of the last N, and the change
 * clock for expiry. A refusal names every broken rule in the admin's language and changes nothing.
 */
import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { refuse } from '../access'
import { auditAccountEvent } from './audit'
import { accountMessage } from './messages'
import { inHistory, passwordViolations, pushHistory } from './passwords'
import { accountPolicy } from './policy'
import { restrictionOfRequestUser } from './session'

type Doc = Record<string, any> & { id?: number | string }

export const enforcePasswordPolicy: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const doc = originalDoc as Doc | undefined
  if (restrictionOfRequestUser(req.user) && operation === 'update') {
    for (const key of ['name', 'email']) if (key in data && data[key] !== doc?.[key]) refuse(req, 'account.onlyPasswordChange', {}, 403)
  }
  if (typeof data.password !== 'string' || !data.password) return data
  // Seeded demo accounts get the preset's published password and must change it (see docs/accounts.md).
  if (req.context?.demoAccount) {
    req.context.accountsPasswordSet = { mustChangePassword: true, passwordChangedAt: new Date().toISOString() }
    return data
  }
  const policy = await accountPolicy(req.payload)
  const email = (data.email ?? doc?.email ?? '') as string
  const stored = doc?.id != null ? ((await req.payload.db.findOne({ collection: 'users', where: { id: { equals: doc.id } }, req })) as Doc | null) : null
  const messages = passwordViolations(data.password, email, policy.password).map((v) => accountMessage(req, v.key, v.vars))
  if (!messages.length && (await inHistory(data.password, stored?.passwordHistory)))
    messages.push(accountMessage(req, 'passwordReused', { count: policy.password.historySize }))
  if (messages.length) {
    await auditAccountEvent(req.payload, 'password-refused', { user: doc?.id ?? null, email, detail: { rules: messages } }, req)
    throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: messages.join('；') }] }, req.t)
  }
  const self = req.user && doc?.id != null && String((req.user as Doc).id) === String(doc.id)
  // Written after the change through the database layer: field access (rightly) keeps these
  // fields out of reach of the user, so values set here in data would be dropped.
  req.context.accountsPasswordSet = {
    passwordHistory: await pushHistory(data.password, stored?.passwordHistory, policy.password.historySize),
    passwordChangedAt: new Date().toISOString(),
    // A password set by someone else (an admin creating or resetting an account) is temporary.
    mustChangePassword: Boolean(req.user && !self && (req.user as Doc).collection === 'users'),
  }
  req.context.passwordChangedFor = doc?.id ?? 'new'
  return data
}

export const auditPasswordChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const set = req.context?.accountsPasswordSet as Record<string, unknown> | undefined
  if (set) {
    delete req.context.accountsPasswordSet
    await req.payload.db.updateOne({ collection: 'users', id: doc.id, data: set, req, returning: false })
    Object.assign(doc, { passwordChangedAt: set.passwordChangedAt, mustChangePassword: set.mustChangePassword })
  }
  const marker = req.context?.passwordChangedFor
  if (marker === undefined || (marker !== 'new' && String(marker) !== String(doc.id))) return doc
  delete req.context.passwordChangedFor
  const by = (req.user as Doc | null)?.id ?? null
  await auditAccountEvent(
    req.payload,
    'password-change',
    { user: doc.id, email: doc.email, detail: { by, self: by !== null && String(by) === String(doc.id) } },
    req,
    { inTransaction: true },
  )
  return doc
}

/** Payload's reset-by-token path writes the hash itself, past the hooks: check the new password before it. */
export const guardPasswordReset: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const password = (args.data as { password?: unknown })?.password
  if (typeof password !== 'string') return args
  const token = (args.data as { token?: unknown }).token
  const user = (
    typeof token === 'string'
      ? await req.payload.db.findOne({
          collection: 'users',
          where: { and: [{ resetPasswordToken: { equals: token } }, { resetPasswordExpiration: { greater_than: new Date().toISOString() } }] },
          req,
        })
      : null
  ) as Doc | null
  const policy = await accountPolicy(req.payload)
  const messages = passwordViolations(password, user?.email, policy.password).map((v) => accountMessage(req, v.key, v.vars))
  if (user && !messages.length && (await inHistory(password, user.passwordHistory)))
    messages.push(accountMessage(req, 'passwordReused', { count: policy.password.historySize }))
  if (messages.length) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: messages.join('；') }] }, req.t)
  if (user) {
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id!,
      data: {
        passwordHistory: await pushHistory(password, user.passwordHistory, policy.password.historySize),
        passwordChangedAt: new Date().toISOString(),
        mustChangePassword: false,
      },
      req,
      returning: false,
    })
    await auditAccountEvent(req.payload, 'password-change', { user: user.id, email: user.email, detail: { via: 'reset-token' } }, req)
  }
  return args
}
