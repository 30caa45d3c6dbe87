import type { ArticleTextReader, ArticleTextRow } from '../../db/bulk-scan-sqlite'
import { CHECKS } from '../checks'
import { articleFindings, type PrescannedArticle, type ScanIndicator } from '../scan'
import { articleTextOf } from './article-text'
import { bodyNeedsScan } from './body-prefilter'
import { walkLexical } from './lexical-walk'

export type WalkedBody = ReturnType<typeof walkLexical>

/** One visible article as the scan reads it; `walked` null: the prefilter showed the body cannot matter. */
export type ScannedRow = Omit<ArticleTextRow, 'body'> & { walked: WalkedBody | null; prescanned?: undefined }

/** A chunk in id order: rows for the main thread, and ids checked here that had no finding. */
export interface ScanChunk {
  rows: Array<ScannedRow | PrescannedArticle>
  clean: number[]
}

export interface ScanChunkRequest {
  seq: number
  from: number
  to: number
  asOfIso: string
  sinceIso: string | null
}

/** The scan indicators as data, for worker threads (checks are looked up by id there). */
export type ScanIndicatorSpec = { code: string; checkId: string; params: unknown }

export function scanIndicatorsFrom(specs: ScanIndicatorSpec[]): ScanIndicator[] {
  return specs.map(({ code, checkId, params }) => {
    const check = CHECKS.get(checkId)
    if (!check?.scanArticle) throw new Error(`text scan worker: unknown scan check "${checkId}"`)
    return { code, check, params }
  })
}

/**
 * Reads one id range. A body the prefilter passes is parsed and walked for the main thread (links
 * and images need the database); one it skips cannot give a body finding, so with `indicators` its
 * remaining checks (dates, terms in the title) run right here on the same ArticleText the main
 * thread would build, and only its findings travel back.
 */
export function readScanChunk(
  reader: ArticleTextReader,
  prefilter: RegExp[] | null,
  request: ScanChunkRequest,
  indicators: ScanIndicator[] | null = null,
): ScanChunk {
  const rows: ScanChunk['rows'] = []
  const clean: number[] = []
  const ctx = { asOf: Date.parse(request.asOfIso), resolveInternalUrl: () => true, internalHosts: new Set<string>() }
  for (const row of reader.iterateRange(request.from, request.to, request.asOfIso, request.sinceIso)) {
    const body = row.body
    if (bodyNeedsScan(prefilter, row.title, body)) {
      rows.push(withoutBody(row, walkLexical(body === null ? null : JSON.parse(body.toString('utf8')))))
    } else if (indicators === null) {
      rows.push(withoutBody(row, null))
    } else {
      const found = articleFindings(indicators, articleTextOf(row, { text: '', links: [] }, [], undefined), ctx)
      if (found.length) rows.push({ id: row.id, prescanned: found })
      else clean.push(row.id)
    }
  }
  return { rows, clean }
}

// Spelled out: object rest/spread per row cost more than the date checks on a million rows.
function withoutBody(row: ArticleTextRow, walked: WalkedBody | null): ScannedRow {
  return {
    id: row.id,
    title: row.title,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    column: row.column,
    site: row.site,
    organization: row.organization,
    workflowed: row.workflowed,
    walked,
  }
}
