import type { Access, FieldAccess, Where } from 'payload'
import { asUser, centralOrOwn, hasRole, isCentralAdmin, ownOrganizationWhere } from '../../src/access'

/** Public files: a published document uses them (or a site admin published them) and their time has come. See visibility.ts. */
export const publicMediaWhere = (now = new Date()): Where => ({ publicFrom: { less_than_equal: now.toISOString() } })

/**
 * The public reads public files only; staff also read their own unit's files; the central office
 * reads all. The same rule guards the file URLs (Payload's file route applies read access to the
 * file name), so an unpublished upload's URL answers 403 to anyone outside its unit.
 */
export const readMedia: Access = ({ req }) => {
  if (isCentralAdmin(req.user)) return true
  const own = asUser(req.user) ? ownOrganizationWhere(req.user, 'organization') : false
  return own ? { or: [publicMediaWhere(), own] } : publicMediaWhere()
}
export const createMedia: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin', 'editor', 'reviewer')
export const updateMedia: Access = centralOrOwn('organization', 'site-admin', 'editor', 'reviewer')
export const deleteMedia: Access = centralOrOwn('organization', 'site-admin', 'reviewer')
/** Making a file public by hand (or private again) is a publication decision: not an editor's alone. */
export const setMediaPublicFrom: FieldAccess = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin', 'reviewer')
