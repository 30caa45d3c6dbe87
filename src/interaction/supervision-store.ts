/** The supervision view's figures (and the scorecard's interaction indicators) from the database. */
import type { CollectionSlug, Payload, Where } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import type { Clock } from './clock'
import { relationIdOf } from './letter-service'
import type { LetterStatus } from './letter-workflow'
import { aggregateRatings, type RatingAggregate } from './ratings'
import { unitStatistics, type LetterFacts, type UnitStatistics } from './supervision'

/** Per-unit letter statistics at the clock's moment, optionally for letters received within [from, to). */
export async function letterStatistics(payload: Payload, options: { clock: Clock; from?: string; to?: string }): Promise<UnitStatistics[]> {
  const calendar = await loadWorkingCalendar(payload)
  const and: Where[] = []
  if (options.from) and.push({ receivedAt: { greater_than_equal: options.from } })
  if (options.to) and.push({ receivedAt: { less_than: options.to } })
  const facts: LetterFacts[] = []
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: 'letters',
      where: and.length ? { and } : {},
      select: { status: true, assignedOrganization: true, receivedAt: true, deadline: true, repliedAt: true },
      limit: 1000,
      page,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of result.docs) {
      facts.push({
        status: d.status as LetterStatus,
        assignedOrganization: relationIdOf(d.assignedOrganization),
        receivedAt: d.receivedAt,
        deadline: d.deadline,
        repliedAt: d.repliedAt,
      })
    }
    if (!result.hasNextPage) break
  }
  return unitStatistics(facts, options.clock.now(), calendar)
}

/** Aggregated public ratings per unit; `periodOf` groups months into the reporting period. */
export async function ratingStatistics(
  payload: Payload,
  options: { fromMonth?: string; toMonth?: string; periodOf?: (month: string) => string } = {},
): Promise<RatingAggregate[]> {
  const and: Where[] = []
  if (options.fromMonth) and.push({ period: { greater_than_equal: options.fromMonth } })
  if (options.toMonth) and.push({ period: { less_than_equal: options.toMonth } })
  const ratings: { organization: string | number; period: string; scores: Record<string, number> }[] = []
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: 'ratings',
      where: and.length ? { and } : {},
      limit: 1000,
      page,
      depth: 0,
      overrideAccess: true,
    })
    for (const r of result.docs) ratings.push({ organization: relationIdOf(r.organization)!, period: r.period, scores: r.scores })
    if (!result.hasNextPage) break
  }
  return aggregateRatings(ratings, options.periodOf)
}

/**
 * Facts for the scorecard's interaction indicators, per organization, in the shapes of
 * src/scorecard's LetterFacts / ErrorReportFacts / PublicRatingFacts (structurally; no import, so
 * neither capability depends on the other's internals). Rejected letters and reports count as invalid.
 */
export interface InteractionFacts {
  letters: { id: number | string; title: string; receivedAt: string; repliedAt: string | null; valid: boolean }[]
  errorReports: { id: number | string; reportedAt: string; resolvedAt: string | null; valid: boolean }[]
  publicRatings: { indicator: string; average: number; votes: number }[]
}

export async function interactionFactsByOrganization(
  payload: Payload,
  options: { since?: string; ratingMonthFrom?: string } = {},
): Promise<Map<string, InteractionFacts>> {
  const byOrg = new Map<string, InteractionFacts>()
  const entry = (org: unknown) => {
    const key = String(relationIdOf(org) ?? 'unassigned')
    let facts = byOrg.get(key)
    if (!facts) byOrg.set(key, (facts = { letters: [], errorReports: [], publicRatings: [] }))
    return facts
  }
  const all = async (collection: CollectionSlug, where: Where, select: Record<string, true>) => {
    const docs: Record<string, any>[] = []
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection,
        where,
        select,
        limit: 1000,
        page,
        depth: 0,
        overrideAccess: true,
      })
      docs.push(...(result.docs as Record<string, any>[]))
      if (!result.hasNextPage) return docs
    }
  }
  const since: Where = options.since ? { receivedAt: { greater_than_equal: options.since } } : {}
  for (const l of await all('letters', since, { subject: true, status: true, assignedOrganization: true, receivedAt: true, repliedAt: true })) {
    entry(l.assignedOrganization).letters.push({
      id: l.id,
      title: l.subject,
      receivedAt: l.receivedAt,
      repliedAt: l.repliedAt ?? null,
      valid: l.status !== 'rejected',
    })
  }
  for (const r of await all('error-reports', since, { organization: true, status: true, receivedAt: true, resolvedAt: true })) {
    entry(r.organization).errorReports.push({
      id: r.id,
      reportedAt: r.receivedAt,
      resolvedAt: r.status === 'resolved' ? (r.resolvedAt ?? null) : null,
      valid: r.status !== 'rejected',
    })
  }
  const ratings = await ratingStatistics(payload, { fromMonth: options.ratingMonthFrom, periodOf: () => 'all' })
  for (const aggregate of ratings) {
    entry(aggregate.organization).publicRatings.push(
      ...Object.entries(aggregate.indicators).map(([indicator, average]) => ({ indicator, average, votes: aggregate.count })),
    )
  }
  return byOrg
}
