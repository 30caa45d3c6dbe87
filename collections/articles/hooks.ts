import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { assertMayWriteInColumn, refuse, relationId } from '../../src/access'
import { ACTION_BY_TARGET, assertTransition, STATES, type State } from './workflow'

type Id = number | string
const WRITERS = ['editor', 'reviewer', 'site-admin'] as const

/**
 * Derives site and organization from the column (an editor never picks them twice), enforces
 * the column-ownership rule and the workflow, stamps the workflow log and the 索引号.
 */
export const deriveAndGuardArticle: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const columnId = relationId(data.column ?? originalDoc?.column)
  const column = await assertMayWriteInColumn(req, columnId, [...WRITERS])
  data.site = column.site
  data.organization = column.ownerOrganization

  const from: State = operation === 'create' ? 'draft' : ((originalDoc?.state as State) ?? 'draft')
  const to = targetState(data, from)
  if (!STATES.includes(to)) refuse(req, 'invalidTransition', { from, to })
  assertTransition(req, from, to)
  data.state = to
  data._status = to === 'published' ? 'published' : 'draft'
  if (to === 'published' && !data.publishedAt) data.publishedAt = originalDoc?.publishedAt ?? new Date().toISOString()

  const previous = Array.isArray(originalDoc?.workflow) ? originalDoc.workflow : []
  data.workflow =
    from === to && operation !== 'create'
      ? previous
      : [...previous, { action: operation === 'create' && to === 'draft' ? 'create' : ACTION_BY_TARGET[to], from, to, by: relationId(req.user?.id) ?? null, at: new Date().toISOString(), note: String(data.workflowNote ?? '').slice(0, 500) || null }]
  delete data.workflowNote

  data.disclosure = { ...(data.disclosure ?? {}) }
  const kept = originalDoc?.disclosure?.indexNumber
  data.disclosure.indexNumber = kept || (await nextIndexNumber(req, column.ownerOrganization, data.publishedAt ?? new Date().toISOString()))
  return data
}

/** Payload's draft save sends `_status: 'draft'`; a publish sends `'published'`; withdraw sets state. */
function targetState(data: Record<string, unknown>, from: State): State {
  const requested = (data.state as State | undefined) ?? from
  if (data._status === 'published') return requested === 'withdrawn' ? 'withdrawn' : 'published'
  if (data._status === 'draft' && requested === 'published') return 'draft'
  return requested
}

/**
 * 索引号: organization code / YYYY-NNNNN, the next serial of that organization and year. It is
 * assigned once and never changed (the unique index turns a concurrent clash into a retryable error).
 */
export async function nextIndexNumber(req: PayloadRequest, organizationId: Id, date: string): Promise<string> {
  const org = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, req, overrideAccess: true }).catch(() => null)
  if (!org) refuse(req, 'organizationNotFound', { id: organizationId })
  const prefix = `${org!.code}/${new Date(date).getUTCFullYear()}-`
  const last = await req.payload.find({
    collection: 'articles',
    where: { and: [{ 'disclosure.indexNumber': { greater_than_equal: `${prefix}00000` } }, { 'disclosure.indexNumber': { less_than_equal: `${prefix}99999` } }] },
    sort: '-disclosure.indexNumber',
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
    draft: false,
  })
  const lastSerial = Number(String(last.docs[0]?.disclosure?.indexNumber ?? '').slice(prefix.length)) || 0
  return `${prefix}${String(lastSerial + 1).padStart(5, '0')}`
}
