import { z } from 'zod'
import type { Evidence } from '../types'
import { ageInDays, isoDate, toTime, wholeDays } from '../time'
import { columnCategory } from './categories'
import { defineCheck, notApplicable } from './define'

/**
 * Column freshness (栏目更新): columns of the listed categories whose newest dated item is older
 * than the category's limit. Blank columns are the blank-columns check's business; a column whose
 * items are all undated counts as stale ("an item with no publish date counts as not updated").
 */
export const columnFreshness = defineCheck({
  id: 'column-freshness',
  description: 'Columns of each category updated within maxAgeDays[category]',
  params: z.object({
    maxAgeDays: z.partialRecord(columnCategory, z.number().positive()).refine((limits) => Object.keys(limits).length > 0, 'name at least one column category'),
  }),
  evaluate(input, { maxAgeDays }, { asOf }) {
    if (!input.columns) return notApplicable('no column data')
    const evidence: Evidence[] = []
    for (const [index, column] of input.columns.entries()) {
      const limit = maxAgeDays[column.category]
      if (limit === undefined || column.itemCount === 0) continue
      const latest = column.latestPublishedAt === null ? null : toTime(column.latestPublishedAt, `columns[${index}].latestPublishedAt`)
      if (latest !== null && ageInDays(latest, asOf) <= limit) continue
      evidence.push({
        key: `column:${column.id}`,
        message:
          latest === null
            ? `栏目「${column.name}」没有有发布日期的信息`
            : `栏目「${column.name}」自 ${isoDate(latest)} 起未更新（${wholeDays(asOf - latest)} 天，要求 ${limit} 天内）`,
        target: { collection: 'columns', id: column.id },
        detail: {
          category: column.category,
          latestPublishedAt: latest === null ? null : new Date(latest).toISOString(),
          staleDays: latest === null ? null : wholeDays(asOf - latest),
          maxAgeDays: limit,
        },
      })
    }
    return { count: evidence.length, evidence }
  },
})
