import type { Access } from 'payload'
import { centralAdminOnly, centralOrOwn, isCentralAdmin, asUser } from '../../src/access'

// Active sites are public (the directory, footers); staff also see offline and archived ones.
export const readSites: Access = ({ req }) => (asUser(req.user) ? true : { status: { equals: 'active' } })
export const createSites: Access = centralAdminOnly
export const updateSites: Access = centralOrOwn('organization', 'site-admin')
export const deleteSites: Access = centralAdminOnly
export const mayChangeSiteOwnership = ({ req }: { req: { user?: unknown } }) => isCentralAdmin(req.user)
