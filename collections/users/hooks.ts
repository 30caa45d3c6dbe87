import type { CollectionBeforeChangeHook } from 'payload'
import { isCentralAdmin, refuse, sameId, userOrganizationId } from '../../src/access'
import { restrictionOfRequestUser } from '../../src/accounts'

/** A site admin creates users only in their own organization and never grants central-admin. */
export const guardUserOrganization: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // A restricted account (src/accounts) may only change its own password; that hook guards it.
  if (!req.user || isCentralAdmin(req.user) || restrictionOfRequestUser(req.user)) return data
  const roles: string[] = Array.isArray(data.roles) ? data.roles : (originalDoc?.roles ?? [])
  if (roles.includes('central-admin') && !(originalDoc?.roles ?? []).includes('central-admin')) refuse(req, 'roleForbidden', { role: 'central-admin' }, 403)
  const org = data.organization ?? originalDoc?.organization ?? userOrganizationId(req.user)
  if (!sameId(org, userOrganizationId(req.user))) refuse(req, 'userOtherOrganization', {}, 403)
  data.organization = org
  return data
}
