import type { Access } from 'payload'
import { asUser, centralOrOwn, hasRole, isCentralAdmin } from '../../src/access'

export const readMedia: Access = () => true
export const createMedia: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin', 'editor', 'reviewer')
export const updateMedia: Access = centralOrOwn('organization', 'site-admin', 'editor', 'reviewer')
export const deleteMedia: Access = centralOrOwn('organization', 'site-admin', 'reviewer')
export const isStaff = ({ req }: { req: { user?: unknown } }) => Boolean(asUser(req.user))
