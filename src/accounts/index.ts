/**
 * Accounts // 账号安全 (等保 2.0-style identity and session controls), in one place:
 * - password policy (length, classes, not the account name, no reuse of the last N, expiry),
 * - lockout per account and per client address, with answers that never reveal an account,
 * - session idle timeout on top of Payload's token expiry, and the cookie settings,
 * - forced password change for seeded demo accounts in production and for admin-set passwords,
 * - optional TOTP second factor with recovery codes (enforceable for central admins),
 * - the audit trail of every account event, the client address of every request, the audit export.
 * collections/users wires the hooks, strategy and endpoints; collections/index.ts the restrictions.
 */
export { accountPolicy, forgetAccountPolicy, mergePolicy, staticPolicy, demoPasswordsAllowed, type AccountPolicy, type AccountSettings } from './policy'
export { passwordViolations, type PasswordViolation } from './passwords'
export { CLIENT_ADDRESS_HEADER, clientAddress, requestOrigin, forwardClientAddress, type RequestOrigin } from './origin'
export { auditAccountEvent, type AccountEvent } from './audit'
export { accountKey, addressKey, lockedUntil, clearFailures } from './lockout'
export { guardLogin, afterLogin, afterLogout, uniformLoginErrors, afterUnlock } from './login'
export { sessionStrategy, restrictionOf, restrictionOfRequestUser, passwordExpiresAt, type Restriction } from './session'
export { withAccountRestrictions, withGlobalRestrictions } from './restrict'
export { enforcePasswordPolicy, auditPasswordChange, guardPasswordReset } from './user-hooks'
export { accountEndpoints } from './endpoints'
export { auditExportEndpoint, exportWhere } from './audit-export'
export { sessionCookies } from './cookies'
export { accountsPlugin } from './plugin'
