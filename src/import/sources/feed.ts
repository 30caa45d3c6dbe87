import * as cheerio from 'cheerio'
import { decodeHtml } from '../charset'
import { CrawlerSource } from './crawler'
import type { SourcePage } from './types'

/**
 * RSS 2.0 or Atom feed: a quick partial source. Each item's link is fetched as a page through the
 * crawler's polite rules, so the feed's host bounds what is read.
 */
export class FeedSource extends CrawlerSource {
  constructor(
    private readonly feedUrl: string,
    options: ConstructorParameters<typeof CrawlerSource>[1] = {},
  ) {
    super(feedUrl, options)
  }

  async *pages(): AsyncIterable<SourcePage> {
    const feed = await this.asset(this.feedUrl)
    if (!feed.ok) {
      yield feed
      return
    }
    for (const link of feedLinks(decodeHtml(feed.bytes, feed.contentType).text, this.feedUrl)) {
      if (new URL(link).origin !== this.origin) {
        yield { ok: false, url: link, reason: `left the host: ${link}` }
        continue
      }
      const page = await this.asset(link)
      yield page.ok ? { ok: true, url: link, contentType: page.contentType, bytes: page.bytes } : page
    }
  }
}

export function feedLinks(xml: string, base: string): string[] {
  const $ = cheerio.load(xml, { xml: true })
  const links: string[] = []
  $('item > link').each((_, el) => void links.push($(el).text().trim()))
  $('entry > link').each((_, el) => {
    const rel = $(el).attr('rel')
    if (!rel || rel === 'alternate') links.push($(el).attr('href') ?? '')
  })
  return links.filter(Boolean).map((link) => new URL(link, base).toString())
}
