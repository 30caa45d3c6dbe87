import type { Access, FilterOptions, Where } from 'payload'
import { asUser, hasRole, isCentralAdmin, userOrganizationId } from '../../src/access'

const STAFF = ['site-admin', 'editor', 'reviewer'] as const

/** A placement concerns two units: the one that submitted it and the one whose column receives it. */
function involved(user: unknown): Where | false {
  const org = userOrganizationId(user)
  if (!asUser(user) || org === null || !hasRole(user, ...STAFF)) return false
  return { or: [{ sourceOrganization: { equals: org } }, { targetOrganization: { equals: org } }] }
}

// Anonymous visitors never read placements: receiving sites show the articles, not the records.
export const readPlacements: Access = ({ req }) => (isCentralAdmin(req.user) ? true : involved(req.user))
// What may be submitted where is checked in hooks, where article and column are known.
export const createPlacements: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, ...STAFF)
// Both sides reach the document; the hooks say precisely who may decide, edit or recall, with a clear message.
export const updatePlacements: Access = ({ req }) => (isCentralAdmin(req.user) ? true : involved(req.user))
export const deletePlacements: Access = ({ req }) => (isCentralAdmin(req.user) ? true : involved(req.user))

/** The create form offers an editor only their unit's published articles (the hooks enforce it on every path). */
export const ownPublishedArticles: FilterOptions = ({ id, user }) => {
  if (id !== undefined || isCentralAdmin(user)) return true
  const org = userOrganizationId(user)
  const where: Where = { and: [{ organization: { equals: org ?? -1 } }, { state: { equals: 'published' } }, { _status: { equals: 'published' } }] }
  return where
}

/** …and only columns other units maintain; a column on the article's own site is refused with a message on save. */
export const otherUnitsColumns: FilterOptions = ({ id, user }) => {
  if (id !== undefined || isCentralAdmin(user)) return true
  const org = userOrganizationId(user)
  return org === null ? false : { ownerOrganization: { not_equals: org } }
}
