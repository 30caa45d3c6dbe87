// Date arithmetic for the checks. Inputs carry ISO strings (they come from JSON and the database);
// checks compare epoch milliseconds so a run over 100,000 letters parses each date once.

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000

/** Parses an ISO date; a bad value is a bug in the gathered data, so say exactly where it is. */
export function toTime(value: string, where: string): number {
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw new TypeError(`${where}: not a valid date: ${JSON.stringify(value)}`)
  return time
}

export function ageInDays(from: number, asOf: number): number {
  return (asOf - from) / DAY_MS
}

/** Whole days, for messages and evidence (never used for threshold decisions). */
export function wholeDays(ms: number): number {
  return Math.floor(ms / DAY_MS)
}

export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
