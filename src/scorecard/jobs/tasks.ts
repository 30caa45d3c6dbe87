import { schemaId } from '../../lib/schema'
import type { TaskConfig } from 'payload'
import gatherConfig from '../gather/config.json' with { type: 'json' }
import { executeEvaluationRun } from '../persist/run'
import { activeIndicatorSetDoc } from '../persist/sets'
import { runSiteProbe } from './site-probe'

export const SCORECARD_EVALUATE_TASK = 'scorecardEvaluate'
export const SITE_PROBE_TASK = 'siteProbe'

/**
 * scorecardEvaluate: runs a queued run doc (created in the admin), or — when scheduled, with no
 * run named — creates a nightly run of all units against the newest active national set first.
 */
export const scorecardEvaluateTask: TaskConfig<any> = {
  slug: SCORECARD_EVALUATE_TASK,
  label: '绩效考评 Scorecard evaluation',
  inputSchema: [
    { name: 'runId', type: 'text' },
    { name: 'organizationId', type: 'text' },
  ],
  outputSchema: [{ name: 'runId', type: 'text' }],
  schedule: [{ cron: gatherConfig.evaluate.cron, queue: 'default' }],
  handler: async ({ input, req }) => {
    let runId = (input as { runId?: string } | undefined)?.runId
    if (!runId) {
      const organizationId = (input as { organizationId?: string } | undefined)?.organizationId
      const setDoc = await activeIndicatorSetDoc(req.payload, gatherConfig.evaluate.setCode)
      if (!setDoc) throw new Error(`no active indicator set ${gatherConfig.evaluate.setCode}`)
      const run = await req.payload.create({
        collection: 'evaluation-runs',
        data: {
          title: `定时考评 ${new Date().toISOString().slice(0, 10)}`,
          scope: organizationId ? 'organization' : 'all',
          organization: organizationId ? schemaId(organizationId) : null,
          indicatorSet: schemaId(setDoc.id),
          trigger: 'schedule',
        },
        overrideAccess: true,
        context: { scorecardNoQueue: true },
      })
      runId = String((run as { id: number | string }).id)
    }
    await executeEvaluationRun(req.payload, runId)
    return { output: { runId } }
  },
}

/** siteProbe: one round of home-page probes (hourly by default: ≥ 20 samples a day per site). */
export const siteProbeTask: TaskConfig<any> = {
  slug: SITE_PROBE_TASK,
  label: '网站可用性监测 Site probe',
  inputSchema: [{ name: 'siteIds', type: 'json' }],
  schedule: [{ cron: gatherConfig.probe.cron, queue: 'default' }],
  handler: async ({ input, req }) => {
    const siteIds = (input as { siteIds?: Array<number | string> } | undefined)?.siteIds ?? undefined
    const samples = await runSiteProbe(req.payload, { siteIds })
    return { output: { probed: samples.length, failed: samples.filter((s) => !s.ok).length } }
  },
}

export const scorecardTasks: TaskConfig<any>[] = [scorecardEvaluateTask, siteProbeTask]
