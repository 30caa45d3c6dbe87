import { z } from 'zod'
import type { Evidence } from '../types'
import { DAY_MS, isoDate, wholeDays } from '../time'
import { defineCheck, notApplicable } from './define'
import { letterTitle, parseLetters } from './letters'

/**
 * Letters left unanswered too long (留言长期未回复): a valid letter not answered within
 * maxOpenDays, where that deadline fell within the last lookbackDays. Still-open letters and
 * letters answered late both count. "3 months" is read as 90 days (a parameter).
 */
export const lettersOverdue = defineCheck({
  id: 'letters-overdue',
  description: 'Letters not answered within maxOpenDays in the past lookbackDays',
  params: z.object({ maxOpenDays: z.number().positive(), lookbackDays: z.number().positive() }),
  evaluate(input, params, ctx) {
    const { asOf } = ctx
    if (!input.letters) return notApplicable('no letter data')
    const windowStart = asOf - params.lookbackDays * DAY_MS
    const evidence: Evidence[] = []
    for (const { letter, received, replied } of parseLetters(input.letters, ctx)) {
      const deadline = received + params.maxOpenDays * DAY_MS
      if (deadline >= asOf || deadline < windowStart) continue
      if (replied !== null && replied <= deadline) continue
      const openDays = wholeDays((replied ?? asOf) - received)
      evidence.push({
        key: `letter:${letter.id}`,
        message:
          replied === null
            ? `来信${letterTitle(letter)}自 ${isoDate(received)} 起 ${openDays} 天未答复`
            : `来信${letterTitle(letter)}于 ${isoDate(received)} 收到，${openDays} 天后才答复`,
        target: { collection: 'letters', id: letter.id },
        detail: { receivedAt: letter.receivedAt, repliedAt: letter.repliedAt, openDays },
      })
    }
    return { count: evidence.length, evidence }
  },
})
