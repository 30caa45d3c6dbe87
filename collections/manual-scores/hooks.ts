import type { CollectionBeforeChangeHook } from 'payload'
import { relationId } from '../../src/access'
import { activeIndicatorSet, refuseScorecard, validateManualEntry } from '../../src/scorecard'

/**
 * A manual score must name a manual indicator of the set, stay within its points and carry a
 * reason; the evaluator is whoever saves it.
 */
export const checkManualScore: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const set = await activeIndicatorSet(req.payload, merged.setCode || undefined, req)
  if (!set) refuseScorecard(`找不到启用的指标体系 ${merged.setCode ?? ''}`, `no active indicator set ${merged.setCode ?? ''}`)
  data.setCode = set.code
  const problem = validateManualEntry(set, { indicatorCode: merged.indicatorCode, points: Number(merged.points), reason: merged.reason ?? '' })
  if (problem) refuseScorecard(problem.zh, problem.en)
  if (!relationId(merged.organization)) refuseScorecard('请选择单位', 'choose the organization')
  if (req.user) {
    data.evaluator = req.user.id
    data.evaluatorName = (req.user as { name?: string }).name ?? (req.user as { email?: string }).email
  }
  data.enteredAt = new Date().toISOString()
  return data
}
