/**
 * Links in a body: the text shows one address and the href goes to another host (checked in
 * guardText), and links that answer 404 or do not answer (checkLinks, which needs the network).
 */
import { extractField } from './extract'
import type { GuardLists } from './engine'
import type { Finding, GuardInput } from './types'

/** Link text that reads as a URL or a bare domain: www.gov.cn, https://x.gov.cn/a. */
const SHOWN_ADDRESS = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$/i

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '')

export function linkHostMismatch(text: string, href: string): { shown: string; actual: string } | undefined {
  const shown = SHOWN_ADDRESS.exec(text.trim())?.[1]
  if (!shown) return undefined
  let actual: string
  try {
    actual = new URL(href).hostname
  } catch {
    return undefined
  }
  return bareHost(shown) === bareHost(actual) ? undefined : { shown: shown.toLowerCase(), actual }
}

export interface LinkCheck {
  url: string
  ok: boolean
  status?: number
  /** Why it failed: 'timeout', 'unreachable: …', or 'HTTP 404'. */
  error?: string
}

export interface CheckLinksOptions {
  fetch?: typeof fetch
  timeoutMs?: number
  concurrency?: number
}

/** HEAD first (cheap), GET when the server refuses HEAD; 4xx/5xx and network errors are failures. */
export async function checkLinks(urls: readonly string[], options: CheckLinksOptions = {}): Promise<LinkCheck[]> {
  const { fetch: fetchImpl = fetch, timeoutMs = 8000, concurrency = 8 } = options
  const unique = [...new Set(urls)]
  const results = new Map<string, LinkCheck>()
  const checkOne = async (url: string): Promise<LinkCheck> => {
    try {
      let response = await fetchImpl(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) })
      if (response.status === 405 || response.status === 501)
        response = await fetchImpl(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) })
      await response.body?.cancel()
      return response.status < 400 ? { url, ok: true, status: response.status } : { url, ok: false, status: response.status, error: `HTTP ${response.status}` }
    } catch (error) {
      const name = (error as Error).name
      return { url, ok: false, error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : `unreachable: ${(error as Error).message}` }
    }
  }
  let next = 0
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]
      results.set(url, await checkOne(url))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, unique.length)) }, worker))
  return urls.map((url) => results.get(url)!)
}

/** Broken links of a document as findings, at the link's place in its field. */
export async function guardLinks(input: GuardInput, lists: GuardLists, options: CheckLinksOptions = {}): Promise<Finding[]> {
  const located = Object.entries(input).flatMap(([field, value]) =>
    extractField(value)
      .links.filter((link) => /^https?:\/\//i.test(link.href))
      .map((link) => ({ field, link })),
  )
  const checks = await checkLinks(
    located.map((l) => l.link.href),
    options,
  )
  return located.flatMap(({ field, link }, i) =>
    checks[i].ok
      ? []
      : [
          {
            kind: 'link' as const,
            severity: lists.ruleSeverities.link,
            location: { field, paragraph: link.paragraph, offset: link.offset, length: link.text.length, before: '', after: '' },
            text: link.text,
            suggestion: `链接无法访问（${checks[i].error}）：${link.href}`,
          },
        ],
  )
}
