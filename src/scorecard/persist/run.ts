import { schemaId, schemaJson } from '../../lib/schema'
import type { ManualScore } from '../../../payload-types'
import type { Payload } from 'payload'
import { evaluateRun, type EvaluationRun } from '../evaluate'
import { gatherConfig, gatherInputs, type GatherConfig } from '../gather/gather'
import { readAllFlat } from '../gather/read'
import { scanDatabaseArticles } from '../gather/text-source'
import type { AggregateMode } from '../gather/column-aggregates'
import type { IndicatorSet } from '../indicator-sets'
import { rankResults } from '../ranking'
import { restoreScanState, scanSignature, serializeScanState, type SerializedScanState, type TextScanState } from '../scan'
import { DAY_MS } from '../time'
import type { Id, ManualEntry } from '../types'
import { applyRectification } from './rectification-store'
import { indicatorSetById } from './sets'

export interface ExecuteRunOptions {
  /** The run's as-of when the run doc names none (default: now). */
  now?: Date
  aggregates?: AggregateMode
  /** Text scan source (see TextScanRunOptions.textScan); the default picks the fast path where it can. */
  textScan?: 'fast' | 'pages'
  config?: GatherConfig
  /** Called with the stage and 0–100, besides the progress written to the run doc. */
  onProgress?: (stage: string, percent: number) => void
}

type RunDoc = {
  id: Id
  status: string
  scope: 'all' | 'organization'
  organization?: Id | { id: Id } | null
  indicatorSet: Id | { id: Id }
  asOf?: string | null
}

const idOf = (value: Id | { id: Id } | null | undefined) => (value && typeof value === 'object' ? value.id : value) ?? null

/**
 * Executes one evaluation run stored in `evaluation-runs`: gathers the facts, continues the text
 * scan, scores, ranks, stores one result per organization and carries the rectification list
 * over. Progress (0–100) is written to the run doc as it goes; a failure marks the run failed.
 */
export async function executeEvaluationRun(payload: Payload, runId: Id, options: ExecuteRunOptions = {}): Promise<EvaluationRun> {
  const started = performance.now()
  const config = options.config ?? gatherConfig
  const run = (await payload.findByID({ collection: 'evaluation-runs', id: runId, depth: 0, overrideAccess: true })) as unknown as RunDoc
  runId = run.id // job inputs carry ids as text; relationships need the stored type
  const asOf = run.asOf ? new Date(run.asOf) : (options.now ?? new Date())
  let lastWrite = 0
  const setProgress = async (stage: string, percent: number, force = false) => {
    options.onProgress?.(stage, percent)
    // Progress writes are throttled: a million-article scan must not write the run doc per page.
    if (!force && performance.now() - lastWrite < 1000) return
    lastWrite = performance.now()
    await payload.update({
      collection: 'evaluation-runs',
      id: runId,
      data: { progress: Math.round(percent), stage },
      overrideAccess: true,
      context: { skipAudit: true },
    })
  }
  await payload.update({
    collection: 'evaluation-runs',
    id: runId,
    data: { status: 'running', startedAt: new Date().toISOString(), asOf: asOf.toISOString(), error: null },
    overrideAccess: true,
  })
  try {
    const set = await indicatorSetById(payload, idOf(run.indicatorSet)!)
    await setProgress('gather', 2, true)
    const scope = run.scope === 'organization' && idOf(run.organization) !== null ? [idOf(run.organization)!] : undefined
    const gathered = await gatherInputs(payload, {
      asOf,
      organizationIds: scope,
      aggregates: options.aggregates,
      config,
      onProgress: (step, done, total) => setProgress(`gather:${step}`, 2 + 28 * (done / Math.max(1, total))),
    })
    await setProgress('manual scores', 30, true)
    const manual = await manualEntries(
      payload,
      set.code,
      gathered.inputs.map((input) => input.organization.id),
    )
    for (const input of gathered.inputs) input.manualEntries = manual.get(String(input.organization.id)) ?? []

    let scannedArticles = 0
    const previous = await previousScan(payload, runId, set, asOf, config)
    const totalArticles = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    await setProgress(`text scan (${previous.full ? 'full' : 'incremental'})`, 32, true)
    const scan = await scanDatabaseArticles(payload, set, gathered.structure, previous.state, {
      asOf,
      full: previous.full,
      since: previous.state?.scannedAt ?? null,
      pageSize: config.textScanPageSize,
      mode: options.aggregates,
      textScan: options.textScan,
      workers: config.textScanWorkers,
      chunkIds: config.textScanChunkIds,
      onProgress: (scanned) => {
        scannedArticles = scanned
        return setProgress('text scan', 32 + 50 * Math.min(1, scanned / Math.max(1, totalArticles)))
      },
    })
    await setProgress('evaluate', 84, true)
    const evaluation = evaluateRun(set, gathered.inputs, { asOf, scan })
    await storeResults(payload, runId, evaluation)
    await setProgress('rectification', 92, true)
    const rectification = await applyRectification(
      payload,
      runId,
      evaluation,
      set,
      gathered.inputs.map((input) => input.organization.id),
    )
    const counts = {
      organizationCount: evaluation.results.length,
      passedCount: evaluation.results.filter((r) => r.status === 'pass').length,
      vetoedCount: evaluation.results.filter((r) => r.status === 'vetoed').length,
      failedCount: evaluation.results.filter((r) => r.status === 'fail').length,
    }
    await payload.update({
      collection: 'evaluation-runs',
      id: runId,
      data: {
        ...counts,
        status: 'done',
        progress: 100,
        stage: 'done',
        finishedAt: new Date().toISOString(),
        textScanAt: scan.scannedAt,
        textScanMode: previous.full ? 'full' : 'incremental',
        textScanArticles: scannedArticles,
        rectificationOpened: rectification.opened,
        rectificationClosed: rectification.closed,
        durationMs: Math.round(performance.now() - started),
        scanState: schemaJson(serializeScanState(scan)),
      },
      overrideAccess: true,
    })
    options.onProgress?.('done', 100)
    return evaluation
  } catch (error) {
    await payload.update({
      collection: 'evaluation-runs',
      id: runId,
      data: {
        status: 'failed',
        stage: 'failed',
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        finishedAt: new Date().toISOString(),
      },
      overrideAccess: true,
    })
    throw error
  }
}

