import { createHash } from 'node:crypto'
import type { CheckDefinition, ScanContext } from './checks'
import type { IndicatorSet } from './indicator-sets'
import type { ArticleFinding, ArticleText, Id } from './types'

/**
 * The incremental text scan. Text checks (terms, dates, alt text, links) are the only checks that
 * read article bodies, so they run over the articles changed since the last run and keep their
 * findings here; the evaluation reads findings, never articles. Only articles with findings are
 * stored, so the state stays small however many articles the group holds.
 */
export interface TextScanState {
  /** Set code, version and the scan indicators' parameters: a change requires a full scan. */
  signature: string
  scannedAt: string
  findings: Map<string, ArticleFinding[]>
}

/** An article already checked elsewhere (a text-scan worker, with the same checks): its findings. */
export interface PrescannedArticle {
  id: Id
  prescanned: ArticleFinding[]
}

export interface ArticleChanges {
  /** Articles created, edited or published since the last scan (or all, for a full scan). */
  upserted: Iterable<ArticleText | PrescannedArticle>
  /** Articles deleted, withdrawn or unpublished since the last scan. */
  removed?: Iterable<Id>
}

export interface ScanOptions extends Omit<ScanContext, 'asOf'> {
  asOf: Date
  /** Start from nothing (first run, indicator set changed, or a periodic full pass). */
  full?: boolean
  onProgress?: (scanned: number) => void
}

export class ScanStateMismatchError extends Error {
  constructor(previous: string, current: string) {
    super(`the text scan state was made with other indicator parameters (${previous} ≠ ${current}): run a full scan`)
    this.name = 'ScanStateMismatchError'
  }
}

export type ScanIndicator = { code: string; check: CheckDefinition<any>; params: unknown }

export function scanIndicators(set: IndicatorSet): ScanIndicator[] {
  return set.indicators.flatMap((indicator) =>
    indicator.measure.kind === 'check' && indicator.measure.check.scanArticle
      ? [{ code: indicator.code, check: indicator.measure.check, params: indicator.measure.params }]
      : [],
  )
}

/** One article's findings: what scanArticles stores for it (also run by the text-scan workers). */
export function articleFindings(indicators: ScanIndicator[], article: ArticleText, ctx: ScanContext): ArticleFinding[] {
  const found: ArticleFinding[] = []
  for (const { code, check, params } of indicators) {
    for (const hit of check.scanArticle!(article, params, ctx)) {
      found.push({
        indicatorCode: code,
        organizationId: article.organizationId,
        articleId: article.id,
        columnId: article.columnId,
        title: article.title,
        detail: hit.detail,
        count: hit.count,
      })
    }
  }
  return found
}

export function scanSignature(set: IndicatorSet): string {
  const relevant = scanIndicators(set).map(({ code, check, params }) => [code, check.id, params])
  const hash = createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16)
  return `${set.code}@${set.version}#${hash}`
}

export function scanArticles(set: IndicatorSet, previous: TextScanState | null, changes: ArticleChanges, options: ScanOptions): TextScanState {
  const signature = scanSignature(set)
  if (previous && !options.full && previous.signature !== signature) {
    throw new ScanStateMismatchError(previous.signature, signature)
  }
  if (!previous && !options.full) {
    throw new Error('no previous text scan state: the first scan must be a full scan (options.full)')
  }
  const findings = new Map(options.full ? [] : previous!.findings)
  for (const id of changes.removed ?? []) findings.delete(String(id))
  const indicators = scanIndicators(set)
  const ctx: ScanContext = {
    asOf: options.asOf.getTime(),
    resolveInternalUrl: options.resolveInternalUrl,
    internalHosts: options.internalHosts,
  }
  let scanned = 0
  for (const article of changes.upserted) {
    const found = 'prescanned' in article ? article.prescanned : articleFindings(indicators, article, ctx)
    if (found.length > 0) findings.set(String(article.id), found)
    else findings.delete(String(article.id))
    scanned++
    if (options.onProgress && scanned % 10_000 === 0) options.onProgress(scanned)
  }
  options.onProgress?.(scanned)
  return { signature, scannedAt: options.asOf.toISOString(), findings }
}

/** Findings grouped by organization and indicator, as the evaluation hands them to checks. */
export function indexFindings(state: TextScanState): Map<string, Map<string, ArticleFinding[]>> {
  const index = new Map<string, Map<string, ArticleFinding[]>>()
  for (const list of state.findings.values()) {
    for (const finding of list) {
      const orgKey = String(finding.organizationId)
      let byCode = index.get(orgKey)
      if (!byCode) index.set(orgKey, (byCode = new Map()))
      const bucket = byCode.get(finding.indicatorCode)
      if (bucket) bucket.push(finding)
      else byCode.set(finding.indicatorCode, [finding])
    }
  }
  return index
}

export interface SerializedScanState {
  signature: string
  scannedAt: string
  findings: ArticleFinding[]
}

export function serializeScanState(state: TextScanState): SerializedScanState {
  return { signature: state.signature, scannedAt: state.scannedAt, findings: [...state.findings.values()].flat() }
}

export function restoreScanState(data: SerializedScanState): TextScanState {
  const findings = new Map<string, ArticleFinding[]>()
  for (const finding of data.findings) {
    const key = String(finding.articleId)
    const list = findings.get(key)
    if (list) list.push(finding)
    else findings.set(key, [finding])
  }
  return { signature: data.signature, scannedAt: data.scannedAt, findings }
}

/**
 * Resolver over the URLs the site group serves. Normalises what does not change the target
 * (fragment, trailing slash, default port, host case) so "/a/" and "/a#top" both match "/a".
 */
export function createUrlResolver(knownUrls: Iterable<string>): (url: URL) => boolean {
  const normalize = (url: URL) => `${url.hostname.toLowerCase()}${url.pathname.replace(/\/+$/, '') || '/'}${url.search}`
  const known = new Set<string>()
  for (const raw of knownUrls) known.add(normalize(new URL(raw, 'http://internal.invalid/')))
  return (url) => known.has(normalize(url))
}
