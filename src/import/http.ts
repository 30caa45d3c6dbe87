/** One fetched resource, or why there is none: every failure is a reason string for the report. */
export type Fetched = { ok: true; url: string; status: number; contentType: string; bytes: Buffer } | { ok: false; url: string; reason: string }

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'SiteGroup-Import/1.0 (+site migration)',
}

/**
 * GET that follows redirects by hand so it can refuse one that leaves the host or loops, stops
 * reading past the size limit, and gives up after the timeout: a legacy server that never
 * answers must cost one report line, not the whole run.
 */
export async function fetchResource(url: string, limits: FetchLimits = DEFAULT_LIMITS, allowedHost = new URL(url).host): Promise<Fetched> {
  const seen = new Set<string>()
  let current = url
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    if (seen.has(current)) return { ok: false, url, reason: `redirect loop at ${current}` }
    seen.add(current)
    if (new URL(current).host !== allowedHost) return { ok: false, url, reason: `left the host: ${current}` }
    let response: Response
    try {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(limits.timeoutMs), headers: { 'user-agent': limits.userAgent } })
    } catch (error) {
      const name = (error as Error).name
      return {
        ok: false,
        url,
        reason: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${limits.timeoutMs} ms` : `unreachable: ${(error as Error).message}`,
      }
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel()
      current = new URL(response.headers.get('location')!, current).toString()
      continue
    }
    if (!response.ok) {
      await response.body?.cancel()
      return { ok: false, url, reason: `HTTP ${response.status}` }
    }
    const declared = Number(response.headers.get('content-length') ?? 0)
    if (declared > limits.maxBytes) {
      await response.body?.cancel()
      return { ok: false, url, reason: `over the size limit (${declared} bytes)` }
    }
    const body = await readLimited(response, limits)
    if (typeof body === 'string') return { ok: false, url, reason: body }
    return { ok: true, url: current, status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: body }
  }
  return { ok: false, url, reason: `more than ${limits.maxRedirects} redirects` }
}

async function readLimited(response: Response, limits: FetchLimits): Promise<Buffer | string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    const reader = response.body?.getReader()
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      const chunk = part.value
      size += chunk.byteLength
      if (size > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined)
        return `over the size limit (${limits.maxBytes} bytes)`
      }
      chunks.push(Buffer.from(chunk))
    }
  } catch (error) {
    return `transfer failed: ${(error as Error).message}`
  }
  return Buffer.concat(chunks)
}
