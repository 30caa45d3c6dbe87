/**
 * The rules of sharing, used by the placements collection's hooks and by the submit/push paths:
 * what may be shared (a published article of one's own unit), where to (a column of another
 * site), and who decides (the receiving column's unit).
 */
import type { CollectionSlug, PayloadRequest } from 'payload'
import { hasRole, isCentralAdmin, isPubliclyVisible, loadColumn, refuse, relationId, sameId, userOrganizationId, type ColumnOwnership } from '../access'

export type Id = number | string
export const PLACEMENTS = 'placements' as const satisfies CollectionSlug
/** Context flag: placements are being removed because their article was deleted (any role may cause that). */
export const ARTICLE_DELETED = 'sitegroup:articleDeleted'

/** Submission // 信息报送 (the receiver decides); push // 统一推送 (accepted at once, central office only). */
export const PLACEMENT_KINDS = ['submission', 'push'] as const
export type PlacementKind = (typeof PLACEMENT_KINDS)[number]
export const PLACEMENT_STATES = ['pending', 'accepted', 'rejected'] as const
export type PlacementState = (typeof PLACEMENT_STATES)[number]
/** Decisions a receiver may make; a rejected item may be reconsidered. */
const DECISIONS: Record<PlacementState, PlacementState[]> = { pending: ['accepted', 'rejected'], accepted: ['rejected'], rejected: ['accepted'] }
const OPEN_STATES: PlacementState[] = ['pending', 'accepted']

export interface SourceArticle {
  id: Id
  title: string
  column: Id
  site: Id
  organization: Id
  state: string
  _status: string
  publishedAt: string | null
}

export async function loadSourceArticle(req: PayloadRequest, articleId: unknown): Promise<SourceArticle> {
  const id = relationId(articleId)
  if (id === null) refuse(req, 'sourceNotFound', { id: '' })
  // draft: false reads the live document: a newer unpublished draft is not what the receivers show.
  const doc = (await req.payload
    .findByID({
      collection: 'articles',
      id: id as Id,
      depth: 0,
      draft: false,
      req,
      overrideAccess: true,
      select: { title: true, column: true, site: true, organization: true, state: true, _status: true, publishedAt: true },
    })
    .catch(() => null)) as Record<string, unknown> | null
  if (!doc) refuse(req, 'sourceNotFound', { id }, 404)
  return {
    id: doc.id as Id,
    title: String(doc.title ?? ''),
    column: relationId(doc.column) as Id,
    site: relationId(doc.site) as Id,
    organization: relationId(doc.organization) as Id,
    state: String(doc.state ?? ''),
    _status: String(doc._status ?? ''),
    publishedAt: (doc.publishedAt as string | null) ?? null,
  }
}

export function assertPublished(req: PayloadRequest, article: SourceArticle): void {
  if (!isPubliclyVisible(article)) refuse(req, 'sourceNotPublished', { state: article.state === 'published' ? 'scheduled' : article.state })
}

/** Editors submit only their own unit's work; central admins and trusted code (no user) may submit any. */
export function assertOwnArticle(req: PayloadRequest, article: SourceArticle): void {
  if (!req.user || isCentralAdmin(req.user)) return
  if (!sameId(userOrganizationId(req.user), article.organization)) refuse(req, 'sourceForeign', {}, 403)
}

/** A target must be another unit's column on another site: anything else is published directly. */
export function assertForeignTarget(req: PayloadRequest, article: SourceArticle, column: ColumnOwnership): void {
  if (sameId(column.ownerOrganization, article.organization)) refuse(req, 'targetOwnColumn', { column: column.path ?? column.id })
  if (sameId(column.site, article.site)) refuse(req, 'targetOwnSite', { column: column.path ?? column.id })
}

export async function loadTargetColumn(req: PayloadRequest, columnId: unknown): Promise<ColumnOwnership> {
  if (relationId(columnId) === null) refuse(req, 'targetRequired')
  return loadColumn(req, columnId)
}

/** An article is placed in a column at most once while pending or accepted; after a rejection it may be submitted again. */
export async function assertNotPlaced(req: PayloadRequest, articleId: Id, column: ColumnOwnership): Promise<void> {
  const found = await req.payload.find({
    collection: PLACEMENTS,
    where: { and: [{ article: { equals: articleId } }, { targetColumn: { equals: column.id } }, { state: { in: OPEN_STATES } }] },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const existing = found.docs[0] as { state?: string } | undefined
  if (existing) refuse(req, 'placementDuplicate', { column: column.path ?? column.id, state: existing.state })
}

/** Who decides: reviewers and site admins of the receiving column's unit (and central admins). */
export function mayDecide(user: unknown, targetOrganization: unknown): boolean {
  if (isCentralAdmin(user)) return true
  return hasRole(user, 'reviewer', 'site-admin') && sameId(userOrganizationId(user), targetOrganization)
}

export function assertDecision(req: PayloadRequest, from: PlacementState, to: PlacementState): void {
  if (!PLACEMENT_STATES.includes(to) || !DECISIONS[from]?.includes(to)) refuse(req, 'placementInvalidDecision', { from, to: String(to) })
}

export { OPEN_STATES }
