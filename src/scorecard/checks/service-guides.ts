import { z } from 'zod'
import { SERVICE_GUIDE_ELEMENTS, type Evidence, type ServiceGuideFacts } from '../types'
import { defineCheck, notApplicable } from './define'

export const ELEMENT_NAMES: Record<(typeof SERVICE_GUIDE_ELEMENTS)[number], string> = {
  itemName: '事项名称',
  legalBasis: '设定依据',
  conditions: '申请条件',
  materials: '申请材料',
  place: '办理地点',
  hours: '办理时间',
  phone: '咨询电话',
  process: '办理流程',
}

export const guideElements = z.array(z.enum(SERVICE_GUIDE_ELEMENTS)).min(1)

export function missingElements(guide: ServiceGuideFacts, required: readonly string[]): string[] {
  return required.filter((element) => !guide.elements[element as keyof ServiceGuideFacts['elements']])
}

/** Service guides (办事指南) missing required elements: one deduction unit per missing element. */
export const serviceGuides = defineCheck({
  id: 'service-guides',
  description: 'Missing elements in service guides',
  params: z.object({ elements: guideElements.default([...SERVICE_GUIDE_ELEMENTS]) }),
  evaluate(input, { elements }) {
    if (!input.serviceGuides) return notApplicable('no service guide data')
    let count = 0
    const evidence: Evidence[] = []
    for (const guide of input.serviceGuides) {
      const missing = missingElements(guide, elements)
      if (missing.length === 0) continue
      count += missing.length
      evidence.push({
        key: `guide:${guide.id}`,
        message: `办事指南「${guide.title}」缺少要素：${missing.map((m) => ELEMENT_NAMES[m as keyof typeof ELEMENT_NAMES]).join('、')}`,
        target: { collection: 'service-guides', id: guide.id },
        detail: { missing: missing.join(','), missingCount: missing.length },
      })
    }
    return { count, evidence, metrics: { guides: input.serviceGuides.length } }
  },
})
