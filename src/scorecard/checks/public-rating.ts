import { z } from 'zod'
import { defineCheck, notApplicable } from './define'

/**
 * Public rating of a department on one indicator (公众评议): the average vote as a share of the
 * scale earns that share of the indicator's points; below passRatio it fails.
 */
export const publicRating = defineCheck({
  id: 'public-rating',
  description: 'Average public rating on one indicator',
  params: z.object({
    indicator: z.string().min(1),
    scaleMax: z.number().positive(),
    minVotes: z.number().int().positive(),
    passRatio: z.number().min(0).max(1),
  }),
  evaluate(input, params) {
    if (!input.publicRatings) return notApplicable('no public rating data')
    const rating = input.publicRatings.find((entry) => entry.indicator === params.indicator)
    if (!rating || rating.votes < params.minVotes) {
      return notApplicable(`fewer than ${params.minVotes} votes on ${params.indicator}`)
    }
    if (rating.average < 0 || rating.average > params.scaleMax) {
      throw new RangeError(`public rating ${params.indicator}: average ${rating.average} is outside 0…${params.scaleMax}`)
    }
    const score = rating.average / params.scaleMax
    const metrics = { average: rating.average, votes: rating.votes }
    if (score >= params.passRatio) return { count: 0, evidence: [], metrics, score }
    return {
      count: 1,
      metrics,
      score,
      evidence: [
        {
          key: `rating:${params.indicator}`,
          message: `公众评议平均 ${rating.average.toFixed(2)} 分（满分 ${params.scaleMax}，${rating.votes} 票）`,
          target: { collection: 'organizations', id: input.organization.id },
          detail: metrics,
        },
      ],
    }
  },
})
