import policyData from './data/policy.json'
import indicatorData from './data/rating-indicators.json'

/** The interaction policy (deadlines, categories, limits) as loaded from data/policy.json. */
export type InteractionPolicy = typeof policyData
export type LetterCategory = InteractionPolicy['letterCategories'][number] & { workingDays?: number }

export const interactionPolicy: InteractionPolicy = policyData

export interface RatingIndicator {
  key: string
  label: string
}
export const ratingIndicators: RatingIndicator[] = indicatorData.indicators
export const ratingScale = indicatorData.scale

export const letterCategoryValues = policyData.letterCategories.map((c) => c.value)
export const errorReportKindValues = policyData.errorReportKinds.map((k) => k.value)

/** Working days allowed for a letter of this category (the category's own figure or the default). */
export function workingDaysForCategory(category: string, policy: InteractionPolicy = interactionPolicy): number {
  const found = policy.letterCategories.find((c) => c.value === category) as LetterCategory | undefined
  if (!found) throw new Error(`Unknown letter category "${category}"; known: ${policy.letterCategories.map((c) => c.value).join(', ')}`)
  return found.workingDays ?? policy.deadline.defaultWorkingDays
}
