import type { Payload, Where } from 'payload'
import { isCentralAdmin, hasRole, userOrganizationId } from '../../access'
import type { Id, OrganizationKind } from '../types'

export interface RankingRow {
  organization: Id
  name: string
  kind: OrganizationKind
  rank: number
  status: string
  total: number | null
  baseScore: number | null
  bonus: number
  vetoCodes: string[]
  areaDeductions: Record<string, number>
  /** Totals of this unit in the recent runs, oldest first (null where vetoed or not scored). */
  trend: Array<{ runId: Id; asOf: string; total: number | null; vetoed: boolean }>
}

export interface RankingViewData {
  runs: Array<{ id: Id; title: string; asOf: string; status: string; progress: number }>
  run: { id: Id; title: string; asOf: string; setCode: string; setVersion: string } | null
  rows: RankingRow[]
  /** Histogram of totals in 10-point bins (0–9 … 100+), vetoed units counted apart. */
  distribution: { bins: string[]; counts: number[]; vetoed: number }
  /** Whether the viewer sees every unit (central office, evaluators) or only their own. */
  everyone: boolean
}

const KINDS = new Set(['city', 'department', 'county', 'district', 'township'])

/**
 * What the ranking view (/admin/scorecard) shows: the chosen run (default: newest done) ranked,
 * filtered by organization kind, with each unit's trend over the last `trendRuns` runs. Units see
 * only their own row; the central office and evaluators see everyone.
 */
export async function rankingViewData(
  payload: Payload,
  user: unknown,
  options: { runId?: string | null; kind?: string | null; trendRuns?: number } = {},
): Promise<RankingViewData> {
  const everyone = isCentralAdmin(user) || hasRole(user, 'evaluator')
  const ownOrg = userOrganizationId(user)
  const { docs: runDocs } = await payload.find({
    collection: 'evaluation-runs',
    sort: '-createdAt',
    limit: 30,
    depth: 0,
    overrideAccess: true,
    select: { title: true, asOf: true, status: true, progress: true, setCode: true, setVersion: true, scope: true },
  })
  const runs = (runDocs as any[]).map((r) => ({
    id: r.id,
    title: r.title || `#${r.id}`,
    asOf: r.asOf ?? '',
    status: r.status,
    progress: r.progress ?? 0,
    setCode: r.setCode,
    setVersion: r.setVersion,
    scope: r.scope,
  }))
  const chosen = runs.find((r) => String(r.id) === String(options.runId ?? '')) ?? runs.find((r) => r.status === 'done' && r.scope === 'all') ?? null
  const empty = { bins: [], counts: [], vetoed: 0 }
  if (!chosen || (!everyone && ownOrg === null)) return { runs, run: chosen, rows: [], distribution: empty, everyone }
  const kind = options.kind && KINDS.has(options.kind) ? options.kind : null
  const where: Where[] = [{ run: { equals: chosen.id } }]
  if (kind) where.push({ organizationKind: { equals: kind } })
  if (!everyone) where.push({ organization: { equals: ownOrg } })
  const { docs } = await payload.find({
    collection: 'evaluation-results',
    where: { and: where },
    sort: 'rank',
    limit: 2000,
    depth: 0,
    overrideAccess: true,
    select: {
      organization: true,
      organizationName: true,
      organizationKind: true,
      rank: true,
      status: true,
      total: true,
      baseScore: true,
      bonus: true,
      vetoCodes: true,
      areaDeductions: true,
    },
  })
  const trendRunIds = runs
    .filter((r) => r.status === 'done')
    .slice(0, options.trendRuns ?? 8)
    .map((r) => r.id)
  const orgIds = (docs as any[]).map((d) => d.organization)
  const { docs: history } = await payload.find({
    collection: 'evaluation-results',
    where: { and: [{ run: { in: trendRunIds } }, { organization: { in: orgIds } }] },
    limit: trendRunIds.length * Math.max(1, orgIds.length),
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { run: true, organization: true, total: true, status: true, asOf: true },
  })
  const trends = new Map<string, RankingRow['trend']>()
  for (const h of (history as any[]).sort((a, b) => String(a.asOf).localeCompare(String(b.asOf)))) {
    const list = trends.get(String(h.organization)) ?? trends.set(String(h.organization), []).get(String(h.organization))!
    list.push({ runId: h.run, asOf: h.asOf, total: h.status === 'vetoed' ? null : (h.total ?? null), vetoed: h.status === 'vetoed' })
  }
  const rows: RankingRow[] = (docs as any[]).map((d) => ({
    organization: d.organization,
    name: d.organizationName,
    kind: d.organizationKind,
    rank: d.rank,
    status: d.status,
    total: d.total ?? null,
    baseScore: d.baseScore ?? null,
    bonus: d.bonus ?? 0,
    vetoCodes: d.vetoCodes ? String(d.vetoCodes).split(' ') : [],
    areaDeductions: d.areaDeductions ?? {},
    trend: trends.get(String(d.organization)) ?? [],
  }))
  const bins = Array.from({ length: 11 }, (_, i) => (i === 10 ? '100+' : `${i * 10}–${i * 10 + 9}`))
  const counts = bins.map(() => 0)
  let vetoed = 0
  for (const row of rows) {
    if (row.status === 'vetoed') vetoed++
    else if (row.total !== null) counts[Math.min(10, Math.floor(row.total / 10))]!++
  }
  return {
    runs,
    run: { id: chosen.id, title: chosen.title, asOf: chosen.asOf, setCode: chosen.setCode, setVersion: chosen.setVersion },
    rows,
    distribution: { bins, counts, vetoed },
    everyone,
  }
}
