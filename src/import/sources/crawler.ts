import * as cheerio from 'cheerio'
import robotsParser from 'robots-parser'
import { decodeHtml } from '../charset'
import { DEFAULT_LIMITS, fetchResource, type Fetched, type FetchLimits } from '../http'
import { ASSET_EXTENSION, DEFAULT_CRAWL, type CrawlOptions, type ImportSource, type SourcePage } from './types'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polite breadth-first crawl of one host: obeys robots.txt for our user agent, keeps to the
 * requested rate (one request at a time), and stops at the depth and page bounds.
 */
export class CrawlerSource implements ImportSource {
  readonly origin: string
  private readonly limits: FetchLimits
  private readonly options: CrawlOptions
  private lastRequest = 0
  private robots?: ReturnType<typeof robotsParser>

  constructor(
    private readonly base: string,
    options: Partial<CrawlOptions> = {},
  ) {
    this.origin = new URL(base).origin
    this.options = { ...DEFAULT_CRAWL, ...options }
    this.limits = { ...DEFAULT_LIMITS, maxBytes: this.options.maxBytes, timeoutMs: this.options.timeoutMs }
  }

  private async politely(url: string): Promise<Fetched> {
    const gap = 1000 / Math.max(0.01, this.options.rate) - (Date.now() - this.lastRequest)
    if (gap > 0) await sleep(gap)
    this.lastRequest = Date.now()
    return fetchResource(url, this.limits, new URL(this.origin).host)
  }

  async check(): Promise<string | null> {
    const robots = await this.politely(`${this.origin}/robots.txt`)
    this.robots = robotsParser(`${this.origin}/robots.txt`, robots.ok ? robots.bytes.toString('utf8') : '')
    const home = await this.politely(this.base)
    return home.ok ? null : `source ${this.base} does not answer: ${home.reason}`
  }

  allowed(url: string): boolean {
    return this.robots?.isAllowed(url, this.limits.userAgent) ?? true
  }

  asset(url: string): Promise<Fetched> {
    if (!this.allowed(url)) return Promise.resolve({ ok: false, url, reason: 'disallowed by robots.txt' })
    return this.politely(url)
  }

  async *pages(): AsyncIterable<SourcePage> {
    if (!this.robots) await this.check()
    const queue: Array<{ url: string; depth: number }> = [{ url: normalizeUrl(this.base), depth: 0 }]
    const seen = new Set(queue.map((q) => q.url))
    let served = 0
    while (queue.length && served < this.options.maxPages) {
      const { url, depth } = queue.shift()!
      if (!this.allowed(url)) {
        yield { ok: false, url, reason: 'disallowed by robots.txt' }
        continue
      }
      served++
      const fetched = await this.politely(url)
      if (!fetched.ok) {
        yield fetched
        continue
      }
      if (!/html|xml/i.test(fetched.contentType) && fetched.contentType) continue
      if (depth < this.options.maxDepth) {
        for (const link of pageLinks(fetched.bytes, fetched.contentType, fetched.url)) {
          if (new URL(link).origin !== this.origin || seen.has(link)) continue
          seen.add(link)
          queue.push({ url: link, depth: depth + 1 })
        }
      }
      yield { ok: true, url: fetched.url === url ? url : normalizeUrl(fetched.url), contentType: fetched.contentType, bytes: fetched.bytes }
    }
  }
}

/** Drops the fragment so one page is one address. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url)
  parsed.hash = ''
  return parsed.toString()
}

function pageLinks(bytes: Buffer, contentType: string, base: string): string[] {
  let text: string
  try {
    text = decodeHtml(bytes, contentType).text
  } catch {
    return []
  }
  const $ = cheerio.load(text)
  const links: string[] = []
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')!.trim()
    if (!href || /^(javascript|mailto|tel):/i.test(href)) return
    try {
      const url = new URL(href, base)
      if (!/^https?:$/.test(url.protocol) || ASSET_EXTENSION.test(url.pathname)) return
      links.push(normalizeUrl(url.toString()))
    } catch {
      // An unparsable href is the old site's typo, not ours to follow.
    }
  })
  return links
}
