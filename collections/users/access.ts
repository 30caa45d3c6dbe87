import type { Access, FieldAccess, Where } from 'payload'
import { asUser, hasRole, isCentralAdmin, ownOrganizationWhere } from '../../src/access'

/** Central admins see everyone; site admins their organization; everyone else only themselves. */
export const readUsers: Access = ({ req }): boolean | Where => {
  const user = asUser(req.user)
  if (!user) return false
  if (isCentralAdmin(user)) return true
  if (hasRole(user, 'site-admin')) return { or: [{ id: { equals: user.id } }, ownOrganizationWhere(user, 'organization') || { id: { equals: user.id } }] }
  return { id: { equals: user.id } }
}
export const createUsers: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin')
export const updateUsers: Access = readUsers
export const deleteUsers: Access = ({ req }) => {
  if (isCentralAdmin(req.user)) return true
  return hasRole(req.user, 'site-admin') ? ownOrganizationWhere(req.user, 'organization') : false
}

/**
 * Unlocking clears the per-account lockout, so it is an administrator's act on an account they
 * manage: the central office any, a site admin their own unit's. Payload's default would let every
 * logged-in user unlock anyone. A refused, foreign or unknown address gets the same 403, because
 * Payload answers "not found" under the access filter with the very Forbidden it uses for "no access".
 */
export const unlockUsers: Access = ({ req }) => {
  if (isCentralAdmin(req.user)) return true
  return hasRole(req.user, 'site-admin') ? ownOrganizationWhere(req.user, 'organization') : false
}

/** Only the central office grants roles across units or moves people between organizations. */
export const centralAdminField: FieldAccess = ({ req }) => isCentralAdmin(req.user)
export const siteAdminField: FieldAccess = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin')
