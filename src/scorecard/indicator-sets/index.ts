import { loadIndicatorSet, type IndicatorSet } from './load'
import { assertShippedSetUnchanged, BUILT_IN_SET_DATA, type BuiltInSetCode } from './shipped'

export function builtInIndicatorSet(code: BuiltInSetCode): IndicatorSet {
  assertShippedSetUnchanged(code)
  return loadIndicatorSet(structuredClone(BUILT_IN_SET_DATA[code]))
}

export { BUILT_IN_SET_DATA, SHIPPED_HASHES, assertShippedSetUnchanged, contentHash, shippedSetsChangedWithoutNewVersion } from './shipped'
export { loadIndicatorSet, IndicatorSetError, type Indicator, type IndicatorSet } from './load'
export { AREAS, AREA_NAMES, GROUPS, GROUP_NAMES, type Area, type Group, type IndicatorSetData } from './schema'
