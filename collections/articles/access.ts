import type { Access, Where } from 'payload'
import { asUser, hasRole, isCentralAdmin, publicArticleWhere, userOrganizationId } from '../../src/access'

const STAFF = ['site-admin', 'editor', 'reviewer'] as const

/** Anonymous visitors and other units see published articles; staff also see their own unit's drafts. */
export const readArticles: Access = ({ req }) => {
  if (isCentralAdmin(req.user)) return true
  const org = userOrganizationId(req.user)
  if (!asUser(req.user) || org === null) return publicArticleWhere()
  return { or: [{ organization: { equals: org } }, publicArticleWhere()] } as Where
}

// Which column (hence organization) a new article may go into is checked in hooks, where the data is known.
export const createArticles: Access = ({ req }) => isCentralAdmin(req.user) || hasRole(req.user, ...STAFF)

export const updateArticles: Access = ({ req }): boolean | Where => {
  if (isCentralAdmin(req.user)) return true
  const org = userOrganizationId(req.user)
  return hasRole(req.user, ...STAFF) && org !== null ? { organization: { equals: org } } : false
}

/** Reviewers and site admins delete in their unit; editors only drafts that were never published. */
export const deleteArticles: Access = ({ req }): boolean | Where => {
  if (isCentralAdmin(req.user)) return true
  const org = userOrganizationId(req.user)
  if (org === null) return false
  if (hasRole(req.user, 'reviewer', 'site-admin')) return { organization: { equals: org } }
  if (hasRole(req.user, 'editor')) return { and: [{ organization: { equals: org } }, { state: { equals: 'draft' } }, { _status: { equals: 'draft' } }] }
  return false
}
