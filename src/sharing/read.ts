/**
 * What other capabilities read of placements: the public lists (which articles a column shows by
 * reference), cache invalidation (which columns show an article) and the scorecard's counts.
 */
import type { Payload, Where } from 'payload'
import { relationId } from '../access'
import { sharingConfig as config } from './settings'
import { PLACEMENTS, type Id } from './rules'

const installed = (payload: Payload) => Boolean(payload.collections[PLACEMENTS])

/**
 * Articles shown by reference in these columns: accepted placements only. Whether the article
 * itself is public (published, not withdrawn, due) is left to the caller's article query, so a
 * withdrawn or deleted original disappears from every receiving list with no change here.
 */
export async function acceptedReferenceIds(payload: Payload, columnIds: Id[]): Promise<Id[]> {
  const ids = new Map<string, Id>()
  for (const doc of await acceptedPlacements(payload, 'targetColumn', columnIds, { article: true })) {
    const id = relationId(doc.article)
    if (id !== null) ids.set(String(id), id)
  }
  return [...ids.values()]
}

/**
 * Accepted placements whose `field` is one of `ids`. Through the adapter, not the Local API: this
 * runs for every list a public page renders, placements have no read hooks, and the Local API's
 * per-call work was most of the cost (docs/benchmarks.md, "Public pages: uncached read path").
 */
async function acceptedPlacements(
  payload: Payload,
  field: 'article' | 'targetColumn',
  ids: Id[],
  select: Record<string, true>,
): Promise<Array<Record<string, unknown>>> {
  if (!installed(payload) || !ids.length) return []
  const result = await payload.db.find({
    collection: PLACEMENTS,
    where: { and: [{ [field]: { in: ids } }, { state: { equals: 'accepted' } }] },
    pagination: false,
    limit: 0,
    select,
  })
  return result.docs as unknown as Array<Record<string, unknown>>
}

/**
 * The article filter of a column list: its own articles (in these columns) plus accepted
 * references, so one paginated, date-sorted query merges both and page counts stay exact.
 */
export async function columnListWhere(payload: Payload, columnIds: Id[]): Promise<Where> {
  const own: Where = { column: { in: columnIds } }
  const references = await acceptedReferenceIds(payload, columnIds)
  return references.length ? { or: [own, { id: { in: references } }] } : own
}

export interface PlacementTarget {
  article: Id
  column: Id
  site: Id
}

/** Where these articles are (or were asked to be) shown elsewhere: the pages to invalidate when they change. */
export async function placementTargets(payload: Payload, articleIds: Id[]): Promise<PlacementTarget[]> {
  const docs = await acceptedPlacements(payload, 'article', articleIds, { article: true, targetColumn: true, targetSite: true })
  return docs.map((doc) => ({ article: relationId(doc.article) as Id, column: relationId(doc.targetColumn) as Id, site: relationId(doc.targetSite) as Id }))
}

export interface SubmissionCount {
  organization: Id
  submitted: number
  accepted: number
  rejected: number
  pending: number
}

/**
 * 报送数 / 采用数 per submitting organization, for submissions made in [from, to): each
 * submission counts once, in its current state. Pushes are the central office's, not a unit's
 * work, and are not counted.
 */
export async function submissionCounts(
  payload: Payload,
  options: { from: Date | string; to: Date | string; organizationIds?: Id[] },
): Promise<SubmissionCount[]> {
  if (!installed(payload)) return []
  const iso = (value: Date | string) => new Date(value).toISOString()
  const clauses: Where[] = [
    { kind: { equals: 'submission' } },
    { submittedAt: { greater_than_equal: iso(options.from) } },
    { submittedAt: { less_than: iso(options.to) } },
  ]
  if (options.organizationIds) clauses.push({ sourceOrganization: { in: options.organizationIds } })
  const counts = new Map<string, SubmissionCount>()
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: PLACEMENTS,
      where: { and: clauses },
      sort: 'id',
      limit: config.readPageSize,
      page,
      depth: 0,
      overrideAccess: true,
      select: { sourceOrganization: true, state: true },
    })
    for (const doc of result.docs) {
      const org = relationId(doc.sourceOrganization)
      if (org === null) continue
      const entry =
        counts.get(String(org)) ?? counts.set(String(org), { organization: org, submitted: 0, accepted: 0, rejected: 0, pending: 0 }).get(String(org))!
      entry.submitted++
      if (doc.state === 'accepted') entry.accepted++
      else if (doc.state === 'rejected') entry.rejected++
      else entry.pending++
    }
    if (!result.hasNextPage) break
  }
  return [...counts.values()]
}
