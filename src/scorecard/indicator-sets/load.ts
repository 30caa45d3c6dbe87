import type { z } from 'zod'
import { CHECKS, type CheckDefinition } from '../checks'
import { indicatorSetSchema, type ParsedIndicator, type ParsedIndicatorSetData } from './schema'

export interface Indicator extends Omit<ParsedIndicator, 'measure'> {
  measure: { kind: 'manual' } | { kind: 'check'; check: CheckDefinition<any>; params: unknown }
}

export interface IndicatorSet extends Omit<ParsedIndicatorSetData, 'indicators'> {
  indicators: Indicator[]
  /** The validated data as given, to store with a run ("which version it used"). */
  data: ParsedIndicatorSetData
}

export class IndicatorSetError extends Error {
  constructor(
    readonly setLabel: string,
    readonly problems: string[],
  ) {
    super(`indicator set ${setLabel} is invalid:\n  - ${problems.join('\n  - ')}`)
    this.name = 'IndicatorSetError'
  }
}

function describeIssues(issues: z.core.$ZodIssue[], prefix: (string | number)[] = []): string[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.')
    return `${path || '(set)'}: ${issue.message}`
  })
}

/** Validates indicator-set data (from a JSON file or the admin) and binds each indicator to its check. */
export function loadIndicatorSet(data: unknown): IndicatorSet {
  const label =
    typeof data === 'object' && data !== null && 'code' in data ? `${String(data.code)}@${String((data as { version?: unknown }).version)}` : '(unnamed)'
  const parsed = indicatorSetSchema.safeParse(data)
  if (!parsed.success) throw new IndicatorSetError(label, describeIssues(parsed.error.issues))
  const problems: string[] = []
  const indicators: Indicator[] = parsed.data.indicators.map((indicator, index) => {
    const where = `indicators.${index} (${indicator.code})`
    if (indicator.measure === 'manual') return { ...indicator, measure: { kind: 'manual' } }
    const check = CHECKS.get(indicator.measure.check)
    if (!check) {
      problems.push(`${where}.measure.check: unknown check "${indicator.measure.check}" (known: ${[...CHECKS.keys()].join(', ')})`)
      return { ...indicator, measure: { kind: 'manual' } }
    }
    const params = check.params.safeParse(indicator.measure.params)
    if (!params.success) {
      problems.push(...describeIssues(params.error.issues, [`${where}.measure.params`]))
      return { ...indicator, measure: { kind: 'manual' } }
    }
    return { ...indicator, measure: { kind: 'check', check, params: params.data } }
  })
  if (problems.length > 0) throw new IndicatorSetError(label, problems)
  return { ...parsed.data, indicators, data: parsed.data }
}
