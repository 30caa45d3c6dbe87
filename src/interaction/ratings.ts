/**
 * Public ratings of departments (部门绩效评估) on the 10 indicators of data/rating-indicators.json.
 * One rating per visitor per unit per month without accounts: a salted hash of
 * (network address, user agent, unit, month) stored with a unique index, plus a signed cookie
 * listing the units this browser already rated this month. Either one refuses a repeat, so
 * clearing cookies or switching address alone is not enough.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { ratingIndicators, ratingScale, type RatingIndicator } from './policy'

export type Scores = Record<string, number>

/** IPv6 visitors get a whole /64 from their provider: count the /64 as one address. */
export function normalizeAddress(address: string | undefined | null): string {
  let ip = (address ?? '').trim()
  if (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4) ip = ip.slice(7)
  if (isIP(ip) === 6) {
    const [head, tail = ''] = ip.toLowerCase().split('::')
    const headParts = head ? head.split(':') : []
    const tailParts = tail ? tail.split(':') : []
    const full = [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts]
    return `${full
      .slice(0, 4)
      .map((p) => p.replace(/^0+(?=.)/, ''))
      .join(':')}::/64`
  }
  return isIP(ip) === 4 ? ip : 'unknown'
}

export function ratingVisitorKey(
  secret: string,
  input: { address?: string | null; userAgent?: string | null; organization: string | number; period: string },
): string {
  if (!secret || secret.length < 16) throw new Error('ratingVisitorKey: the secret must be at least 16 characters')
  const userAgent = (input.userAgent ?? '').trim().slice(0, 300)
  return createHmac('sha256', secret)
    .update(['rating-visitor', normalizeAddress(input.address), userAgent, String(input.organization), input.period].join('\u0000'))
    .digest('hex')
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`rating-cookie:${payload}`).digest('base64url')

/** Units this browser rated in `period`, from the signed cookie; a forged or stale cookie reads as none. */
export function readRatedCookie(secret: string, cookie: string | undefined | null, period: string): Set<string> {
  if (!cookie || cookie.length > 4096) return new Set()
  const [payload, signature] = cookie.split('.')
  if (!payload || !signature) return new Set()
  const expected = Buffer.from(sign(secret, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return new Set()
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p?: unknown; u?: unknown }
    if (parsed.p !== period || !Array.isArray(parsed.u)) return new Set()
    return new Set(parsed.u.map(String))
  } catch {
    return new Set()
  }
}

export function writeRatedCookie(secret: string, period: string, organizations: Iterable<string>): string {
  const payload = Buffer.from(JSON.stringify({ p: period, u: [...new Set(organizations)].slice(-200) })).toString('base64url')
  return `${payload}.${sign(secret, payload)}`
}

export type ScoreCheck = { ok: true; scores: Scores } | { ok: false; errors: string[] }

/** Every indicator must be scored with an integer on the scale; unknown keys are refused. */
export function checkScores(input: unknown, indicators: RatingIndicator[] = ratingIndicators): ScoreCheck {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: ['评分缺失 (scores are missing)'] }
  const errors: string[] = []
  const scores: Scores = {}
  const record = input as Record<string, unknown>
  for (const indicator of indicators) {
    const raw = record[indicator.key]
    const value = typeof raw === 'string' && /^\d$/.test(raw.trim()) ? Number(raw.trim()) : raw
    if (typeof value !== 'number' || !Number.isInteger(value) || value < ratingScale.min || value > ratingScale.max) {
      errors.push(`请为“${indicator.label}”打 ${ratingScale.min}–${ratingScale.max} 分 (score ${indicator.key} from ${ratingScale.min} to ${ratingScale.max})`)
    } else scores[indicator.key] = value
  }
  for (const key of Object.keys(record)) {
    if (!indicators.some((i) => i.key === key)) errors.push(`未知的评分项 ${key.slice(0, 40)} (unknown indicator)`)
  }
  return errors.length ? { ok: false, errors } : { ok: true, scores }
}

export interface RatingAggregate {
  organization: string
  period: string
  count: number
  /** mean per indicator, two decimals */
  indicators: Record<string, number>
  /** mean of the indicator means */
  overall: number
}

/**
 * Aggregates stored ratings per unit and period. `periodOf` maps a rating's month ("2024-05")
 * to the reporting period: the month itself by default, or e.g. its year or quarter.
 */
export function aggregateRatings(
  ratings: { organization: string | number; period: string; scores: Scores }[],
  periodOf: (month: string) => string = (month) => month,
  indicators: RatingIndicator[] = ratingIndicators,
): RatingAggregate[] {
  const groups = new Map<string, { organization: string; period: string; count: number; sums: Record<string, number> }>()
  for (const rating of ratings) {
    const period = periodOf(rating.period)
    const key = `${rating.organization}\u0000${period}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { organization: String(rating.organization), period, count: 0, sums: {} }))
    group.count++
    for (const indicator of indicators) group.sums[indicator.key] = (group.sums[indicator.key] ?? 0) + (rating.scores[indicator.key] ?? 0)
  }
  return [...groups.values()]
    .map((group) => {
      const means = Object.fromEntries(indicators.map((i) => [i.key, Math.round((group.sums[i.key] / group.count) * 100) / 100]))
      const overall = Math.round((Object.values(means).reduce((a, b) => a + b, 0) / indicators.length) * 100) / 100
      return { organization: group.organization, period: group.period, count: group.count, indicators: means, overall }
    })
    .sort((a, b) => a.organization.localeCompare(b.organization) || a.period.localeCompare(b.period))
}

export const yearOfMonth = (month: string) => month.slice(0, 4)
export const quarterOfMonth = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
