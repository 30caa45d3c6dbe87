import { createHash } from 'node:crypto'
import national2019 from './national-2019.json' with { type: 'json' }
import yulinPublicRating from './yulin-public-rating.json' with { type: 'json' }
import shippedHashes from './shipped-hashes.json' with { type: 'json' }
import { IndicatorSetError } from './load'

/** The indicator sets shipped with SiteGroup, as data (the admin may store edited versions). */
export const BUILT_IN_SET_DATA = { 'national-2019': national2019, 'yulin-public-rating': yulinPublicRating } as const
export type BuiltInSetCode = keyof typeof BUILT_IN_SET_DATA

/**
 * A stored copy of a shipped set is keyed by code and version, so a JSON file edited without a new
 * version would change nothing on a database that already holds that version. shipped-hashes.json
 * records the content of every shipped version: a set whose content no longer matches its recorded
 * hash is refused (and reported at start) until its version is raised.
 */
export const SHIPPED_HASHES: Readonly<Record<string, string>> = shippedHashes

/** SHA-256 of the data with keys sorted, so a database that reorders JSON keys gives the same hash. */
export function contentHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

const labelOf = (data: { code: string; version: string }) => `${data.code}@${data.version}`

/** Shipped sets whose content changed while their version did not, each with what to do. */
export function shippedSetsChangedWithoutNewVersion(sets: Record<string, unknown> = BUILT_IN_SET_DATA, hashes = SHIPPED_HASHES): IndicatorSetError[] {
  return Object.values(sets).flatMap((data) => {
    const label = labelOf(data as { code: string; version: string })
    const recorded = hashes[label]
    if (!recorded || recorded === contentHash(data)) return []
    return [
      new IndicatorSetError(label, [
        `the shipped file changed but its version did not; databases that already hold ${label} would keep the old content. Raise "version" in the file and record the new hash in src/scorecard/indicator-sets/shipped-hashes.json`,
      ]),
    ]
  })
}

/** Throws for a shipped set that changed without a new version: using it would silently use the old stored copy. */
export function assertShippedSetUnchanged(code: string): void {
  const data = (BUILT_IN_SET_DATA as Record<string, unknown>)[code]
  if (!data) return
  const [problem] = shippedSetsChangedWithoutNewVersion({ [code]: data })
  if (problem) throw problem
}
