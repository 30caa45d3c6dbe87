import { z } from 'zod'
import { ageInDays, isoDate, toTime, wholeDays } from '../time'
import { defineCheck, notApplicable } from './define'

/**
 * Homepage freshness (首页更新): the newest item shown on the unit's home page. When no column is
 * flagged as shown on the home page (a navigation-only home page), the newest item in any column
 * the organization owns counts, as the national rule allows. Portal-columns units are scored over
 * their columns exactly like own-site units.
 */
export const homepageFreshness = defineCheck({
  id: 'homepage-freshness',
  description: 'Newest item on the home page is at most maxAgeDays old',
  params: z.object({ maxAgeDays: z.number().positive() }),
  evaluate(input, { maxAgeDays }, { asOf }) {
    if (!input.columns) return notApplicable('no column data')
    const flagged = input.columns.filter((column) => column.onHomepage)
    const considered = flagged.length > 0 ? flagged : input.columns
    let latest: number | null = null
    let latestColumn = considered[0]
    for (const [index, column] of considered.entries()) {
      if (column.latestPublishedAt === null) continue
      const time = toTime(column.latestPublishedAt, `columns[${index}].latestPublishedAt`)
      if (latest === null || time > latest) {
        latest = time
        latestColumn = column
      }
    }
    const fresh = latest !== null && ageInDays(latest, asOf) <= maxAgeDays
    if (fresh) return { count: 0, evidence: [] }
    const target = latestColumn ? { collection: 'columns', id: latestColumn.id } : { collection: 'organizations', id: input.organization.id }
    return {
      count: 1,
      evidence: [
        {
          key: 'homepage',
          message:
            latest === null ? '首页没有任何有发布日期的信息' : `首页自 ${isoDate(latest)} 起未更新（${wholeDays(asOf - latest)} 天，要求 ${maxAgeDays} 天内）`,
          target,
          detail: { latestPublishedAt: latest === null ? null : new Date(latest).toISOString(), maxAgeDays },
        },
      ],
    }
  },
})
