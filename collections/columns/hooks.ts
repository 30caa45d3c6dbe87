import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { isCentralAdmin, refuse, relationId, sameId, userOrganizationId, hasRole } from '../../src/access'
import { assertNoCycle, countReferences } from '../shared'

type Id = number | string
type ColumnDoc = { id: Id; site: Id | { id: Id }; parent?: Id | { id: Id } | null; path?: string; slug: string; ownerOrganization: Id | { id: Id } }

/**
 * Keeps the tree sound: the parent is in the same site and not the column itself or one of its
 * descendants; the path (slugs joined by '/') is unique per site; the owner defaults to the
 * site's organization; a site admin creates or moves a column only under what their organization owns.
 */
export const validateColumnTree: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const siteId = relationId(data.site ?? originalDoc?.site)
  if (siteId === null) refuse(req, 'siteRequired')
  const site = await req.payload.findByID({ collection: 'sites', id: siteId!, depth: 0, req, overrideAccess: true }).catch(() => null)
  if (!site) refuse(req, 'siteNotFound', { id: siteId })

  const parentId = relationId(data.parent === undefined ? originalDoc?.parent : data.parent)
  let parent: ColumnDoc | null = null
  if (parentId !== null) {
    parent = (await req.payload.findByID({ collection: 'columns', id: parentId, depth: 0, req, overrideAccess: true }).catch(() => null)) as ColumnDoc | null
    if (!parent) refuse(req, 'columnNotFound', { id: parentId })
    if (!sameId(parent!.site, siteId)) refuse(req, 'columnParentOtherSite')
    if (originalDoc?.id !== undefined) await assertNoCycle(req, 'columns', originalDoc.id, parentId, 'columnOwnAncestor')
  }

  if (data.ownerOrganization === undefined || data.ownerOrganization === null) {
    data.ownerOrganization = originalDoc?.ownerOrganization ?? relationId(parent?.ownerOrganization) ?? relationId(site!.organization)
  }
  // On update too: a column moved to another site or under another parent is placed anew, and a
  // unit must not place its column (hence its editors' articles) on another unit's site.
  const placed =
    operation === 'create' ||
    !sameId(siteId, originalDoc?.site) ||
    String(parentId) !== String(relationId(originalDoc?.parent)) ||
    !sameId(data.ownerOrganization, originalDoc?.ownerOrganization)
  if (placed && req.user && !isCentralAdmin(req.user)) assertMayPlaceColumn(req, site as unknown as { organization: unknown }, parent, data.ownerOrganization)

  const slug = String(data.slug ?? originalDoc?.slug ?? '')
  data.path = parent ? `${parent.path}/${slug}` : slug
  const clash = await req.payload.find({
    collection: 'columns',
    where: { site: { equals: siteId }, path: { equals: data.path }, ...(originalDoc?.id !== undefined ? { id: { not_equals: originalDoc.id } } : {}) },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  if (clash.docs.length) refuse(req, 'columnPathTaken', { path: data.path })
  return data
}

function assertMayPlaceColumn(req: PayloadRequest, site: { organization: unknown }, parent: ColumnDoc | null, owner: unknown) {
  const org = userOrganizationId(req.user)
  const allowed = hasRole(req.user, 'site-admin') && sameId(owner, org) && (parent ? sameId(parent.ownerOrganization, org) : sameId(site.organization, org))
  if (!allowed) refuse(req, 'columnCreateForbidden', {}, 403)
}

/** A renamed or moved column carries its descendants' paths along. */
export const updateDescendantPaths: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.path === doc.path) return doc
  const children = await req.payload.find({
    collection: 'columns',
    where: { parent: { equals: doc.id } },
    limit: 0,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  for (const child of children.docs) {
    await req.payload.update({
      collection: 'columns',
      id: child.id,
      data: { path: `${doc.path}/${child.slug}` },
      req,
      overrideAccess: true,
      context: req.context,
    })
  }
  return doc
}

export const refuseDeleteColumnInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const uses = await countReferences(req, [
    ['articles', 'column', id],
    ['columns', 'parent', id],
  ])
  if (uses) refuse(req, 'columnInUse', { uses })
}
