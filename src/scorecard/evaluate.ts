import { isNotApplicable, type CheckOutput } from './checks'
import { AREAS, type Area, type Group, type Indicator, type IndicatorSet } from './indicator-sets'
import { indexFindings, type TextScanState } from './scan'
import type { ArticleFinding, CheckStatus, Evidence, ManualEntry, OrganizationFacts, OrganizationInput } from './types'

export interface IndicatorResult {
  code: string
  name: string
  group: Group
  area: Area
  vetoItem?: number
  status: CheckStatus
  /** Failing units found (stale columns, missing elements …). */
  count: number
  /** deduction method: points deducted; bonus: points awarded; weighted method: points earned. */
  points: number
  evidence: Evidence[]
  metrics?: Record<string, number | null>
  /** Why not applicable, or the evaluator's reason for a manual entry. */
  reason?: string
}

export type OrganizationStatus = 'pass' | 'fail' | 'vetoed' | 'not-applicable'

export interface OrganizationResult {
  organization: OrganizationFacts
  status: OrganizationStatus
  passed: boolean
  vetoCodes: string[]
  /** Points lost per area (capped by the set's area caps). */
  areaDeductions: Record<Area, number>
  baseScore: number | null
  bonus: number
  total: number | null
  indicators: IndicatorResult[]
}

export interface EvaluationRun {
  setCode: string
  setVersion: string
  asOf: string
  /** Whether the article text scan fed this run (otherwise text checks are not applicable). */
  textScanAt: string | null
  results: OrganizationResult[]
}

export interface EvaluateOptions {
  asOf: Date
  /** Text-scan findings; without them the text indicators are not applicable. */
  scan?: TextScanState | null
}

export class ManualEntryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ManualEntryError'
  }
}

const round = (value: number) => Math.round(value * 100) / 100

function manualOutput(indicator: Indicator, entries: ManualEntry[] | undefined, org: OrganizationFacts): CheckOutput & { reason?: string } {
  const entry = entries?.find((candidate) => candidate.indicatorCode === indicator.code)
  if (!entry) return { notApplicable: 'awaiting an evaluator’s entry' }
  const where = `manual entry ${indicator.code} for organization ${org.id}`
  if (!entry.reason?.trim()) throw new ManualEntryError(`${where}: a reason is required`)
  const limit = indicator.group === 'veto' ? 1 : (indicator.points?.cap ?? indicator.points?.fixed ?? indicator.points?.max)
  if (!Number.isFinite(entry.points) || entry.points < 0 || (limit !== undefined && entry.points > limit)) {
    throw new ManualEntryError(`${where}: points must be between 0 and ${limit ?? '∞'}, got ${entry.points}`)
  }
  if (indicator.group === 'veto' && !Number.isInteger(entry.points)) throw new ManualEntryError(`${where}: veto entries are 0 or 1`)
  const evidence: Evidence[] =
    entry.points > 0
      ? [{ key: 'manual', message: entry.reason, target: { collection: 'organizations', id: org.id }, detail: { enteredBy: entry.enteredBy ?? null } }]
      : []
  return { count: entry.points, evidence, reason: entry.reason }
}

function scoreIndicator(
  indicator: Indicator,
  input: OrganizationInput,
  method: 'deduction' | 'weighted',
  asOf: number,
  findings: Map<string, ArticleFinding[]> | undefined,
  memo: <T>(key: string, compute: () => T) => T,
): IndicatorResult {
  const base = { code: indicator.code, name: indicator.name, group: indicator.group, area: indicator.area, vetoItem: indicator.vetoItem }
  const measure = indicator.measure
  const output =
    measure.kind === 'manual'
      ? manualOutput(indicator, input.manualEntries, input.organization)
      : measure.check.evaluate(input, measure.params, {
          asOf,
          indicatorCode: indicator.code,
          findings: findings ? (findings.get(indicator.code) ?? []) : undefined,
          memo,
        })
  if (isNotApplicable(output)) {
    return { ...base, status: 'not-applicable', count: 0, points: 0, evidence: [], reason: output.notApplicable }
  }
  const failed = output.count >= indicator.thresholds.failAtCount
  const p = indicator.points ?? {}
  let points = 0
  if (measure.kind === 'manual' && indicator.group !== 'veto')
    points = output.count // the evaluator's figure
  else if (method === 'weighted' && indicator.group !== 'veto') points = (p.max ?? 0) * (output.score ?? (failed ? 0 : 1))
  else if (failed && indicator.group !== 'veto') points = p.fixed ?? Math.min(p.cap ?? Infinity, output.count * (p.perItem ?? 0))
  return {
    ...base,
    status: failed ? 'fail' : 'pass',
    count: output.count,
    points: round(points),
    evidence: output.evidence,
    metrics: output.metrics,
    reason: 'reason' in output ? (output.reason as string | undefined) : undefined,
  }
}

