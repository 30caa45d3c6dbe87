import type { Access } from 'payload'
import { centralAdminOnly } from '../../src/access'

// Every staff member may read the indicators they are scored on; only the central office edits them.
export const readIndicatorSets: Access = ({ req }) => Boolean(req.user)
export const writeIndicatorSets: Access = centralAdminOnly
