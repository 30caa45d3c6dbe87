import { vocabulary } from './settings'

/** The 8 elements every service guide must hold (national check indicators, 2019), as field → label. */
export const GUIDE_ELEMENTS = vocabulary.guideElements as Record<string, string>

/** Labels of required elements that are empty in `guide`. */
export function missingGuideElements(guide: Record<string, unknown>): string[] {
  return Object.entries(GUIDE_ELEMENTS)
    .filter(([field]) => {
      const value = guide[field]
      return typeof value !== 'string' || value.trim() === ''
    })
    .map(([, label]) => label)
}