/** Scores one organization against a set: veto flags, points per area, bonus, total, pass/fail. */
export function evaluateOrganization(set: IndicatorSet, input: OrganizationInput, asOf: Date, findings?: Map<string, ArticleFinding[]>): OrganizationResult {
  const { method, fullMarks, passMark, areaCaps, bonus: bonusRule } = set.scoring
  const memoized = new Map<string, unknown>()
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memoized.has(key)) memoized.set(key, compute())
    return memoized.get(key) as T
  }
  const indicators = set.indicators.map((indicator) => scoreIndicator(indicator, input, method, asOf.getTime(), findings, memo))
  const vetoCodes = indicators.filter((r) => r.group === 'veto' && r.status === 'fail').map((r) => r.code)
  const areaDeductions = Object.fromEntries(AREAS.map((area) => [area, 0])) as Record<Area, number>
  let baseScore: number | null
  if (method === 'deduction') {
    for (const r of indicators) if (r.group === 'deduction') areaDeductions[r.area] += r.points
    for (const area of AREAS) areaDeductions[area] = round(Math.min(areaDeductions[area], areaCaps[area] ?? Infinity))
    baseScore = round(Math.max(0, fullMarks - AREAS.reduce((sum, area) => sum + areaDeductions[area], 0)))
  } else {
    let earned = 0
    let possible = 0
    for (const r of indicators) {
      if (r.group !== 'deduction' || r.status === 'not-applicable') continue
      const max = set.indicators.find((i) => i.code === r.code)!.points!.max!
      earned += r.points
      possible += max
      areaDeductions[r.area] = round(areaDeductions[r.area] + max - r.points)
    }
    baseScore = possible === 0 ? null : round((earned / possible) * fullMarks)
  }
  const bonusPoints = indicators.filter((r) => r.group === 'bonus').reduce((sum, r) => sum + r.points, 0)
  const bonusEligible =
    bonusRule !== undefined && baseScore !== null && baseScore >= bonusRule.minBaseScore && bonusRule.eligibleKinds.includes(input.organization.kind)
  const bonus = bonusEligible ? round(Math.min(bonusRule.cap, bonusPoints)) : 0
  const total = baseScore === null ? null : round(baseScore + bonus)
  const vetoed = vetoCodes.length > 0
  const status: OrganizationStatus = vetoed ? 'vetoed' : total === null ? 'not-applicable' : baseScore! >= passMark ? 'pass' : 'fail'
  return { organization: input.organization, status, passed: status === 'pass', vetoCodes, areaDeductions, baseScore, bonus, total, indicators }
}

/** One evaluation run: every given organization against one set version. */
export function evaluateRun(set: IndicatorSet, inputs: Iterable<OrganizationInput>, options: EvaluateOptions): EvaluationRun {
  const index = options.scan ? indexFindings(options.scan) : null
  const results: OrganizationResult[] = []
  for (const input of inputs) {
    const findings = index ? (index.get(String(input.organization.id)) ?? new Map<string, ArticleFinding[]>()) : undefined
    results.push(evaluateOrganization(set, input, options.asOf, findings))
  }
  return {
    setCode: set.code,
    setVersion: set.version,
    asOf: options.asOf.toISOString(),
    textScanAt: options.scan?.scannedAt ?? null,
    results,
  }
}
