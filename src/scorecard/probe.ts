import type { Id, ProbeSample } from './types'

export interface ProbeOptions {
  /** Give up after this long; a timed-out probe is a failed sample. */
  timeoutMs: number
  fetchImpl?: typeof fetch
  now?: () => Date
  /** Reads the page body of a successful response (e.g. for a search box) into the sample. */
  inspect?: (html: string) => ProbeSample['features']
}

/**
 * The self-probe (可用性监测): requests a site's home page and records status and time, body
 * included (a page that never finishes loading is as unusable as one that fails). Scheduling
 * (≥ 20 a day per site) belongs to the jobs queue; this is one sample.
 */
export async function probeSite(site: { id: Id; url: string }, options: ProbeOptions): Promise<ProbeSample> {
  const doFetch = options.fetchImpl ?? fetch
  const at = (options.now ?? (() => new Date()))().toISOString()
  const started = performance.now()
  try {
    const response = await doFetch(site.url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' })
    const body = await response.arrayBuffer()
    const durationMs = Math.round(performance.now() - started)
    const features = options.inspect && response.ok ? options.inspect(new TextDecoder().decode(body)) : undefined
    return { siteId: site.id, url: site.url, at, ok: response.ok, status: response.status, durationMs, ...(features ? { features } : {}) }
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    return {
      siteId: site.id,
      url: site.url,
      at,
      ok: false,
      status: null,
      durationMs: Math.round(performance.now() - started),
      error:
        name === 'TimeoutError' || name === 'AbortError' ? `timeout after ${options.timeoutMs} ms` : String(error instanceof Error ? error.message : error),
    }
  }
}
