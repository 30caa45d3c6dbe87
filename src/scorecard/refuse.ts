import { APIError } from 'payload'

/**
 * A refusal of bad input to the scorecard's collections, in both languages of the admin (the
 * shared i18n table belongs to the foundation). Payload rolls the transaction back on throw.
 */
export function refuseScorecard(zh: string, en: string, status = 400): never {
  throw new APIError(`${zh} / ${en}`, status, undefined, true)
}
