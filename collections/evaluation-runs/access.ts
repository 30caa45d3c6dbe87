import type { Access, FieldAccess } from 'payload'
import { hasRole, isCentralAdmin, ownOrganizationWhere } from '../../src/access'

// The central office (central admins) and its evaluators (考评员) run evaluations and enter manual
// scores; every other user sees only their own organization's results; anonymous sees nothing.
export const isScorer = (user: unknown): boolean => isCentralAdmin(user) || hasRole(user, 'evaluator')

export const scorersOnly: Access = ({ req }) => isScorer(req.user)
export const scorersOrOwn =
  (field: string): Access =>
  ({ req }) =>
    isScorer(req.user) ? true : req.user ? ownOrganizationWhere(req.user, field) : false
export const scorerField: FieldAccess = ({ req }) => isScorer(req.user)
export const readRuns: Access = ({ req }) => Boolean(req.user)
export const centralAdminOnlyAccess: Access = ({ req }) => isCentralAdmin(req.user)
