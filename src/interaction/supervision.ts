/**
 * Deadline flags for reminders (催办) and supervision (电子监察), and the per-unit figures the
 * central office's supervision view and the scorecard's interaction indicators read.
 */
import { handledStatuses, openStatuses, type Id, type LetterStatus } from './letter-workflow'
import type { WorkingCalendar } from './working-days'

export type DeadlineFlag = 'green' | 'yellow' | 'red'

/**
 * green: comfortably in time; yellow: `yellowWhenWorkingDaysLeft` or fewer working days left
 * (the deadline day itself counts as 0 left); red: past the deadline. Letters no longer open are green.
 */
export function deadlineFlag(input: {
  status: LetterStatus
  deadline: string | Date
  now: Date
  calendar: WorkingCalendar
  yellowWhenWorkingDaysLeft: number
}): DeadlineFlag {
  if (!openStatuses.includes(input.status)) return 'green'
  const deadline = new Date(input.deadline)
  if (Number.isNaN(deadline.getTime())) throw new Error(`deadlineFlag: invalid deadline ${String(input.deadline)}`)
  if (input.now.getTime() > deadline.getTime()) return 'red'
  const left = input.calendar.workingDaysBetween(input.calendar.dayOf(input.now), input.calendar.dayOf(deadline))
  return left <= input.yellowWhenWorkingDaysLeft ? 'yellow' : 'green'
}

export interface LetterFacts {
  status: LetterStatus
  assignedOrganization: Id | null
  receivedAt: string
  deadline: string
  repliedAt?: string | null
}

export interface UnitStatistics {
  organization: string
  total: number
  open: number
  overdue: number
  handled: number
  handledLate: number
  rejected: number
  /** handled / (total − rejected); null when nothing valid was received */
  handlingRate: number | null
  /** mean working days from receipt to reply over handled letters; null when none */
  averageHandlingWorkingDays: number | null
  monthly: { month: string; received: number; handled: number; overdue: number }[]
}

const round2 = (value: number) => Math.round(value * 100) / 100

/** Per-unit statistics at `now`; letters not yet assigned are grouped under "unassigned". */
export function unitStatistics(letters: LetterFacts[], now: Date, calendar: WorkingCalendar): UnitStatistics[] {
  const byUnit = new Map<string, LetterFacts[]>()
  for (const letter of letters) {
    const key = letter.assignedOrganization == null ? 'unassigned' : String(letter.assignedOrganization)
    const list = byUnit.get(key) ?? []
    list.push(letter)
    byUnit.set(key, list)
  }
  return [...byUnit.entries()]
    .map(([organization, list]) => summarise(organization, list, now, calendar))
    .sort((a, b) => a.organization.localeCompare(b.organization))
}

function summarise(organization: string, letters: LetterFacts[], now: Date, calendar: WorkingCalendar): UnitStatistics {
  let open = 0,
    overdue = 0,
    handled = 0,
    handledLate = 0,
    rejected = 0,
    handlingDays = 0
  const months = new Map<string, { received: number; handled: number; overdue: number }>()
  const month = (instant: string) => {
    const key = calendar.dayOf(new Date(instant)).slice(0, 7)
    let entry = months.get(key)
    if (!entry) months.set(key, (entry = { received: 0, handled: 0, overdue: 0 }))
    return entry
  }
  for (const letter of letters) {
    month(letter.receivedAt).received++
    const deadline = new Date(letter.deadline).getTime()
    if (letter.status === 'rejected') rejected++
    else if (openStatuses.includes(letter.status)) {
      open++
      if (now.getTime() > deadline) {
        overdue++
        month(letter.receivedAt).overdue++
      }
    } else if (handledStatuses.includes(letter.status) && letter.repliedAt) {
      handled++
      month(letter.repliedAt).handled++
      handlingDays += calendar.elapsedWorkingDays(new Date(letter.receivedAt), new Date(letter.repliedAt))
      if (new Date(letter.repliedAt).getTime() > deadline) {
        handledLate++
        month(letter.receivedAt).overdue++
      }
    }
  }
  const valid = letters.length - rejected
  return {
    organization,
    total: letters.length,
    open,
    overdue,
    handled,
    handledLate,
    rejected,
    handlingRate: valid > 0 ? round2(handled / valid) : null,
    averageHandlingWorkingDays: handled > 0 ? round2(handlingDays / handled) : null,
    monthly: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, v]) => ({ month: m, ...v })),
  }
}
