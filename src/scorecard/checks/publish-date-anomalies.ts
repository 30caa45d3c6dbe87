import { z } from 'zod'
import { DAY_MS, HOUR_MS, toTime } from '../time'
import { defineCheck, measureFindings, type ScanHit } from './define'

/**
 * Faked publish dates (发布日期造假): a published item dated in the future, or dated well before
 * it was created (backdated). Items imported from a legacy system keep their genuine old dates.
 */
export const publishDateAnomalies = defineCheck({
  id: 'publish-date-anomalies',
  description: 'Publish date in the future or earlier than the item was created',
  params: z.object({
    futureToleranceHours: z.number().nonnegative(),
    backdateToleranceDays: z.number().nonnegative(),
  }),
  scanArticle(article, params, { asOf }) {
    if (article.publishedAt === null) return []
    const published = toTime(article.publishedAt, `article ${article.id} publishedAt`)
    const hits: ScanHit[] = []
    if (published > asOf + params.futureToleranceHours * HOUR_MS) {
      hits.push({ count: 1, detail: { kind: 'future', publishedAt: article.publishedAt } })
    }
    if (article.createdAt && !article.legacyImport) {
      const created = toTime(article.createdAt, `article ${article.id} createdAt`)
      if (published < created - params.backdateToleranceDays * DAY_MS) {
        hits.push({ count: 1, detail: { kind: 'backdated', publishedAt: article.publishedAt, createdAt: article.createdAt } })
      }
    }
    return hits
  },
  evaluate(_input, params, ctx) {
    // A future date found by an earlier scan stops being an anomaly once that date has come.
    const current = ctx.findings?.filter(
      (finding) => finding.detail.kind !== 'future' || Date.parse(String(finding.detail.publishedAt)) > ctx.asOf + params.futureToleranceHours * HOUR_MS,
    )
    return measureFindings({ ...ctx, findings: current }, (finding) => ({
      key: `article:${finding.articleId}:${finding.detail.kind}`,
      message:
        finding.detail.kind === 'future'
          ? `《${finding.title}》的发布日期 ${finding.detail.publishedAt} 在未来`
          : `《${finding.title}》的发布日期 ${finding.detail.publishedAt} 早于创建时间 ${finding.detail.createdAt}`,
      detail: finding.detail,
    }))
  },
})
