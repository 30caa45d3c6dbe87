import type { Payload } from 'payload'
import { interactionPolicy } from './policy'
import { WorkingCalendar, type CalendarEntry } from './working-days'

/**
 * The working calendar from the holidays collection (节假日与调休), cached briefly: it changes a
 * few times a year, and every submission and reminder needs it. Editing a holiday clears the cache.
 */
let cached: { calendar: WorkingCalendar; loadedAt: number } | null = null
const TTL_MS = 60_000

export async function loadWorkingCalendar(payload: Payload, { fresh = false } = {}): Promise<WorkingCalendar> {
  if (!fresh && cached && Date.now() - cached.loadedAt < TTL_MS) return cached.calendar
  const { docs } = await payload.find({ collection: 'holidays', pagination: false, depth: 0, overrideAccess: true })
  const entries = (docs as unknown as CalendarEntry[]).map((d) => ({ date: d.date, kind: d.kind, name: d.name }))
  cached = { calendar: new WorkingCalendar(entries, interactionPolicy.timeZoneOffsetMinutes), loadedAt: Date.now() }
  return cached.calendar
}

export function forgetWorkingCalendar(): void {
  cached = null
}
