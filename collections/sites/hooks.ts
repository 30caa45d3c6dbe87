import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { refuse } from '../../src/access'
import { countReferences } from '../shared'

export const normalizeDomains: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!Array.isArray(data.domains)) return data
  const seen = new Set<string>()
  for (const row of data.domains as Array<{ domain?: string }>) {
    const domain = String(row.domain ?? '')
      .trim()
      .toLowerCase()
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/.test(domain)) {
      refuse(req, 'invalidDomain', { domain })
    }
    if (seen.has(domain)) refuse(req, 'duplicateDomain', { domain })
    seen.add(domain)
    row.domain = domain
    const clash = await req.payload.find({
      collection: 'sites',
      where: { 'domains.domain': { equals: domain }, ...(originalDoc?.id !== undefined ? { id: { not_equals: originalDoc.id } } : {}) },
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    if (clash.docs.length) refuse(req, 'duplicateDomain', { domain, site: clash.docs[0].name })
  }
  return data
}

export const refuseDeleteSiteWithColumns: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const uses = await countReferences(req, [
    ['columns', 'site', id],
    ['articles', 'site', id],
  ])
  if (uses) refuse(req, 'siteInUse', { uses })
}
