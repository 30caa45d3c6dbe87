import { describe, expect, it } from 'vitest'
import { WorkingCalendar, deadlineFlag, manualClock, unitStatistics, type CalendarEntry, type LetterFacts } from '../../src/interaction'
import holidays2025 from '../../src/interaction/data/holidays-2025.json'

const calendar = new WorkingCalendar(holidays2025.entries as CalendarEntry[])
// Received Fri 2025-04-25, deadline Tue 2025-05-20 (15 working days, May holiday skipped).
const deadline = calendar.deadlineFrom(new Date('2025-04-25T02:00:00Z'), 15).toISOString()
const flagAt = (at: string, status: LetterFacts['status'] = 'in-progress') =>
  deadlineFlag({ status, deadline, now: new Date(at), calendar, yellowWhenWorkingDaysLeft: 3 })

describe('deadline flags', () => {
  it('green, then yellow 3 working days before, then red after the deadline', () => {
    const clock = manualClock('2025-05-06T02:00:00Z')
    expect(flagAt(clock.now().toISOString())).toBe('green')
    expect(flagAt('2025-05-14T02:00:00Z')).toBe('green') // 4 left: 15,16,19,20
    expect(flagAt('2025-05-15T02:00:00Z')).toBe('yellow') // 3 left
    expect(flagAt('2025-05-17T02:00:00Z')).toBe('yellow') // weekend: 2 left
    expect(flagAt('2025-05-20T15:59:59.999Z')).toBe('yellow') // last millisecond of the deadline day
    expect(flagAt('2025-05-20T16:00:00Z')).toBe('red')
  })

  it('letters no longer open are never flagged', () => {
    expect(flagAt('2025-06-30T00:00:00Z', 'replied')).toBe('green')
    expect(flagAt('2025-06-30T00:00:00Z', 'rejected')).toBe('green')
    expect(flagAt('2025-06-30T00:00:00Z', 'returned')).toBe('red')
  })

  it('refuses an invalid deadline', () => {
    expect(() => deadlineFlag({ status: 'received', deadline: 'soon', now: new Date(), calendar, yellowWhenWorkingDaysLeft: 3 })).toThrow(/invalid deadline/)
  })
})

describe('unit statistics', () => {
  const letter = (unit: number | null, status: LetterFacts['status'], receivedAt: string, repliedAt?: string): LetterFacts => ({
    assignedOrganization: unit,
    status,
    receivedAt,
    deadline: calendar.deadlineFrom(new Date(receivedAt), 15).toISOString(),
    repliedAt,
  })
  const letters = [
    letter(7, 'replied', '2025-04-25T02:00:00Z', '2025-05-07T02:00:00Z'), // 6 working days: 27,28,29,30,5-6,5-7
    letter(7, 'closed', '2025-04-25T02:00:00Z', '2025-05-22T02:00:00Z'), // late: deadline 05-20
    letter(7, 'in-progress', '2025-05-06T02:00:00Z'),
    letter(7, 'in-progress', '2025-04-01T02:00:00Z'), // overdue by June
    letter(7, 'rejected', '2025-05-06T02:00:00Z'),
    letter(8, 'received', '2025-06-01T02:00:00Z'),
    letter(null, 'received', '2025-06-01T02:00:00Z'),
  ]
  const stats = unitStatistics(letters, new Date('2025-06-03T02:00:00Z'), calendar)

  it('counts open, overdue, handled, rejected and the handling rate per unit', () => {
    const unit7 = stats.find((s) => s.organization === '7')!
    expect(unit7).toMatchObject({ total: 5, open: 2, overdue: 2, handled: 2, handledLate: 1, rejected: 1, handlingRate: 0.5 })
    expect(stats.map((s) => s.organization)).toEqual(['7', '8', 'unassigned'])
    expect(stats.find((s) => s.organization === '8')).toMatchObject({ open: 1, overdue: 0, handlingRate: 0, averageHandlingWorkingDays: null })
  })

  it('averages handling time in working days', () => {
    const unit7 = stats.find((s) => s.organization === '7')!
    // 6 and 17 working days (04-25 → 05-22): (6 + 17) / 2
    expect(calendar.elapsedWorkingDays(new Date('2025-04-25T02:00:00Z'), new Date('2025-05-22T02:00:00Z'))).toBe(17)
    expect(unit7.averageHandlingWorkingDays).toBe(11.5)
  })

  it('gives a monthly trend', () => {
    const unit7 = stats.find((s) => s.organization === '7')!
    expect(unit7.monthly).toEqual([
      { month: '2025-04', received: 3, handled: 0, overdue: 2 },
      { month: '2025-05', received: 2, handled: 2, overdue: 1 },
    ])
  })
})
