import type { Access } from 'payload'
import { centralAdminOnly, hasRole, isCentralAdmin, nobody, ownOrganizationWhere } from '../../src/access'

// Individual ratings are read by the central office and evaluators (scorecard) in full, and by a
// unit's staff for their own unit; the public sees aggregates only. Ratings are created by the
// public form through the Local API and never edited.
export const readRatings: Access = ({ req }) => {
  if (isCentralAdmin(req.user) || hasRole(req.user, 'evaluator')) return true
  return hasRole(req.user, 'site-admin', 'reviewer') ? ownOrganizationWhere(req.user, 'organization') : false
}
export const createRatings: Access = nobody
export const updateRatings: Access = nobody
export const deleteRatings: Access = centralAdminOnly
