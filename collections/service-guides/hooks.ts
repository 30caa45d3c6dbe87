import type { CollectionBeforeChangeHook } from 'payload'
import { isCentralAdmin, refuse, userOrganizationId } from '../../src/access'
import { missingGuideElements } from '../../src/sites'

/**
 * Keeps the completeness flag in step with the content, so the admin list can show and filter
 * guides that miss any of the 8 required elements (each missing one costs 2 points in the
 * national check). Non-central staff may only file guides under their own organization.
 */
export const checkGuideElements: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  if (req.user && !isCentralAdmin(req.user)) {
    const own = userOrganizationId(req.user)
    const target = typeof merged.organization === 'object' && merged.organization ? merged.organization.id : merged.organization
    if (own === null || String(own) !== String(target)) refuse(req, 'notOwnOrganization', { organization: target })
  }
  const missing = missingGuideElements(merged)
  data.missingElements = missing.join('、')
  data.elementsComplete = missing.length === 0
  return data
}
