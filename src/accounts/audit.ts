/**
 * Writes account events (logins, failures, lockouts, password and second-factor changes) to the
 * audit log. Failures are written without the request's transaction: the operation that failed
 * rolls back, the record of its failure must not.
 */
import type { Payload, PayloadRequest } from 'payload'
import { schemaId } from '../lib/schema'
import { requestOrigin } from './origin'

export type AccountEvent =
  | 'login'
  | 'login-failed'
  | 'login-locked'
  | 'lockout'
  | 'logout'
  | 'session-idle-timeout'
  | 'password-change'
  | 'password-refused'
  | 'totp-enrol'
  | 'totp-failed'
  | 'totp-disable'
  | 'totp-reset'
  | 'recovery-code-used'

export async function auditAccountEvent(
  payload: Payload,
  event: AccountEvent,
  entry: { user?: number | string | null; email?: string | null; detail?: Record<string, unknown> },
  req?: PayloadRequest | { headers?: Headers },
  options: { inTransaction?: boolean } = {},
): Promise<void> {
  const origin = requestOrigin(req)
  const who = entry.email ? ` ${entry.email}` : ''
  await payload.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      user: entry.user != null ? schemaId(entry.user) : null,
      ip: origin.ip,
      userAgent: origin.userAgent,
      action: `account:${event}`,
      targetCollection: 'users',
      targetId: entry.user != null ? String(entry.user) : null,
      summary: `${event}${who}`.slice(0, 500),
      changes: { ...(entry.email ? { email: entry.email } : {}), ...entry.detail },
    },
    overrideAccess: true,
    context: { skipAudit: true },
    ...(options.inTransaction && req && 'payload' in req ? { req: req as PayloadRequest } : {}),
  })
}