/** Where the text scan continues from: the newest finished run of the same set parameters, unless a full pass is due. */
async function previousScan(
  payload: Payload,
  runId: Id,
  set: IndicatorSet,
  asOf: Date,
  config: GatherConfig,
): Promise<{ state: TextScanState | null; full: boolean }> {
  const { docs } = await payload.find({
    collection: 'evaluation-runs',
    where: { and: [{ status: { equals: 'done' } }, { setCode: { equals: set.code } }, { id: { not_equals: runId } }] },
    sort: '-finishedAt',
    limit: 5,
    depth: 0,
    overrideAccess: true,
    select: { scanState: true, textScanMode: true, textScanAt: true, finishedAt: true },
  })
  const signature = scanSignature(set)
  const usable = (docs as Array<{ scanState?: SerializedScanState | null }>).find((doc) => doc.scanState?.signature === signature)
  if (!usable?.scanState) return { state: null, full: true }
  // A full pass every few days catches what "changed since" cannot see (e.g. scheduled items becoming due).
  const lastFull = await payload.find({
    collection: 'evaluation-runs',
    where: { and: [{ status: { equals: 'done' } }, { setCode: { equals: set.code } }, { textScanMode: { equals: 'full' } }] },
    sort: '-finishedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { textScanAt: true },
  })
  const fullAt = (lastFull.docs[0] as { textScanAt?: string } | undefined)?.textScanAt
  if (!fullAt || asOf.getTime() - Date.parse(fullAt) > config.fullTextScanEveryDays * DAY_MS) return { state: null, full: true }
  return { state: restoreScanState(usable.scanState), full: false }
}

/** The newest manual score per organization and indicator of the set. */
async function manualEntries(payload: Payload, setCode: string, organizationIds: Id[]): Promise<Map<string, ManualEntry[]>> {
  const docs = await readAllFlat<Pick<ManualScore, 'id' | 'organization' | 'indicatorCode' | 'points' | 'reason' | 'evaluatorName' | 'enteredAt'>>(
    payload,
    'manual-scores',
    { and: [{ setCode: { equals: setCode } }, { organization: { in: organizationIds.map(String) } }] },
    { organization: true, indicatorCode: true, points: true, reason: true, evaluatorName: true, enteredAt: true },
    1000,
  )
  docs.sort((a, b) => String(b.enteredAt ?? '').localeCompare(String(a.enteredAt ?? '')))
  const byOrg = new Map<string, ManualEntry[]>()
  for (const doc of docs) {
    const org = String(doc.organization)
    const list = byOrg.get(org) ?? byOrg.set(org, []).get(org)!
    if (list.some((entry) => entry.indicatorCode === doc.indicatorCode)) continue
    list.push({ indicatorCode: doc.indicatorCode, points: doc.points, reason: doc.reason, enteredBy: doc.evaluatorName ?? undefined })
  }
  return byOrg
}

/** One result per organization (re-running a run replaces its results). */
async function storeResults(payload: Payload, runId: Id, evaluation: EvaluationRun) {
  await payload.delete({ collection: 'evaluation-results', where: { run: { equals: runId } }, overrideAccess: true, context: { skipAudit: true } })
  const ranks = new Map(rankResults(evaluation.results).map(({ rank, result }) => [String(result.organization.id), rank]))
  for (const result of evaluation.results) {
    await payload.create({
      collection: 'evaluation-results',
      data: {
        run: schemaId(runId),
        organization: schemaId(result.organization.id),
        organizationName: result.organization.name,
        organizationKind: result.organization.kind,
        asOf: evaluation.asOf,
        rank: ranks.get(String(result.organization.id)),
        status: result.status,
        total: result.total,
        baseScore: result.baseScore,
        bonus: result.bonus,
        vetoCodes: result.vetoCodes.join(' '),
        areaDeductions: result.areaDeductions,
        indicators: result.indicators,
      },
      overrideAccess: true,
      // Machine output, recorded as a whole by the run doc: no audit entry per result.
      context: { skipAudit: true },
    })
  }
}
