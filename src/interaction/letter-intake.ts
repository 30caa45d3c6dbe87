/**
 * Receiving a public letter: it is acknowledged (query code, deadline) as soon as it is durably
 * stored in the narrow letter inbox, and promoted into a full letter right after, in the
 * background (letter-promotion.ts). A full letter costs 17–22 ms of CPU to create plus ~15 ms for
 * its audit entry; an inbox row is one row of a batch insert (docs/benchmarks.md, "Letters").
 */
import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import { insertInboxRows, type BulkInboxRow, type BulkRowOutcome } from '../db/bulk'
import { rowBatcher, type RowBatcher } from './group-commit'
import { letterPromoterFor } from './letter-promotion'
import type { SubmitLetterInput } from './letter-service'
import { interactionPolicy, workingDaysForCategory } from './policy'
import { generateQueryCode, hashQueryCode } from './query-code'
import { normalizeAddress } from './ratings'
import type { WorkingCalendar } from './working-days'

export interface ReceiveLetterInput extends SubmitLetterInput {
  /** The writer's address and the secret to hash it with: kept (hashed) so the central office can spot a flood. */
  address?: string
  secret?: string
}

export interface ReceivedLetter {
  queryCode: string
  deadline: string
  receivedAt: string
}

/** Stores the letter in the inbox (durable before this resolves) and schedules its promotion. */
export async function receiveLetter(payload: Payload, input: ReceiveLetterInput): Promise<ReceivedLetter> {
  const calendar = await loadWorkingCalendar(payload)
  const receivedAt = input.clock.now()
  const assignedOrganization = input.route === 'site' ? input.organizationId : null
  const deadline = deadlineFor(calendar, receivedAt, workingDaysForCategory(input.submission.category))
  const addressHash =
    input.address && input.secret
      ? createHmac('sha256', input.secret)
          .update(`letter-address:${normalizeAddress(input.address)}`)
          .digest('hex')
          .slice(0, 32)
      : null
  const now = new Date().toISOString()

  for (let attempt = 0; ; attempt++) {
    const queryCode = generateQueryCode(interactionPolicy.tracking.queryCodeLength)
    try {
      // A bulk write, not the Local API (the project's bulk-path exception, src/db/bulk.ts): the
      // letter was validated, cleaned and its deadline computed above and in validation.ts; masking
      // happens when it becomes a letter, and so does its audit entry (~15 ms through Local API hooks,
      // for a row that lives for seconds). Letters arriving together are inserted as one batch in one
      // transaction; this resolves only after that batch is committed.
      await inboxBatcherFor(payload).submit({
        state: 'pending',
        attempts: 0,
        route: input.route,
        targetSite: String(input.siteId),
        targetOrganization: assignedOrganization == null ? null : String(assignedOrganization),
        receivedAt: receivedAt.toISOString(),
        deadline,
        submission: { ...input.submission },
        queryCodeHash: hashQueryCode(queryCode),
        powNonce: input.powNonce ?? null,
        addressHash,
        createdAt: now,
        updatedAt: now,
      })
      letterPromoterFor(payload).kick()
      return { queryCode, deadline, receivedAt: receivedAt.toISOString() }
    } catch (error) {
      // A clash of 59-bit codes is astronomically rare; retry rather than lose the letter.
      const outcome = (error as { outcome?: BulkRowOutcome }).outcome
      if (attempt < 2 && outcome && !outcome.ok && outcome.conflict === 'queryCodeHash') continue
      throw error
    }
  }
}

/** Where inbox rows are written; a property so tests can make storage fail. */
export const letterInboxStore = { insert: (payload: Payload, rows: BulkInboxRow[]) => insertInboxRows(payload, rows) }

const batchers = new WeakMap<Payload, RowBatcher<BulkInboxRow, BulkRowOutcome>>()
function inboxBatcherFor(payload: Payload): RowBatcher<BulkInboxRow, BulkRowOutcome> {
  let batcher = batchers.get(payload)
  if (!batcher) batchers.set(payload, (batcher = rowBatcher((rows: BulkInboxRow[]) => letterInboxStore.insert(payload, rows))))
  return batcher
}

/**
 * A deadline depends only on the day of receipt and the working days allowed, so it is computed
 * once per day and category for each loaded calendar (a reload, e.g. after a holiday was edited,
 * is a new calendar object): walking the calendar was a tenth of an acknowledgement's CPU.
 */
const deadlines = new WeakMap<WorkingCalendar, Map<string, string>>()
function deadlineFor(calendar: WorkingCalendar, receivedAt: Date, workingDays: number): string {
  let memo = deadlines.get(calendar)
  if (!memo) deadlines.set(calendar, (memo = new Map()))
  const key = `${calendar.dayOf(receivedAt)}:${workingDays}`
  let deadline = memo.get(key)
  if (!deadline) memo.set(key, (deadline = calendar.deadlineFrom(receivedAt, workingDays).toISOString()))
  return deadline
}
