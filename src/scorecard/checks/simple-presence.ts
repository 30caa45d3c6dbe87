import { z } from 'zod'
import { ageInDays, isoDate, toTime } from '../time'
import { defineCheck, notApplicable } from './define'

/** A working channel for questions and suggestions (互动渠道). */
export const interactionChannel = defineCheck({
  id: 'interaction-channel',
  description: 'A working channel for letters exists',
  params: z.object({}),
  evaluate(input) {
    if (!input.interactionChannel) return notApplicable('no interaction data')
    if (input.interactionChannel.available) return { count: 0, evidence: [] }
    return {
      count: 1,
      evidence: [
        {
          key: 'no-channel',
          message: '没有可用的咨询建议渠道',
          target: input.interactionChannel.target ?? { collection: 'organizations', id: input.organization.id },
        },
      ],
    }
  },
})

/** Service statistics (办事统计) published recently enough. */
export const serviceStatisticsFreshness = defineCheck({
  id: 'service-statistics-freshness',
  description: 'Service statistics updated within maxAgeDays',
  params: z.object({ maxAgeDays: z.number().positive() }),
  evaluate(input, { maxAgeDays }, { asOf }) {
    if (input.serviceStatisticsUpdatedAt === undefined) return notApplicable('no service statistics data')
    const updated = input.serviceStatisticsUpdatedAt
    const time = updated === null ? null : toTime(updated, 'serviceStatisticsUpdatedAt')
    if (time !== null && ageInDays(time, asOf) <= maxAgeDays) return { count: 0, evidence: [] }
    return {
      count: 1,
      evidence: [
        {
          key: 'service-statistics',
          message: time === null ? '从未发布办事统计' : `办事统计自 ${isoDate(time)} 起未更新`,
          target: { collection: 'organizations', id: input.organization.id },
          detail: { updatedAt: updated, maxAgeDays },
        },
      ],
    }
  },
})
