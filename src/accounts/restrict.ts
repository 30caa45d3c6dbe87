/**
 * What a restricted account (see session.ts) may do: read its own user record and change its own
 * password (plus the second-factor endpoints, which check the user themselves). Every other access
 * function of every collection and global refuses; a REST call gets the reason in the admin's
 * language (403), everything else a plain "no".
 */
import type { Access, CollectionConfig, GlobalConfig, PayloadRequest } from 'payload'
import { refuse } from '../access'
import { restrictionOfRequestUser } from './session'

function refuseRestricted(req: PayloadRequest, reason: string, slug: string): false {
  // Only the collection the REST call is about answers with the reason; relationships populated
  // on the way (the user's organization), GraphQL fields and the admin's permission overview just
  // see "no", so reading and changing the own account keeps working.
  const top = /^\/api\/(?:globals\/)?([^/?]+)/.exec(req.pathname ?? '')?.[1]
  if (req.payloadAPI !== 'REST' || top !== slug) return false
  refuse(req, `account.${reason}`, {}, 403)
}

function wrap(slug: string, key: string, original: Access | undefined, own: boolean): Access {
  return (args) => {
    const reason = restrictionOfRequestUser(args.req.user)
    if (!reason) return original ? original(args) : Boolean(args.req.user)
    if (own && (key === 'read' || key === 'update')) return { id: { equals: (args.req.user as { id: number | string }).id } }
    if (own && key === 'admin') return true
    return refuseRestricted(args.req, reason, slug)
  }
}

// Payload's own default for the four below is "any logged-in user"; the others are wrapped only when set.
const ALWAYS = new Set(['read', 'create', 'update', 'delete'])
const KEYS = ['read', 'create', 'update', 'delete', 'readVersions', 'unlock', 'admin'] as const

export function withAccountRestrictions(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    const access: Record<string, Access> = { ...(c.access as Record<string, Access>) }
    for (const key of KEYS)
      if (access[key] || ALWAYS.has(key) || (key === 'admin' && c.slug === 'users')) access[key] = wrap(c.slug, key, access[key], c.slug === 'users')
    return { ...c, access }
  })
}

export function withGlobalRestrictions(globals: GlobalConfig[]): GlobalConfig[] {
  return globals.map((g) => {
    const access: Record<string, Access> = { ...(g.access as Record<string, Access>) }
    for (const key of ['read', 'update', 'readVersions'] as const)
      if (access[key] || key !== 'readVersions') access[key] = wrap(g.slug, key, access[key], false)
    return { ...g, access }
  })
}
