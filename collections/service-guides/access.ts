import type { Access, Where } from 'payload'
import { asUser, centralOrOwn, hasRole, isCentralAdmin, ownOrganizationWhere } from '../../src/access'

/** The public reads published guides; staff read their own organization's drafts too. */
export const readServiceGuides: Access = ({ req }): boolean | Where => {
  if (isCentralAdmin(req.user)) return true
  if (!asUser(req.user)) return { _status: { equals: 'published' } }
  const own = ownOrganizationWhere(req.user, 'organization')
  return own ? { or: [{ _status: { equals: 'published' } }, own] } : { _status: { equals: 'published' } }
}
export const createServiceGuides: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin', 'editor', 'reviewer')
export const updateServiceGuides: Access = centralOrOwn('organization', 'site-admin', 'editor', 'reviewer')
export const deleteServiceGuides: Access = centralOrOwn('organization', 'site-admin', 'reviewer')
