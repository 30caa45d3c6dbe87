import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { refuse, relationId } from '../../src/access'
import { assertNoCycle, countReferences } from '../shared'

export const checkOrganizationParent: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const parent = relationId(data.parent)
  if (parent !== null && originalDoc?.id !== undefined) {
    await assertNoCycle(req, 'organizations', originalDoc.id, parent, 'organizationOwnAncestor')
  }
  if (data.hostingMode === 'own-site') data.hostSite = null
  return data
}

/** An organization that still has sites, columns, content, users or child units cannot be deleted. */
export const refuseDeleteWhileInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const uses = await countReferences(req, [
    ['sites', 'organization', id],
    ['columns', 'ownerOrganization', id],
    ['articles', 'organization', id],
    ['users', 'organization', id],
    ['organizations', 'parent', id],
  ])
  if (uses) refuse(req, 'organizationInUse', { uses })
}
