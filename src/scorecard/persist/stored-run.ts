import type { Endpoint, Payload } from 'payload'
import { hasRole, isCentralAdmin } from '../../access'
import type { EvaluationRun, OrganizationResult } from '../evaluate'
import { exportRunToXlsx } from '../export-xlsx'
import type { Id } from '../types'
import { readAllFlat } from '../gather/read'
import { indicatorSetById } from './sets'

type ResultDoc = {
  organization: Id
  organizationName: string
  organizationKind: OrganizationResult['organization']['kind']
  status: OrganizationResult['status']
  total: number | null
  baseScore: number | null
  bonus: number
  vetoCodes: string | null
  areaDeductions: OrganizationResult['areaDeductions']
  indicators: OrganizationResult['indicators']
}

/** A stored run as the core's EvaluationRun (for export and the ranking view). */
export async function loadStoredRun(payload: Payload, runId: Id): Promise<{ run: EvaluationRun; doc: Record<string, any> }> {
  const doc = (await payload.findByID({ collection: 'evaluation-runs', id: runId, depth: 0, overrideAccess: true })) as Record<string, any>
  const results = await readAllFlat<ResultDoc>(
    payload,
    'evaluation-results',
    { run: { equals: runId } },
    {
      organization: true,
      organizationName: true,
      organizationKind: true,
      status: true,
      total: true,
      baseScore: true,
      bonus: true,
      vetoCodes: true,
      areaDeductions: true,
      indicators: true,
    },
    500,
  )
  const run: EvaluationRun = {
    setCode: doc.setCode,
    setVersion: doc.setVersion,
    asOf: new Date(doc.asOf).toISOString(),
    textScanAt: doc.textScanAt ? new Date(doc.textScanAt).toISOString() : null,
    results: results.map((r) => ({
      organization: { id: r.organization, name: r.organizationName, kind: r.organizationKind },
      status: r.status,
      passed: r.status === 'pass',
      vetoCodes: r.vetoCodes ? r.vetoCodes.split(' ').filter(Boolean) : [],
      areaDeductions: r.areaDeductions,
      baseScore: r.baseScore ?? null,
      bonus: r.bonus ?? 0,
      total: r.total ?? null,
      indicators: r.indicators ?? [],
    })),
  }
  return { run, doc }
}

/** GET /api/evaluation-runs/:id/export — the run as an .xlsx workbook, for the central office. */
export const exportRunEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: '请先登录 / log in first' }] }, { status: 401 })
    if (!isCentralAdmin(req.user) && !hasRole(req.user, 'evaluator')) {
      return Response.json({ errors: [{ message: '只有考评管理人员可以导出考评结果 / only the central office and evaluators export runs' }] }, { status: 403 })
    }
    const id = req.routeParams?.id as string | undefined
    const found = id ? await req.payload.find({ collection: 'evaluation-runs', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true }) : null
    const runDoc = found?.docs[0] as { status?: string; indicatorSet?: Id } | undefined
    if (!runDoc) return Response.json({ errors: [{ message: `没有考评批次 ${id} / no evaluation run ${id}` }] }, { status: 404 })
    if (runDoc.status !== 'done')
      return Response.json({ errors: [{ message: `考评批次 ${id} 尚未完成 / run ${id} is not done (${runDoc.status})` }] }, { status: 409 })
    const { run } = await loadStoredRun(req.payload, id!)
    const set = await indicatorSetById(req.payload, runDoc.indicatorSet as Id)
    const xlsx = await exportRunToXlsx(run, set)
    return new Response(new Uint8Array(xlsx), {
      status: 200,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="scorecard-run-${id}.xlsx"`,
        'cache-control': 'private, no-store',
      },
    })
  },
}
