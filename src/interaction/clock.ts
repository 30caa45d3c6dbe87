/** Where "now" comes from: injected everywhere so deadlines and reminders can be tested at any moment. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved: for tests and for replaying a day of reminders. */
export interface ManualClock extends Clock {
  set(at: Date | string): void
  advance(milliseconds: number): void
}

export function manualClock(start: Date | string): ManualClock {
  let current = new Date(start)
  if (Number.isNaN(current.getTime())) throw new Error(`manualClock: invalid start time ${String(start)}`)
  return {
    now: () => new Date(current),
    set(at) {
      const next = new Date(at)
      if (Number.isNaN(next.getTime())) throw new Error(`manualClock.set: invalid time ${String(at)}`)
      current = next
    },
    advance(milliseconds) {
      current = new Date(current.getTime() + milliseconds)
    },
  }
}
