import type { OrganizationResult } from './evaluate'
import type { OrganizationKind } from './types'

export interface RankedResult {
  /** Competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number
  result: OrganizationResult
}

export interface RankOptions {
  kinds?: OrganizationKind[]
}

// Vetoed units rank after all others whatever their points ("scoring stops"); units with nothing
// to score come last.
function tier(result: OrganizationResult): number {
  if (result.status === 'not-applicable') return 2
  return result.status === 'vetoed' ? 1 : 0
}

/** Ranks organizations by total (bonus included), vetoed ones last; optionally one kind of unit. */
export function rankResults(results: OrganizationResult[], options: RankOptions = {}): RankedResult[] {
  const kinds = options.kinds ? new Set(options.kinds) : null
  const chosen = results.filter((result) => !kinds || kinds.has(result.organization.kind))
  const sorted = [...chosen].sort(
    (a, b) => tier(a) - tier(b) || (b.total ?? -1) - (a.total ?? -1) || a.organization.name.localeCompare(b.organization.name, 'zh-Hans-CN'),
  )
  const ranked: RankedResult[] = []
  sorted.forEach((result, index) => {
    const previous = ranked[index - 1]
    const tied = previous && tier(previous.result) === tier(result) && previous.result.total === result.total
    ranked.push({ rank: tied ? previous.rank : index + 1, result })
  })
  return ranked
}
