import { z } from 'zod'
import { columnCategory } from './categories'
import { defineCheck, notApplicable } from './define'

/** Blank columns (空白栏目): columns with no published item. Interaction and service columns are
 * usually filled by other modules (letters, guides), so the set can exclude categories. */
export const blankColumns = defineCheck({
  id: 'blank-columns',
  description: 'Columns with no published item',
  params: z.object({ excludeCategories: z.array(columnCategory).default([]) }),
  evaluate(input, { excludeCategories }) {
    if (!input.columns) return notApplicable('no column data')
    const excluded = new Set<string>(excludeCategories)
    const evidence = input.columns
      .filter((column) => column.itemCount === 0 && !excluded.has(column.category))
      .map((column) => ({
        key: `column:${column.id}`,
        message: `栏目「${column.name}」没有任何信息（空白栏目）`,
        target: { collection: 'columns', id: column.id },
        detail: { category: column.category },
      }))
    return { count: evidence.length, evidence }
  },
})
