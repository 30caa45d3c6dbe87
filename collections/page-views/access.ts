import type { Access } from 'payload'
import { hasRole, isCentralAdmin, ownOrganizationWhere } from '../../src/access'

/**
 * Visit counts are written only by the server (Local API). The central office and evaluators read
 * all of them; a unit's site admin reads those of the unit's own sites only (the tenant matrix,
 * tests/security/tenant-matrix.test.ts).
 */
export const readPageViews: Access = ({ req }) => {
  if (isCentralAdmin(req.user) || hasRole(req.user, 'evaluator')) return true
  return hasRole(req.user, 'site-admin') ? ownOrganizationWhere(req.user, 'site.organization') : false
}
export const writePageViews: Access = () => false
