import type { z } from 'zod'
import type { ArticleFinding, ArticleText, Evidence, OrganizationInput } from '../types'

export interface CheckContext {
  /** The moment the run evaluates "as of" (epoch ms): checks never read the clock. */
  asOf: number
  indicatorCode: string
  /** Text-scan findings of this indicator for this organization; undefined = no scan has run. */
  findings?: ArticleFinding[]
  /** Per-organization, per-run memo: lets several indicators share one parse of the same data
   * (100,000 letter dates are parsed once, not once per letter indicator). */
  memo<T>(key: string, compute: () => T): T
}

export interface CheckMeasurement {
  /** Failing units (stale columns, missing elements, overdue letters …): compared with the
   * indicator's thresholds.failAtCount and multiplied by points.perItem. */
  count: number
  evidence: Evidence[]
  metrics?: Record<string, number | null>
  /** 0…1 share of the points earned, for weighted sets (public ratings). */
  score?: number
}

export interface NotApplicable {
  notApplicable: string
}

export type CheckOutput = CheckMeasurement | NotApplicable

export interface ScanContext {
  asOf: number
  /** Whether an internal URL (absolute) leads somewhere that exists. */
  resolveInternalUrl: (url: URL) => boolean
  /** Hosts of the site group: links to them are internal. */
  internalHosts: ReadonlySet<string>
}

export type ScanHit = Pick<ArticleFinding, 'detail' | 'count'>

export interface CheckDefinition<P = unknown> {
  id: string
  description: string
  params: z.ZodType<P>
  evaluate(input: OrganizationInput, params: P, ctx: CheckContext): CheckOutput
  /** Text checks look at each changed article once (incremental scan) and report hits. */
  scanArticle?(article: ArticleText, params: P, ctx: ScanContext): ScanHit[]
}

export function defineCheck<P>(definition: CheckDefinition<P>): CheckDefinition<P> {
  return definition
}

export function notApplicable(reason: string): NotApplicable {
  return { notApplicable: reason }
}

export function isNotApplicable(output: CheckOutput): output is NotApplicable {
  return 'notApplicable' in output
}

/** Evaluation of a text check is the same for all of them: sum the findings of the scan. */
export function measureFindings(ctx: CheckContext, describe: (finding: ArticleFinding) => Omit<Evidence, 'target'>): CheckOutput {
  if (!ctx.findings) return notApplicable('the article text scan has not run')
  let count = 0
  const evidence: Evidence[] = []
  for (const finding of ctx.findings) {
    count += finding.count
    evidence.push({ ...describe(finding), target: { collection: 'articles', id: finding.articleId } })
  }
  return { count, evidence }
}
