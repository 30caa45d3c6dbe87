import { z } from 'zod'
import { defineCheck, measureFindings, type ScanHit } from './define'

const IGNORED_SCHEMES = new Set(['mailto:', 'tel:', 'javascript:', 'data:'])

/**
 * Broken internal links (内部链接不可用) in published content, resolved against the URLs the site
 * group knows (pages, articles, media). External links need the network and a rate limit, so they
 * are not part of this pure check.
 */
export const brokenLinks = defineCheck({
  id: 'broken-links',
  description: 'Internal links in published content that lead nowhere',
  params: z.object({}),
  scanArticle(article, _params, { resolveInternalUrl, internalHosts }) {
    const hits: ScanHit[] = []
    const base = article.url ?? 'http://internal.invalid/'
    for (const { href } of article.links) {
      if (href.startsWith('#')) continue
      let url: URL
      try {
        url = new URL(href, base)
      } catch {
        hits.push({ count: 1, detail: { href, reason: 'malformed' } })
        continue
      }
      if (IGNORED_SCHEMES.has(url.protocol)) continue
      const internal = url.hostname === 'internal.invalid' || internalHosts.has(url.hostname)
      if (internal && !resolveInternalUrl(url)) hits.push({ count: 1, detail: { href, reason: 'not-found' } })
    }
    return hits
  },
  evaluate(_input, _params, ctx) {
    return measureFindings(ctx, (finding) => ({
      key: `article:${finding.articleId}:${finding.detail.href}`,
      message: `《${finding.title}》中的链接 ${finding.detail.href} 不可用`,
      detail: finding.detail,
    }))
  },
})
