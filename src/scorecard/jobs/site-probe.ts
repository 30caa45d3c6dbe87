import { schemaId } from '../../lib/schema'
import type { Payload } from 'payload'
import gatherConfig from '../gather/config.json' with { type: 'json' }
import { pageFeatures } from '../gather/page-features'
import { loadStructure, type SiteRow } from '../gather/structure'
import { probeSite } from '../probe'
import { DAY_MS } from '../time'
import type { ProbeSample } from '../types'

export type ProbeConfig = (typeof gatherConfig)['probe']

export interface SiteProbeOptions {
  config?: Partial<ProbeConfig>
  /** Base URL of the local server (default: SCORECARD_PROBE_BASE_URL, else the configured default). */
  baseUrl?: string
  siteIds?: Array<number | string>
  now?: () => Date
}

/**
 * Where a site is probed: through the local server's /s/<code>/ address, or its own domain when
 * the installation says so. Only loopback (or explicitly allowed) hosts are requested, so a
 * site's data can never point the probe at an arbitrary address.
 */
export function probeUrl(site: Pick<SiteRow, 'code' | 'domains'>, baseUrl: string, config: ProbeConfig): string {
  if (config.useDomains && site.domains[0]) {
    const url = new URL(`https://${site.domains[0]}/`)
    if (!config.allowedHosts.includes(url.hostname) && !site.domains.includes(url.hostname)) throw new Error(`probe: host ${url.hostname} not allowed`)
    return url.toString()
  }
  const base = new URL(baseUrl)
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`probe: base URL must be http(s), got ${baseUrl}`)
  const host = base.hostname.replace(/^\[|\]$/g, '')
  if (!config.allowedHosts.includes(host)) throw new Error(`probe: base URL host ${host} is not in probe.allowedHosts (${config.allowedHosts.join(', ')})`)
  return new URL(`s/${encodeURIComponent(site.code)}/`, base.toString().endsWith('/') ? base : `${base}/`).toString()
}

/** One round of the self-probe (可用性监测): every active site once, a few at a time, samples stored. */
export async function runSiteProbe(payload: Payload, options: SiteProbeOptions = {}): Promise<ProbeSample[]> {
  const config: ProbeConfig = { ...gatherConfig.probe, ...options.config }
  const baseUrl = options.baseUrl ?? process.env[config.baseUrlEnv] ?? config.defaultBaseUrl
  const structure = await loadStructure(payload, gatherConfig.pageSize)
  const wanted = options.siteIds ? new Set(options.siteIds.map(String)) : null
  const sites = [...structure.sites.values()].filter((site) => site.status === 'active' && (!wanted || wanted.has(String(site.id))))
  const targets = sites.map((site) => ({ id: site.id, url: probeUrl(site, baseUrl, config) }))
  const samples: ProbeSample[] = []
  let next = 0
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++]!
      samples.push(await probeSite(target, { timeoutMs: config.timeoutMs, now: options.now, inspect: pageFeatures }))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(config.concurrency, targets.length)) }, worker))
  for (const sample of samples) {
    await payload.create({
      collection: 'probe-samples',
      data: {
        site: schemaId(sample.siteId),
        url: sample.url,
        at: sample.at,
        ok: sample.ok,
        status: sample.status,
        durationMs: sample.durationMs,
        error: sample.error ?? null,
        searchBox: sample.features?.searchBox ?? null,
        errorReportEntry: sample.features?.errorReportEntry ?? null,
      },
      overrideAccess: true,
      context: { skipAudit: true },
    })
  }
  const cutoff = new Date((options.now?.() ?? new Date()).getTime() - config.keepDays * DAY_MS).toISOString()
  await payload.delete({ collection: 'probe-samples', where: { at: { less_than: cutoff } }, overrideAccess: true, context: { skipAudit: true } })
  return samples
}
