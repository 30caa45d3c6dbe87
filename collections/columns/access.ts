import type { Access } from 'payload'
import { asUser, centralOrOwn } from '../../src/access'

// Public columns are navigation, visible to everyone; staff see hidden ones too.
export const readColumns: Access = ({ req }) => (asUser(req.user) ? true : { visibility: { equals: 'public' } })
// Create is decided in hooks (it depends on the parent or site in the data); update and delete
// are limited to columns the user's organization owns.
export const createColumns: Access = ({ req }) => Boolean(asUser(req.user))
export const updateColumns: Access = centralOrOwn('ownerOrganization', 'site-admin')
export const deleteColumns: Access = centralOrOwn('ownerOrganization', 'site-admin')
