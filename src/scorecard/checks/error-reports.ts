import { z } from 'zod'
import type { Evidence } from '../types'
import { DAY_MS, isoDate, toTime, wholeDays } from '../time'
import { defineCheck, notApplicable } from './define'

/**
 * Error reports (我为政府网站找错) in the past lookbackDays. measure 'unresolved': still open after
 * graceDays; measure 'late': resolved after more than lateAfterDays. The two are separate
 * indicators because they carry different points (−3 and −2 in the annual supervision).
 */
export const errorReports = defineCheck({
  id: 'error-reports',
  description: 'Error reports left unresolved or resolved late',
  params: z.object({
    measure: z.enum(['unresolved', 'late']),
    lookbackDays: z.number().positive(),
    graceDays: z.number().nonnegative().default(0),
    lateAfterDays: z.number().positive(),
  }),
  evaluate(input, params, { asOf }) {
    if (!input.errorReports) return notApplicable('no error report data')
    const from = asOf - params.lookbackDays * DAY_MS
    const evidence: Evidence[] = []
    for (const [index, report] of input.errorReports.entries()) {
      if (report.valid === false) continue
      const reported = toTime(report.reportedAt, `errorReports[${index}].reportedAt`)
      if (reported < from) continue
      const target = { collection: 'error-reports', id: report.id }
      if (params.measure === 'unresolved') {
        if (report.resolvedAt !== null || asOf - reported <= params.graceDays * DAY_MS) continue
        evidence.push({
          key: `report:${report.id}`,
          message: `网民纠错（${isoDate(reported)}）已 ${wholeDays(asOf - reported)} 天未处理`,
          target,
          detail: { reportedAt: report.reportedAt },
        })
      } else {
        if (report.resolvedAt === null) continue
        const resolved = toTime(report.resolvedAt, `errorReports[${index}].resolvedAt`)
        if (resolved - reported <= params.lateAfterDays * DAY_MS) continue
        evidence.push({
          key: `report:${report.id}`,
          message: `网民纠错（${isoDate(reported)}）${wholeDays(resolved - reported)} 天后才处理，超过 ${params.lateAfterDays} 天`,
          target,
          detail: { reportedAt: report.reportedAt, resolvedAt: report.resolvedAt },
        })
      }
    }
    return { count: evidence.length, evidence }
  },
})
