import type { CollectionBeforeChangeHook } from 'payload'
import { refuseScorecard } from '../../src/scorecard'
import { isScorer } from '../evaluation-runs/access'

/**
 * A unit may report progress (in progress, fixed and awaiting recheck) but never close an item:
 * only the next run closes it, when the indicator passes (or a scorer closes it by hand).
 */
export const guardItemStatus: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user || isScorer(req.user)) return data
  if (data.status && data.status !== originalDoc?.status) {
    if (data.status === 'closed')
      refuseScorecard('整改事项由下一次考评复核通过后自动销号，单位不能自行关闭', 'an item closes when the next run finds it fixed; a unit cannot close it')
    if (originalDoc?.status === 'closed') refuseScorecard('已销号的整改事项不能重新打开', 'a closed item cannot be reopened by the unit')
  }
  return data
}
