import type { Payload, PayloadRequest } from 'payload'
import { evaluateOrganization, ManualEntryError } from '../evaluate'
import { assertShippedSetUnchanged, BUILT_IN_SET_DATA, loadIndicatorSet, shippedSetsChangedWithoutNewVersion, type IndicatorSet } from '../indicator-sets'
import type { ManualEntry } from '../types'

export const DEFAULT_SET_CODE = 'national-2019'

type SetDoc = { id: number | string; code: string; version: string; data: unknown; active?: boolean }

/**
 * Stores the shipped sets (national 2019, Yulin public rating) unless that version is there already.
 * A set changed without a new version is left out (see shipped.ts).
 */
export async function ensureBuiltInIndicatorSets(payload: Payload, req?: PayloadRequest): Promise<void> {
  const changed = new Set(shippedSetsChangedWithoutNewVersion().map((problem) => problem.setLabel))
  for (const data of Object.values(BUILT_IN_SET_DATA)) {
    if (changed.has(`${data.code}@${data.version}`)) continue
    const set = loadIndicatorSet(structuredClone(data))
    const { totalDocs } = await payload.count({
      collection: 'indicator-sets',
      where: { and: [{ code: { equals: set.code } }, { version: { equals: set.version } }] },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) {
      await payload.create({
        collection: 'indicator-sets',
        data: { data: structuredClone(data), active: true, builtIn: true },
        overrideAccess: true,
        req,
      })
    }
  }
}

/** The newest active stored version of a set code (the built-ins are stored first if missing). */
export async function activeIndicatorSetDoc(payload: Payload, code = DEFAULT_SET_CODE, req?: PayloadRequest): Promise<SetDoc | null> {
  assertShippedSetUnchanged(code)
  const find = () =>
    payload.find({
      collection: 'indicator-sets',
      where: { and: [{ code: { equals: code } }, { active: { equals: true } }] },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  let { docs } = await find()
  if (docs.length === 0 && code in BUILT_IN_SET_DATA) {
    await ensureBuiltInIndicatorSets(payload, req)
    ;({ docs } = await find())
  }
  return (docs[0] as unknown as SetDoc | undefined) ?? null
}

export async function activeIndicatorSet(payload: Payload, code = DEFAULT_SET_CODE, req?: PayloadRequest): Promise<IndicatorSet | null> {
  const doc = await activeIndicatorSetDoc(payload, code, req)
  return doc ? loadIndicatorSet(doc.data) : null
}

export async function indicatorSetById(payload: Payload, id: number | string, req?: PayloadRequest): Promise<IndicatorSet> {
  const doc = (await payload.findByID({ collection: 'indicator-sets', id, depth: 0, overrideAccess: true, req })) as unknown as SetDoc
  return loadIndicatorSet(doc.data)
}

/** Why a manual entry is not acceptable for a set (null when it is), in both admin languages. */
export function validateManualEntry(set: IndicatorSet, entry: ManualEntry): { zh: string; en: string } | null {
  const indicator = set.indicators.find((candidate) => candidate.code === entry.indicatorCode)
  if (!indicator) {
    const manual = set.indicators
      .filter((i) => i.measure.kind === 'manual')
      .map((i) => i.code)
      .join(', ')
    return {
      zh: `指标体系 ${set.code} 中没有指标 ${entry.indicatorCode}（人工指标：${manual}）`,
      en: `set ${set.code} has no indicator ${entry.indicatorCode} (manual ones: ${manual})`,
    }
  }
  if (indicator.measure.kind !== 'manual') {
    return { zh: `指标 ${indicator.code} 由系统自动检测，不能人工评分`, en: `indicator ${indicator.code} is measured automatically, not entered by hand` }
  }
  if (!entry.reason?.trim()) return { zh: '人工评分必须填写理由', en: 'a manual score needs a reason' }
  try {
    evaluateOrganization(set, { organization: { id: 0, name: '', kind: 'department' }, manualEntries: [entry] }, new Date())
  } catch (error) {
    if (error instanceof ManualEntryError) return { zh: `分值不符合指标 ${indicator.code} 的要求：${error.message}`, en: error.message }
    throw error
  }
  return null
}
