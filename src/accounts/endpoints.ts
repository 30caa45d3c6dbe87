/**
 * REST endpoints on /api/users for the account's own security state and the second factor:
 *   GET  /api/users/account-state   what restricts this session, when the password expires
 *   POST /api/users/totp/enrol      a new secret (otpauth URL + QR code), shown once
 *   POST /api/users/totp/confirm    { code } → second factor on, recovery codes (shown once)
 *   POST /api/users/totp/disable    { code } → off (refused while required for central admins)
 *   POST /api/users/:id/totp/reset  central admin: remove a user's second factor (lost device)
 */
import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { isCentralAdmin, refuse } from '../access'
import { auditAccountEvent } from './audit'
import { accountPolicy } from './policy'
import { passwordExpiresAt, restrictionOf, restrictionOfRequestUser } from './session'
import { hashRecoveryCode, isRecoveryCodeShape, newEnrolment, newRecoveryCodes, openSecret, sealSecret, verifyCode } from './totp'

type Stored = Record<string, any> & { id: number | string }

function currentUser(req: PayloadRequest): Stored {
  const user = req.user as Stored | null
  if (!user || user.collection !== 'users') refuse(req, 'account.loginRequired', {}, 401)
  return user
}

const stored = async (req: PayloadRequest, id: number | string) =>
  (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as Stored

async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as Record<string, unknown>
}

/** What every second-factor handler starts from: the signed-in user, its stored record, the policy and the submitted code. */
async function totpContext(req: PayloadRequest) {
  const user = currentUser(req)
  const { code } = await body(req)
  const [full, policy] = await Promise.all([stored(req, user.id), accountPolicy(req.payload)])
  return { user, full, policy, code: String(code ?? '') }
}

const accountState: Endpoint = {
  path: '/account-state',
  method: 'get',
  handler: async (req) => {
    const user = currentUser(req)
    const policy = await accountPolicy(req.payload)
    const full = await stored(req, user.id)
    return Response.json({
      restriction: restrictionOfRequestUser(user) ?? restrictionOf(full, policy),
      passwordChangedAt: full.passwordChangedAt ?? null,
      passwordExpiresAt: passwordExpiresAt(full, policy),
      totpEnabled: Boolean(full.totpEnabled),
      totpRequired: policy.totp.requireForCentralAdmins && isCentralAdmin({ ...full, collection: 'users' }),
      recoveryCodesLeft: Array.isArray(full.totpRecoveryCodes) ? full.totpRecoveryCodes.length : 0,
      idleTimeoutMinutes: policy.session.idleTimeoutMinutes,
    })
  },
}

const enrol: Endpoint = {
  path: '/totp/enrol',
  method: 'post',
  handler: async (req) => {
    const { user, full, policy } = await totpContext(req)
    if (full.totpEnabled) refuse(req, 'totp.alreadyEnabled', {}, 409)
    const enrolment = await newEnrolment(String(full.email), policy.totp)
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { totpPendingSecret: sealSecret(enrolment.secret, req.payload.secret) },
      returning: false,
    })
    return Response.json(enrolment, { headers: { 'cache-control': 'no-store' } })
  },
}

const confirm: Endpoint = {
  path: '/totp/confirm',
  method: 'post',
  handler: async (req) => {
    const { user, full, policy, code } = await totpContext(req)
    const secret = typeof full.totpPendingSecret === 'string' ? openSecret(full.totpPendingSecret, req.payload.secret) : null
    if (!secret) refuse(req, 'totp.notEnrolling', {}, 409)
    const step = verifyCode(secret, code, policy.totp)
    if (!step) {
      await auditAccountEvent(req.payload, 'totp-failed', { user: user.id, email: full.email, detail: { during: 'enrolment' } }, req)
      refuse(req, 'totp.wrongCode', {}, 400)
    }
    const codes = newRecoveryCodes(policy.totp.recoveryCodes)
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: {
        totpSecret: full.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabled: true,
        totpLastStep: step,
        totpRecoveryCodes: codes.map(hashRecoveryCode),
      },
      returning: false,
    })
    await auditAccountEvent(req.payload, 'totp-enrol', { user: user.id, email: full.email }, req)
    return Response.json({ enabled: true, recoveryCodes: codes }, { headers: { 'cache-control': 'no-store' } })
  },
}

const disable: Endpoint = {
  path: '/totp/disable',
  method: 'post',
  handler: async (req) => {
    const { user, full, policy, code: text } = await totpContext(req)
    if (!full.totpEnabled) refuse(req, 'totp.notEnabled', {}, 409)
    if (policy.totp.requireForCentralAdmins && isCentralAdmin({ ...full, collection: 'users' })) refuse(req, 'totp.required', {}, 403)
    const secret = openSecret(String(full.totpSecret), req.payload.secret)
    const ok = isRecoveryCodeShape(text)
      ? (full.totpRecoveryCodes ?? []).includes(hashRecoveryCode(text))
      : Boolean(secret && verifyCode(secret, text, policy.totp, full.totpLastStep))
    if (!ok) {
      await auditAccountEvent(req.payload, 'totp-failed', { user: user.id, email: full.email, detail: { during: 'disable' } }, req)
      refuse(req, 'totp.wrongCode', {}, 400)
    }
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { totpEnabled: false, totpSecret: null, totpRecoveryCodes: null, totpLastStep: null },
      returning: false,
    })
    await auditAccountEvent(req.payload, 'totp-disable', { user: user.id, email: full.email }, req)
    return Response.json({ enabled: false })
  },
}

const reset: Endpoint = {
  path: '/:id/totp/reset',
  method: 'post',
  handler: async (req) => {
    const admin = currentUser(req)
    if (!isCentralAdmin(admin)) refuse(req, 'account.centralAdminOnly', {}, 403)
    const id = req.routeParams?.id as string
    const target = await stored(req, id)
    if (!target) refuse(req, 'account.notFound', {}, 404)
    await req.payload.db.updateOne({
      collection: 'users',
      id: target.id,
      data: { totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpRecoveryCodes: null, totpLastStep: null },
      returning: false,
    })
    await auditAccountEvent(req.payload, 'totp-reset', { user: admin.id, email: target.email, detail: { target: target.id } }, req)
    return Response.json({ enabled: false })
  },
}

export const accountEndpoints: Endpoint[] = [accountState, enrol, confirm, disable, reset]
