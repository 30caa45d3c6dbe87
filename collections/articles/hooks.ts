import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { assertMayWriteInColumn, refuse, relationId } from '../../src/access'
import { ACTION_BY_TARGET, assertTransition, mayReview, STATES, type State } from './workflow'

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
  if (data.state !== undefined && !STATES.includes(data.state)) refuse(req, 'invalidTransition', { from, to: String(data.state) })
  const draftSave = Boolean(req.context?.[DRAFT_SAVE]) && data._status !== 'published'
  const to = targetState(data, from, draftSave)
  assertTransition(req, from, to)
  // A write that is not a draft save replaces what the public reads: only reviewers may do that to a live article.
  if (!draftSave && operation === 'update' && req.user && !mayReview(req) && (await liveStatus(req, originalDoc?.id)) === 'published') {
    refuse(req, to === 'withdrawn' ? 'withdrawForbidden' : 'publishForbidden', {}, 403)
  }
  data.state = to
  data._status = to === 'published' ? 'published' : 'draft'
  if (to === 'published' && !data.publishedAt) data.publishedAt = originalDoc?.publishedAt ?? new Date().toISOString()

  const previous = Array.isArray(originalDoc?.workflow) ? originalDoc.workflow : []
  data.workflow =
    from === to && operation !== 'create'
      ? previous
      : [
          ...previous,
          {
            action: operation === 'create' && to === 'draft' ? 'create' : ACTION_BY_TARGET[to],
            from,
            to,
            by: relationId(req.user?.id) ?? null,
            at: new Date().toISOString(),
            note: String(data.workflowNote ?? '').slice(0, 500) || null,
          },
        ]
  delete data.workflowNote

  data.disclosure = { ...(data.disclosure ?? {}) }
  const kept = originalDoc?.disclosure?.indexNumber
  data.disclosure.indexNumber = kept || (await nextIndexNumber(req, column.ownerOrganization, data.publishedAt ?? new Date().toISOString()))
  return data
}

/**
 * A publish (any save that is not a draft) arrives with `_status: 'published'`. A draft save only ever yields draft or in-review (the form
 * carries the live state along, which must not survive into a draft). Other writes take the state asked for.
 */
function targetState(data: Record<string, unknown>, from: State, draftSave: boolean): State {
  const requested = (data.state as State | undefined) ?? from
  // Payload sends `_status: 'published'` with every save that is not a draft; an explicit withdrawal wins.
  if (data._status === 'published') return requested === 'withdrawn' ? 'withdrawn' : 'published'
  if (draftSave) return requested === 'in-review' ? 'in-review' : 'draft'
  if (data._status === 'draft' && requested === 'published') return 'draft'
  return requested
}

const DRAFT_SAVE = 'sitegroup:articleDraftSave'

/** Hooks are not told whether an update is a draft save; the operation's arguments are, so remember it. */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') req.context[DRAFT_SAVE] = Boolean((args as { draft?: boolean }).draft)
  return args
}

async function liveStatus(req: PayloadRequest, id: unknown): Promise<string | null> {
  if (id === undefined || id === null) return null
  const live = await req.payload
    .findByID({ collection: 'articles', id: id as Id, draft: false, depth: 0, req, overrideAccess: true, select: { _status: true } })
    .catch(() => null)
  return (live?._status as string | undefined) ?? null
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
    where: {
      and: [{ 'disclosure.indexNumber': { greater_than_equal: `${prefix}00000` } }, { 'disclosure.indexNumber': { less_than_equal: `${prefix}99999` } }],
    },
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
