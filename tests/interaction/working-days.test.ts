import { describe, expect, it } from 'vitest'
import { WorkingCalendar, manualClock, workingDaysForCategory, type CalendarEntry } from '../../src/interaction'
import holidays2025 from '../../src/interaction/data/holidays-2025.json'

const calendar = new WorkingCalendar(holidays2025.entries as CalendarEntry[])
const plain = new WorkingCalendar([])

describe('working-day calendar', () => {
  it('skips weekends', () => {
    // Fri 2025-03-07 + 1 working day = Mon 2025-03-10
    expect(plain.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10')
    expect(plain.isWorkingDay('2025-03-08')).toBe(false)
    expect(plain.isWorkingDay('2025-03-10')).toBe(true)
  })

  it('skips a holiday and counts a make-up Saturday (调休)', () => {
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false) // 春节
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true) // Saturday, make-up working day
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true) // Sunday, make-up working day
    // Received Mon 2025-01-27: the holiday 1-28…2-04 does not count, Sat 2-08 does.
    expect(calendar.addWorkingDays('2025-01-27', 15)).toBe('2025-02-24')
    // Without the calendar the same 15 days end a week earlier.
    expect(plain.addWorkingDays('2025-01-27', 15)).toBe('2025-02-17')
  })

  it('crosses a weekend, a make-up Sunday and the May holiday', () => {
    // Fri 04-25 → Sun 04-27 (调休) is day 1; 05-01…05-05 are holidays; 15th working day is Tue 05-20.
    expect(calendar.addWorkingDays('2025-04-25', 15)).toBe('2025-05-20')
  })

  it('computes deadlines in Beijing time, ending at the last millisecond of the day', () => {
    const clock = manualClock('2025-01-26T17:30:00Z') // 2025-01-27 01:30 in Beijing
    expect(calendar.dayOf(clock.now())).toBe('2025-01-27')
    expect(calendar.deadlineFrom(clock.now(), 15).toISOString()).toBe('2025-02-24T15:59:59.999Z')
  })

  it('uses the category working days from the policy, else the default 15', () => {
    expect(workingDaysForCategory('complaint')).toBe(15)
    expect(workingDaysForCategory('consultation')).toBe(10)
    expect(() => workingDaysForCategory('nonsense')).toThrow(/Unknown letter category "nonsense"/)
  })

  it('counts working days between two days', () => {
    expect(calendar.workingDaysBetween('2025-01-27', '2025-02-24')).toBe(15)
    expect(calendar.workingDaysBetween('2025-02-24', '2025-01-27')).toBe(0)
    expect(calendar.elapsedWorkingDays(new Date('2025-02-05T01:00:00Z'), new Date('2025-02-10T01:00:00Z'))).toBe(4) // 02-06, 02-07, 02-08 (调休 Saturday), 02-10
  })

  it('extends from the current deadline', () => {
    const deadline = calendar.deadlineFrom(new Date('2025-04-25T02:00:00Z'), 15)
    expect(calendar.dayOf(calendar.extendDeadline(deadline, 5))).toBe('2025-05-27')
  })

  it('refuses bad days and bad counts with clear messages', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(/no such date/)
    expect(() => calendar.isWorkingDay('25-1-1')).toThrow(/expected YYYY-MM-DD/)
    expect(() => calendar.addWorkingDays('2025-01-01', 0)).toThrow(/integer 1–3660/)
    expect(() => new WorkingCalendar([{ date: '2025-01-01', kind: 'party' as never }])).toThrow(/kind must be/)
  })
})
