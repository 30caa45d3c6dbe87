import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { IndicatorSetError, loadIndicatorSet, refuseScorecard } from '../../src/scorecard'

/**
 * The data is the set: it is validated like the shipped JSON files, code and version are taken
 * from it, a (code, version) pair exists once, and a version a run has used never changes (edit a
 * copy with a new version instead).
 */
export const validateIndicatorSet: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  let set
  try {
    set = loadIndicatorSet(data.data)
  } catch (error) {
    if (error instanceof IndicatorSetError)
      refuseScorecard(`指标体系数据有误：${error.problems.join('；')}`, `invalid indicator set: ${error.problems.join('; ')}`)
    throw error
  }
  data.code = set.code
  data.version = set.version
  data.name = set.name
  const { docs } = await req.payload.find({
    collection: 'indicator-sets',
    where: { and: [{ code: { equals: set.code } }, { version: { equals: set.version } }] },
    limit: 2,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if ((docs as Array<{ id: unknown }>).some((doc) => String(doc.id) !== String(originalDoc?.id)))
    refuseScorecard(
      `指标体系 ${set.code} 已有版本 ${set.version}，请改用新版本号`,
      `indicator set ${set.code} already has version ${set.version}: use a new version`,
    )
  if (operation === 'update' && originalDoc && JSON.stringify(originalDoc.data) !== JSON.stringify(data.data)) {
    const used = await req.payload.count({
      collection: 'evaluation-runs',
      where: { indicatorSet: { equals: originalDoc.id } },
      overrideAccess: true,
      req,
    })
    if (used.totalDocs > 0)
      refuseScorecard(
        `${set.code}@${set.version} 已被考评使用，不能修改；请复制为新版本`,
        `${set.code}@${set.version} was used by a run and cannot change: copy it to a new version`,
      )
  }
  return data
}

export const refuseDeleteUsedSet: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const used = await req.payload.count({ collection: 'evaluation-runs', where: { indicatorSet: { equals: id } }, overrideAccess: true, req })
  if (used.totalDocs > 0) refuseScorecard('该指标体系版本已被考评使用，不能删除', 'this indicator set version was used by a run and cannot be deleted')
}
