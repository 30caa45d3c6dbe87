import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { isCentralAdmin, refuse, relationId, sameId, userOrganizationId } from '../../src/access'
import {
  ARTICLE_DELETED,
  assertDecision,
  assertForeignTarget,
  assertNotPlaced,
  assertOwnArticle,
  assertPublished,
  loadSourceArticle,
  loadTargetColumn,
  mayDecide,
  PLACEMENTS,
  PUSH_CONTEXT,
  sharingConfig,
  type PlacementState,
  type PreparedPush,
} from '../../src/sharing'

type Data = Record<string, unknown>
/** Set once from the article and column; never changed afterwards (a new target is a new placement). */
const FIXED = ['kind', 'article', 'targetColumn', 'batch'] as const
const DERIVED = ['sourceOrganization', 'sourceSite', 'targetSite', 'targetOrganization', 'submittedBy', 'submittedAt'] as const

const now = () => new Date().toISOString()
const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null)

/** Derives both units and sites from the article and column, forces the starting state and enforces every sharing rule. */
export const guardPlacementChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  return operation === 'create' ? prepareNew(req, data) : guardUpdate(req, data, originalDoc as Data)
}

async function prepareNew(req: PayloadRequest, data: Data): Promise<Data> {
  const kind = data.kind === 'push' ? 'push' : 'submission'
  if (kind === 'push' && req.user && !isCentralAdmin(req.user)) refuse(req, 'pushForbidden', {}, 403)
  const prepared = req.context?.[PUSH_CONTEXT] as PreparedPush | undefined
  const trusted = kind === 'push' && prepared && sameId(prepared.article.id, data.article) ? prepared : undefined
  const article = trusted?.article ?? (await loadSourceArticle(req, data.article))
  const column = trusted?.columns.get(String(relationId(data.targetColumn))) ?? (await loadTargetColumn(req, data.targetColumn))
  assertPublished(req, article)
  if (kind === 'submission') assertOwnArticle(req, article)
  assertForeignTarget(req, article, column)
  // A push has checked all its targets in one query.
  if (!trusted) await assertNotPlaced(req, article.id, column)
  const user = relationId(req.user?.id)
  return {
    ...data,
    kind,
    article: article.id,
    sourceOrganization: article.organization,
    sourceSite: article.site,
    targetColumn: column.id,
    targetSite: column.site,
    targetOrganization: column.ownerOrganization,
    state: kind === 'push' ? 'accepted' : 'pending',
    submittedBy: user,
    submittedAt: now(),
    decidedBy: kind === 'push' ? user : null,
    decidedAt: kind === 'push' ? now() : null,
    rejectionReason: null,
    batch: kind === 'push' ? (trusted?.batch ?? text(data.batch, 64) ?? crypto.randomUUID()) : null,
    note: text(data.note, sharingConfig.noteMaxLength),
  }
}

async function guardUpdate(req: PayloadRequest, data: Data, original: Data): Promise<Data> {
  for (const field of FIXED) {
    if (data[field] !== undefined && String(relationId(data[field]) ?? '') !== String(relationId(original[field]) ?? '')) refuse(req, 'placementImmutable')
  }
  for (const field of [...FIXED, ...DERIVED]) data[field] = original[field]
  const user = req.user
  const trusted = !user || isCentralAdmin(user)
  if (original.kind === 'push' && !trusted) refuse(req, 'placementPushLocked', {}, 403)

  const from = original.state as PlacementState
  const to = (data.state ?? from) as PlacementState
  const reason = text(data.rejectionReason === undefined ? original.rejectionReason : data.rejectionReason, sharingConfig.rejectionReasonMaxLength)
  const noteChanged = data.note !== undefined && text(data.note, sharingConfig.noteMaxLength) !== text(original.note, sharingConfig.noteMaxLength)
  const reasonChanged = reason !== text(original.rejectionReason, sharingConfig.rejectionReasonMaxLength)

  if (from !== to || reasonChanged) {
    if (!trusted && !mayDecide(user, original.targetOrganization)) refuse(req, 'placementDecideForbidden', {}, 403)
    if (original.kind === 'push' && to !== 'accepted') refuse(req, 'placementInvalidDecision', { from, to })
  }
  if (from !== to) {
    assertDecision(req, from, to)
    if (to === 'accepted') assertPublished(req, await loadSourceArticle(req, original.article))
    data.decidedBy = relationId(user?.id)
    data.decidedAt = now()
  }
  if (to === 'rejected' && !reason) refuse(req, 'placementReasonRequired')
  data.rejectionReason = to === 'rejected' ? reason : null
  // The submitter may reword the note while nobody has decided yet.
  if (noteChanged && !trusted && !(from === 'pending' && sameId(userOrganizationId(user), original.sourceOrganization))) refuse(req, 'placementImmutable')
  data.state = to
  return data
}

/** Pushes are recalled by the central office only; a submitter may take back an undecided submission; receivers reject instead of deleting. */
export const guardPlacementDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user || isCentralAdmin(req.user) || req.context?.[ARTICLE_DELETED]) return
  const doc = (await req.payload.findByID({ collection: PLACEMENTS, id, depth: 0, req, overrideAccess: true }).catch(() => null)) as Data | null
  if (!doc) return
  if (doc.kind === 'push') refuse(req, 'placementPushLocked', {}, 403)
  if (!(doc.state === 'pending' && sameId(userOrganizationId(req.user), doc.sourceOrganization))) refuse(req, 'placementDeleteForbidden', {}, 403)
}
