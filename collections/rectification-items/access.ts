import type { Access, FieldAccess } from 'payload'
import { hasRole } from '../../src/access'
import { centralAdminOnlyAccess, isScorer, scorersOrOwn } from '../evaluation-runs/access'

// 整改清单: opened and closed by evaluation runs; the unit's staff move its own items along
// (status and notes only), scorers see and adjust everything.
const UNIT_ROLES = ['site-admin', 'editor', 'reviewer', 'letter-handler'] as const
export const readItems: Access = scorersOrOwn('organization')
export const updateItems: Access = ({ req }) => (isScorer(req.user) ? true : hasRole(req.user, ...UNIT_ROLES) ? scorersOrOwn('organization')({ req }) : false)
export const createItems: Access = () => false
export const deleteItems: Access = centralAdminOnlyAccess
export const scorerOnlyField: FieldAccess = ({ req }) => isScorer(req.user)
