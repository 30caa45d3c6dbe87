import type { PayloadRequest } from 'payload'
import { refuse } from './errors'
import { hasRole, isCentralAdmin, relationId, sameId, userOrganizationId, type Role } from './roles'

type Id = number | string
export type ColumnOwnership = { id: Id; site: Id; ownerOrganization: Id; path?: string | null }

/**
 * The column-ownership rule, in one place: a user may write content in a column when the column's
 * owner organization is the user's organization (central admins may write anywhere). Sites and
 * organizations of content follow from the column, so this is the only tenancy check content needs,
 * whatever hosting mode (own site or portal columns) the organization uses.
 */
export function mayWriteInColumn(user: unknown, column: Pick<ColumnOwnership, 'ownerOrganization'>, roles: Role[]): boolean {
  if (isCentralAdmin(user)) return true
  if (!hasRole(user, ...roles)) return false
  return sameId(userOrganizationId(user), column.ownerOrganization)
}

export async function loadColumn(req: PayloadRequest, columnId: unknown): Promise<ColumnOwnership> {
  const id = relationId(columnId)
  if (id === null) refuse(req, 'columnRequired')
  const column = await req.payload.findByID({ collection: 'columns', id: id as Id, depth: 0, req, overrideAccess: true }).catch(() => null)
  if (!column) refuse(req, 'columnNotFound', { id })
  return {
    id: column.id,
    site: relationId(column.site) as Id,
    ownerOrganization: relationId(column.ownerOrganization) as Id,
    path: column.path,
  }
}

/** Refuses (403, in the admin's language) unless the request's user may write in the column. */
export async function assertMayWriteInColumn(req: PayloadRequest, columnId: unknown, roles: Role[]): Promise<ColumnOwnership> {
  const column = await loadColumn(req, columnId)
  // Local API calls without a user (seeding, jobs, tests with overrideAccess) are trusted code.
  if (!req.user) return column
  if (!mayWriteInColumn(req.user, column, roles)) refuse(req, 'columnNotOwned', { column: column.path ?? column.id }, 403)
  return column
}

export { userOrganizationId }
