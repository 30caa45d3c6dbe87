import { ROLES, asUser, isCentralAdmin, type Role } from './roles'

/** Roles of a unit (单位): held by its own staff, meaningful only inside the unit. */
export const UNIT_ROLES: readonly Role[] = ['site-admin', 'editor', 'reviewer', 'letter-handler']

/**
 * Which role may grant (or revoke) which role, as data. The central office's roles (central-admin,
 * evaluator) read across units — an evaluator reads every unit's ratings and page views and scores
 * units — so only the central office hands them out; a unit's site admin hands out unit roles, to
 * users of the own unit (guardUserOrganization in collections/users checks the unit). A role
 * missing as a key grants nothing.
 */
export const ROLE_GRANTS: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  'central-admin': ROLES,
  'site-admin': UNIT_ROLES,
}

/** Whether `granter` may give or take away `role`. */
export function mayGrantRole(granter: unknown, role: string): boolean {
  if (isCentralAdmin(granter)) return true
  return (asUser(granter)?.roles ?? []).some((held) => (ROLE_GRANTS[held] ?? []).includes(role as Role))
}
