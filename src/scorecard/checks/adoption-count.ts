import { z } from 'zod'
import { defineCheck, notApplicable } from './define'

/**
 * Adoption of a unit's submissions (信息报送采用数): items other sites accepted in the period.
 * `target` accepted items earn the full points (weighted sets); fewer than `minAccepted` fails.
 */
export const adoptionCount = defineCheck({
  id: 'adoption-count',
  description: 'Submissions accepted by other sites (采用数)',
  params: z.object({
    target: z.number().int().positive(),
    minAccepted: z.number().int().min(0).default(0),
  }),
  evaluate(input, params) {
    if (!input.submissions) return notApplicable('no submission data (sharing is not installed)')
    const { submitted, accepted, rejected } = input.submissions
    const metrics = { submitted, accepted, rejected, adoptionRate: submitted ? accepted / submitted : null }
    const score = Math.min(accepted / params.target, 1)
    if (accepted >= params.minAccepted) return { count: 0, evidence: [], metrics, score }
    return {
      count: 1,
      metrics,
      score,
      evidence: [
        {
          key: 'adoption',
          message: `信息报送 ${submitted} 条，被采用 ${accepted} 条（要求至少 ${params.minAccepted} 条）`,
          target: { collection: 'organizations', id: input.organization.id },
          detail: metrics,
        },
      ],
    }
  },
})
