import type { Access } from 'payload'
import { hasRole, isCentralAdmin } from '../../src/access'

/** Visit counts are written only by the server (Local API) and read by staff who evaluate sites. */
export const readPageViews: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, 'site-admin', 'evaluator')
export const writePageViews: Access = () => false
