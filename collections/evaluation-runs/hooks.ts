import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { relationId } from '../../src/access'
import { activeIndicatorSetDoc, refuseScorecard, SCORECARD_EVALUATE_TASK } from '../../src/scorecard'

/**
 * A new run records the set version it will use (the newest active version of the chosen code, or
 * the exact version chosen) and starts queued; a run of one organization must name it.
 */
export const prepareRun: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (data.scope === 'organization' && !relationId(data.organization)) {
    refuseScorecard('单个单位考评须选择单位', 'a run of one organization must name the organization')
  }
  if (data.scope !== 'organization') data.organization = null
  const setDoc = relationId(data.indicatorSet)
    ? await req.payload.findByID({ collection: 'indicator-sets', id: relationId(data.indicatorSet)!, depth: 0, overrideAccess: true, req }).catch(() => null)
    : await activeIndicatorSetDoc(req.payload, data.setCode || undefined, req)
  if (!setDoc) refuseScorecard('找不到指定的考评指标体系', 'the indicator set was not found')
  data.indicatorSet = setDoc.id
  data.setCode = (setDoc as { code: string }).code
  data.setVersion = (setDoc as { version: string }).version
  data.status = 'queued'
  data.progress = 0
  data.requestedBy = relationId(req.user?.id) ?? null
  return data
}

/** Creating a run in the admin queues its evaluation on the jobs queue (never in the request). */
export const queueRun: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context?.scorecardNoQueue) return doc
  await req.payload.jobs.queue({ task: SCORECARD_EVALUATE_TASK, input: { runId: String(doc.id) }, req })
  return doc
}
