import type { CollectionBeforeChangeHook } from 'payload'
import { isCentralAdmin, mayGrantRole, refuse, sameId, userOrganizationId } from '../../src/access'
import { restrictionOfRequestUser } from '../../src/accounts'

/**
 * A site admin manages users of the own organization only, and every role given or taken away
 * must be one the granter may grant (ROLE_GRANTS in src/access): the central office's roles are
 * not a unit's to hand out, not even to itself.
 */
export const guardUserOrganization: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // A restricted account (src/accounts) may only change its own password; that hook guards it.
  if (!req.user || isCentralAdmin(req.user) || restrictionOfRequestUser(req.user)) return data
  const before: string[] = originalDoc?.roles ?? []
  const after: string[] = Array.isArray(data.roles) ? data.roles : before
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))]
  const refused = changed.find((role) => !mayGrantRole(req.user, role))
  if (refused) refuse(req, 'roleForbidden', { role: refused }, 403)
  const org = data.organization ?? originalDoc?.organization ?? userOrganizationId(req.user)
  if (!sameId(org, userOrganizationId(req.user))) refuse(req, 'userOtherOrganization', {}, 403)
  data.organization = org
  return data
}
