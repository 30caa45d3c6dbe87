/**
 * Working-day arithmetic in the government's local time (UTC+8 by default, no DST).
 * A day is a "YYYY-MM-DD" string in local time. A day is a working day when it is listed as a
 * make-up working day (调休), else not when it is a listed holiday, else when it is Monday–Friday.
 * Hand-written rather than a date library: the rules are the office's data, not a locale's.
 */

export type DayKind = 'holiday' | 'workday'

/** One entry of the calendar the central office maintains (节假日 / 调休上班). */
export interface CalendarEntry {
  date: string
  kind: DayKind
  name?: string
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export function assertDay(day: string): string {
  const match = DAY_PATTERN.exec(day)
  if (!match) throw new Error(`Invalid calendar day "${day}": expected YYYY-MM-DD`)
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new Error(`Invalid calendar day "${day}": no such date`)
  }
  return day
}

export class WorkingCalendar {
  private readonly holidays = new Set<string>()
  private readonly makeupWorkdays = new Set<string>()

  constructor(
    entries: CalendarEntry[] = [],
    readonly utcOffsetMinutes = 480,
  ) {
    for (const entry of entries) {
      assertDay(entry.date)
      if (entry.kind === 'holiday') this.holidays.add(entry.date)
      else if (entry.kind === 'workday') this.makeupWorkdays.add(entry.date)
      else throw new Error(`Calendar entry ${entry.date}: kind must be "holiday" or "workday", got "${String(entry.kind)}"`)
    }
  }

  /** The local calendar day an instant falls on. */
  dayOf(instant: Date): string {
    if (Number.isNaN(instant.getTime())) throw new Error('dayOf: invalid date')
    return new Date(instant.getTime() + this.utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
  }

  /** The last millisecond of a local day, as an instant: a deadline is met until then. */
  endOfDay(day: string): Date {
    assertDay(day)
    return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1 - this.utcOffsetMinutes * 60_000)
  }

  isWorkingDay(day: string): boolean {
    assertDay(day)
    if (this.makeupWorkdays.has(day)) return true
    if (this.holidays.has(day)) return false
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6
  }

  static nextDay(day: string, step = 1): string {
    return new Date(Date.parse(`${assertDay(day)}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10)
  }

  /** The Nth working day after `day` (the start day itself never counts, as in "15 working days from receipt"). */
  addWorkingDays(day: string, workingDays: number): string {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 3660) {
      throw new Error(`addWorkingDays: working days must be an integer 1–3660, got ${workingDays}`)
    }
    let current = assertDay(day)
    let counted = 0
    while (counted < workingDays) {
      current = WorkingCalendar.nextDay(current)
      if (this.isWorkingDay(current)) counted++
    }
    return current
  }

  /** Working days in (fromDay, toDay]: 0 when toDay is not after fromDay. */
  workingDaysBetween(fromDay: string, toDay: string): number {
    assertDay(fromDay)
    assertDay(toDay)
    let count = 0
    for (let day = WorkingCalendar.nextDay(fromDay); day <= toDay; day = WorkingCalendar.nextDay(day)) {
      if (this.isWorkingDay(day)) count++
    }
    return count
  }

  /** Deadline instant for something received at `receivedAt` with `workingDays` to handle it. */
  deadlineFrom(receivedAt: Date, workingDays: number): Date {
    return this.endOfDay(this.addWorkingDays(this.dayOf(receivedAt), workingDays))
  }

  /** Deadline pushed back by `workingDays` counted from the current deadline's day. */
  extendDeadline(deadline: Date, workingDays: number): Date {
    return this.endOfDay(this.addWorkingDays(this.dayOf(deadline), workingDays))
  }

  /** Working days elapsed between two instants (by local day). */
  elapsedWorkingDays(from: Date, to: Date): number {
    return this.workingDaysBetween(this.dayOf(from), this.dayOf(to))
  }
}
