import { APIError, type CollectionBeforeValidateHook } from 'payload'
import { checkScores } from '../../src/interaction'

/** The same rule as the public form, so a rating stored any other way is just as valid. */
export const checkRatingScores: CollectionBeforeValidateHook = ({ data }) => {
  const checked = checkScores(data?.scores)
  if (!checked.ok) throw new APIError(checked.errors.join('; '), 400, undefined, true)
  return data
}
