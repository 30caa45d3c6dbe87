import type { PayloadRequest, Where } from 'payload'

/** Roles a user can hold; a user belongs to exactly one organization (单位). */
export const ROLES = [
  'central-admin', // 信息化主管部门: everything
  'site-admin', // own organization's sites, columns and users
  'editor', // drafts in columns owned by own organization
  'reviewer', // publishes and withdraws in own organization's columns
  'letter-handler', // answers citizens' letters addressed to own organization
  'evaluator', // enters manual scorecard indicators
] as const
export type Role = (typeof ROLES)[number]

type Id = number | string
export type SessionUser = { id: Id; roles?: Role[] | null; organization?: Id | { id: Id } | null; collection?: string }

export function asUser(user: unknown): SessionUser | null {
  if (!user || typeof user !== 'object') return null
  const u = user as SessionUser
  return u.collection === undefined || u.collection === 'users' ? u : null
}

export function hasRole(user: unknown, ...roles: Role[]): boolean {
  const u = asUser(user)
  return Boolean(u?.roles?.some((r) => roles.includes(r)))
}

export const isCentralAdmin = (user: unknown): boolean => hasRole(user, 'central-admin')

export function relationId(value: unknown): Id | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

export function userOrganizationId(user: unknown): Id | null {
  return relationId(asUser(user)?.organization)
}

export function sameId(a: unknown, b: unknown): boolean {
  const x = relationId(a)
  const y = relationId(b)
  return x !== null && y !== null && String(x) === String(y)
}

/** A Where that limits a query to documents whose `field` is the user's organization. */
export function ownOrganizationWhere(user: unknown, field: string): Where | false {
  const org = userOrganizationId(user)
  return org === null ? false : { [field]: { equals: org } }
}

/** Access function factory: central admins pass; users with one of `roles` are limited to their organization. */
export function centralOrOwn(field: string, ...roles: Role[]) {
  return ({ req }: { req: PayloadRequest }): boolean | Where => {
    if (isCentralAdmin(req.user)) return true
    if (roles.length && !hasRole(req.user, ...roles)) return false
    return ownOrganizationWhere(req.user, field)
  }
}

export const centralAdminOnly = ({ req }: { req: PayloadRequest }): boolean => isCentralAdmin(req.user)
export const loggedIn = ({ req }: { req: PayloadRequest }): boolean => Boolean(asUser(req.user))
export const nobody = (): boolean => false
