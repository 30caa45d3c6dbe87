import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { checkRedirectRule } from '../../src/hosting'

/**
 * Normalizes the paths, refuses a redirect to itself or one that would close a loop with the
 * redirects already stored (A→B→A), and fills the display URL of the target.
 */
export const validateRedirect: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const result = await checkRedirectRule(req, {
    id: originalDoc?.id,
    site: merged.site,
    fromPath: merged.fromPath,
    match: merged.match,
    toSite: merged.toSite,
    toPath: merged.toPath,
  })
  if ('error' in result) throw new APIError(result.error, 400, undefined, true)
  data.fromPath = result.fromPath
  data.toPath = result.toPath
  data.toUrl = result.toUrl
  return data
}
