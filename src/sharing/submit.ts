import type { PayloadRequest } from 'payload'
import { hasRole, isCentralAdmin, refuse, relationId } from '../access'
import { assertForeignTarget, assertNotPlaced, assertOwnArticle, assertPublished, loadSourceArticle, loadTargetColumn, PLACEMENTS, type Id } from './rules'
import { schemaId } from '../lib/schema'
import { inTransaction, undoCreated } from './transaction'

export interface SubmitInput {
  article: unknown
  /** Receiving columns (ids); one placement each. */
  columns: unknown
  note?: unknown
}

/**
 * 信息报送: the request's user submits a published article of their unit to columns of other
 * sites. Every rule is the placements collection's (hooks), checked as the user with
 * overrideAccess false; one refusal stores nothing.
 */
export async function submitArticle(req: PayloadRequest, input: SubmitInput): Promise<{ placements: Array<Record<string, unknown>> }> {
  if (!req.user) refuse(req, 'sharingLoginRequired', {}, 401)
  const list = (
    Array.isArray(input.columns) ? input.columns : input.columns === undefined || input.columns === null || input.columns === '' ? [] : [input.columns]
  )
    .map(relationId)
    .filter((id): id is Id => id !== null)
  if (!list.length) refuse(req, 'targetRequired')
  const columns = [...new Map(list.map((id) => [String(id), id])).values()]
  // Every target is checked before anything is written, so one bad column stores nothing.
  if (!isCentralAdmin(req.user) && !hasRole(req.user, 'editor', 'reviewer', 'site-admin')) refuse(req, 'sourceForeign', {}, 403)
  const article = await loadSourceArticle(req, input.article)
  assertPublished(req, article)
  assertOwnArticle(req, article)
  for (const id of columns) {
    const column = await loadTargetColumn(req, id)
    assertForeignTarget(req, article, column)
    await assertNotPlaced(req, article.id, column)
  }
  const placements: Array<Record<string, unknown>> = []
  return inTransaction(req, async () => {
    for (const column of columns) {
      const doc = await req.payload.create({
        collection: PLACEMENTS,
        data: {
          kind: 'submission',
          article: schemaId(article.id),
          targetColumn: schemaId(column),
          note: typeof input.note === 'string' ? input.note : undefined,
        },
        req,
        user: req.user,
        overrideAccess: false,
        depth: 0,
      })
      placements.push(doc as unknown as Record<string, unknown>)
    }
    return { placements }
  }).catch(async (error) => {
    await undoCreated(
      req,
      placements.map((p) => p.id as Id),
    )
    throw error
  })
}
