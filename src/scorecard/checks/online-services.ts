import { z } from 'zod'
import { SERVICE_GUIDE_ELEMENTS } from '../types'
import { defineCheck, notApplicable } from './define'
import { guideElements, missingElements } from './service-guides'

/**
 * Services not usable (服务不实用): no online service at all, or too many guides missing key
 * elements. The national cut-off for "too many" is not published: maxIncompleteRatio is data.
 */
export const onlineServices = defineCheck({
  id: 'online-services',
  description: 'Online services exist and enough guides are complete',
  params: z.object({
    maxIncompleteRatio: z.number().min(0).max(1),
    elements: guideElements.default([...SERVICE_GUIDE_ELEMENTS]),
  }),
  evaluate(input, params) {
    if (!input.serviceGuides) return notApplicable('no service guide data')
    const target = { collection: 'organizations', id: input.organization.id }
    const guides = input.serviceGuides
    const online = guides.filter((guide) => guide.onlineAvailable !== false)
    if (online.length === 0) {
      return { count: 1, evidence: [{ key: 'no-online-services', message: '没有提供任何网上办事服务', target }] }
    }
    const incomplete = guides.filter((guide) => missingElements(guide, params.elements).length > 0).length
    const incompleteRatio = incomplete / guides.length
    const metrics = { guides: guides.length, incomplete, incompleteRatio }
    if (incompleteRatio <= params.maxIncompleteRatio) return { count: 0, evidence: [], metrics }
    return {
      count: 1,
      metrics,
      evidence: [
        {
          key: 'incomplete-guides',
          message: `${guides.length} 个办事指南中 ${incomplete} 个要素不全（${(incompleteRatio * 100).toFixed(0)}%）`,
          target,
          detail: metrics,
        },
      ],
    }
  },
})
