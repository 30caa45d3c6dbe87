import { z } from 'zod'
import { DAY_MS, toTime } from '../time'
import { defineCheck, notApplicable } from './define'

/**
 * Site availability (站点无法访问) from self-probe samples: in the last windowDays, the share of
 * probes that failed or took longer than slowMs must stay below maxBadRatio (national: 5 % of
 * probes slower than 15 s in a week fails the site).
 */
export const siteAvailability = defineCheck({
  id: 'site-availability',
  description: 'Share of failed or slow home-page probes in the window',
  params: z.object({
    windowDays: z.number().positive(),
    slowMs: z.number().positive(),
    maxBadRatio: z.number().min(0).max(1),
    /** Fewer samples than this are too few to judge: not applicable rather than a guess. */
    minSamples: z.number().int().positive().default(1),
  }),
  evaluate(input, params, { asOf }) {
    if (!input.probes) return notApplicable('the self-probe has not run')
    const from = asOf - params.windowDays * DAY_MS
    let samples = 0
    let bad = 0
    let firstBad: (typeof input.probes)[number] | undefined
    for (const [index, probe] of input.probes.entries()) {
      const at = toTime(probe.at, `probes[${index}].at`)
      if (at <= from || at > asOf) continue
      samples++
      if (!probe.ok || probe.durationMs > params.slowMs) {
        bad++
        if (!firstBad || probe.at < firstBad.at) firstBad = probe
      }
    }
    if (samples < params.minSamples) {
      return notApplicable(`only ${samples} probe samples in the last ${params.windowDays} days`)
    }
    const badRatio = bad / samples
    const metrics = { samples, bad, badRatio }
    if (badRatio < params.maxBadRatio) return { count: 0, evidence: [], metrics }
    const siteId = firstBad?.siteId ?? input.site?.id ?? input.organization.id
    return {
      count: 1,
      metrics,
      evidence: [
        {
          key: `site:${siteId}:availability`,
          message: `近 ${params.windowDays} 天 ${samples} 次监测中 ${bad} 次超时或失败（${(badRatio * 100).toFixed(1)}%）`,
          target: { collection: 'sites', id: siteId },
          detail: { samples, bad, badRatio, firstBadAt: firstBad?.at ?? null, firstBadError: firstBad?.error ?? null },
        },
      ],
    }
  },
})
