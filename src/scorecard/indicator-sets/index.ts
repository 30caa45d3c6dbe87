import national2019 from './national-2019.json' with { type: 'json' }
import yulinPublicRating from './yulin-public-rating.json' with { type: 'json' }
import { loadIndicatorSet, type IndicatorSet } from './load'

/** The indicator sets shipped with SiteGroup, as data (the admin may store edited versions). */
export const BUILT_IN_SET_DATA = { 'national-2019': national2019, 'yulin-public-rating': yulinPublicRating } as const

export function builtInIndicatorSet(code: keyof typeof BUILT_IN_SET_DATA): IndicatorSet {
  return loadIndicatorSet(structuredClone(BUILT_IN_SET_DATA[code]))
}

export { loadIndicatorSet, IndicatorSetError, type Indicator, type IndicatorSet } from './load'
export { AREAS, AREA_NAMES, GROUPS, GROUP_NAMES, type Area, type Group, type IndicatorSetData } from './schema'
