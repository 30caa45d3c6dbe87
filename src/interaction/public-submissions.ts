/** Storing ratings and error reports from the public forms. */
import type { ErrorReport, Rating } from '../../payload-types'
import { schemaId } from '../lib/schema'
import type { Payload } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import type { Clock } from './clock'
import type { Id } from './letter-workflow'
import { interactionPolicy } from './policy'
import { ratingVisitorKey, type Scores } from './ratings'
import type { ErrorReportSubmission } from './validation'

export type RatingOutcome = { ok: true; period: string } | { ok: false; duplicate: true; period: string }

const isUniqueViolation = (error: unknown) =>
  /unique|duplicate|E11000|already (exists|in use)|must be unique/i.test(
    `${(error as Error)?.message} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`,
  )

export async function storeRating(
  payload: Payload,
  input: {
    organization: Id
    siteId: Id | null
    scores: Scores
    comment?: string
    address?: string
    userAgent?: string
    secret: string
    powNonce?: string
    clock: Clock
  },
): Promise<RatingOutcome> {
  const calendar = await loadWorkingCalendar(payload)
  const period = calendar.dayOf(input.clock.now()).slice(0, 7)
  const visitorKey = ratingVisitorKey(input.secret, { address: input.address, userAgent: input.userAgent, organization: input.organization, period })
  const existing = await payload.count({ collection: 'ratings', where: { visitorKey: { equals: visitorKey } }, overrideAccess: true })
  if (existing.totalDocs > 0) return { ok: false, duplicate: true, period }
  try {
    await payload.create({
      collection: 'ratings',
      overrideAccess: true,
      data: {
        organization: schemaId(input.organization),
        site: input.siteId === null ? null : schemaId(input.siteId),
        period,
        // checkScores (ratings.ts) has checked a score for every configured indicator.
        scores: input.scores as Rating['scores'],
        comment: input.comment ?? null,
        visitorKey,
        powNonce: input.powNonce ?? null,
      },
    })
  } catch (error) {
    // Two submissions racing past the count: the unique index decides, and the loser is a duplicate.
    if (isUniqueViolation(error)) return { ok: false, duplicate: true, period }
    throw error
  }
  return { ok: true, period }
}

export async function storeErrorReport(
  payload: Payload,
  input: { report: ErrorReportSubmission; siteId: Id | null; organizationId: Id | null; powNonce?: string; clock: Clock },
): Promise<{ id: Id; deadline: string }> {
  const calendar = await loadWorkingCalendar(payload)
  const now = input.clock.now()
  const deadline = calendar.deadlineFrom(now, interactionPolicy.errorReportWorkingDays).toISOString()
  const doc = await payload.create({
    collection: 'error-reports',
    overrideAccess: true,
    context: { errorReportInternal: true },
    data: {
      ...input.report,
      // validation.ts accepts only the configured kinds, which are the collection's options.
      kind: input.report.kind as ErrorReport['kind'],
      site: input.siteId === null ? null : schemaId(input.siteId),
      organization: input.organizationId === null ? null : schemaId(input.organizationId),
      status: 'new',
      receivedAt: now.toISOString(),
      deadline,
      powNonce: input.powNonce ?? null,
    },
  })
  return { id: doc.id, deadline }
}
