import { z } from 'zod'
import { defineCheck, notApplicable } from './define'

/** Items without a publish date (无发布日期), from the per-column aggregate. */
export const undatedItems = defineCheck({
  id: 'undated-items',
  description: 'Published items without a publish date',
  params: z.object({}),
  evaluate(input) {
    if (!input.columns) return notApplicable('no column data')
    let count = 0
    const evidence = []
    for (const column of input.columns) {
      const undated = column.undatedCount ?? 0
      if (undated <= 0) continue
      count += undated
      evidence.push({
        key: `column:${column.id}`,
        message: `栏目「${column.name}」有 ${undated} 条信息没有发布日期`,
        target: { collection: 'columns', id: column.id },
        detail: { undatedCount: undated },
      })
    }
    return { count, evidence }
  },
})
