import { z } from 'zod'
import type { Evidence } from '../types'
import { DAY_MS, isoDate, wholeDays } from '../time'
import { defineCheck, notApplicable } from './define'
import { parseLetters } from './letters'

/**
 * Reply performance (答复情况) over the past lookbackDays: reply rate and average reply time,
 * each compared with its limit (both limits are unverified, hence parameters). Letters received
 * less than graceDays ago are not yet due and are left out of the rate.
 */
export const letterReplyPerformance = defineCheck({
  id: 'letter-reply-performance',
  description: 'Reply rate and average reply days of letters',
  params: z.object({
    lookbackDays: z.number().positive(),
    graceDays: z.number().nonnegative(),
    minReplyRate: z.number().min(0).max(1),
    maxAverageReplyDays: z.number().positive(),
  }),
  evaluate(input, params, ctx) {
    const { asOf } = ctx
    if (!input.letters) return notApplicable('no letter data')
    const from = asOf - params.lookbackDays * DAY_MS
    const dueBefore = asOf - params.graceDays * DAY_MS
    let due = 0
    let replied = 0
    let replyDays = 0
    for (const letter of parseLetters(input.letters, ctx)) {
      if (letter.received < from || letter.received > dueBefore) continue
      due++
      if (letter.replied !== null && letter.replied <= asOf) {
        replied++
        replyDays += (letter.replied - letter.received) / DAY_MS
      }
    }
    if (due === 0) return { count: 0, evidence: [], metrics: { letters: 0, replyRate: null, averageReplyDays: null } }
    const replyRate = replied / due
    const averageReplyDays = replied === 0 ? null : replyDays / replied
    const metrics = { letters: due, replied, replyRate, averageReplyDays }
    const target = { collection: 'organizations', id: input.organization.id }
    const evidence: Evidence[] = []
    if (replyRate < params.minReplyRate) {
      evidence.push({
        key: 'reply-rate',
        message: `来信答复率 ${(replyRate * 100).toFixed(1)}%，低于 ${(params.minReplyRate * 100).toFixed(0)}%`,
        target,
        detail: { replyRate, minReplyRate: params.minReplyRate, letters: due, replied },
      })
    }
    if (averageReplyDays !== null && averageReplyDays > params.maxAverageReplyDays) {
      evidence.push({
        key: 'average-reply-days',
        message: `来信平均答复用时 ${averageReplyDays.toFixed(1)} 天，超过 ${params.maxAverageReplyDays} 天`,
        target,
        detail: { averageReplyDays, maxAverageReplyDays: params.maxAverageReplyDays },
      })
    }
    return { count: evidence.length, evidence, metrics }
  },
})

/**
 * Replies not updated (留言回复不更新): the newest reply is older than maxDaysSinceLastReply
 * while a letter has arrived since then, i.e. something was waiting to be answered.
 */
export const letterReplyFreshness = defineCheck({
  id: 'letter-reply-freshness',
  description: 'Newest reply at most maxDaysSinceLastReply old while letters wait',
  params: z.object({ maxDaysSinceLastReply: z.number().positive() }),
  evaluate(input, params, ctx) {
    const { asOf } = ctx
    if (!input.letters) return notApplicable('no letter data')
    const letters = parseLetters(input.letters, ctx)
    let lastReply = Number.NEGATIVE_INFINITY
    for (const letter of letters) if (letter.replied !== null && letter.replied > lastReply) lastReply = letter.replied
    if ((asOf - lastReply) / DAY_MS <= params.maxDaysSinceLastReply) return { count: 0, evidence: [] }
    const waiting = letters.filter((letter) => letter.received > lastReply && letter.replied === null)
    if (waiting.length === 0) return { count: 0, evidence: [] }
    const since = Number.isFinite(lastReply) ? isoDate(lastReply) : null
    return {
      count: 1,
      evidence: [
        {
          key: 'reply-freshness',
          message: since
            ? `自 ${since} 起（${wholeDays(asOf - lastReply)} 天）没有新的答复，${waiting.length} 封来信待答复`
            : `从未答复来信，${waiting.length} 封来信待答复`,
          target: { collection: 'letters', id: waiting[0]!.letter.id },
          detail: { lastReplyAt: since, waiting: waiting.length },
        },
      ],
    }
  },
})
