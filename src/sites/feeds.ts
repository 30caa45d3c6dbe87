/** RSS per column, sitemap.xml and robots.txt per site. */
import type { Payload } from 'payload'
import { idOf, latestArticles } from './queries'
import type { SitesConfig } from './settings'
import { subtreeIds, type ColumnRecord } from './site-index'
import { tags } from './tags'
import { escapeHtml } from '../lib/html'
import { sitePaths } from './addresses'
import { canonical, foreignArticleUrl, type Scope } from './urls'
import { columnListWhere } from '../sharing'

export interface TextDocument {
  body: string
  contentType: string
  tags: string[]
}

// The project's one escape: its five entities are XML's too (&#39; for the apostrophe is a character reference XML accepts).
const xml = escapeHtml

export async function columnRss(payload: Payload, config: SitesConfig, scope: Scope, column: ColumnRecord): Promise<TextDocument> {
  const docs = await latestArticles(payload, await columnListWhere(payload, subtreeIds(column)), config.rssSize)
  const link = canonical(scope, sitePaths.column(column.path))
  const items = docs
    .map((doc) => {
      const c = scope.index.columnsById.get(String(idOf(doc.column))) ?? column
      const home = String(c.siteId) === String(scope.site.id) ? undefined : scope.index.byId.get(String(c.siteId))
      if (!home && String(c.siteId) !== String(scope.site.id)) return ''
      const url = home ? foreignArticleUrl(scope, home, c, doc.id) : canonical(scope, sitePaths.article(c.path, doc.id))
      return `<item><title>${xml(doc.title)}</title><link>${xml(url)}</link><guid isPermaLink="true">${xml(url)}</guid>${doc.publishedAt ? `<pubDate>${new Date(doc.publishedAt).toUTCString()}</pubDate>` : ''}${doc.summary ? `<description>${xml(doc.summary)}</description>` : ''}</item>`
    })
    .join('')
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(`${column.name} - ${scope.site.name}`)}</title><link>${xml(link)}</link><atom:link href="${xml(canonical(scope, sitePaths.feed(column.path)))}" rel="self" type="application/rss+xml"/><description>${xml(column.description || column.name)}</description><language>zh-CN</language>${items}</channel></rss>\n`
  return {
    body,
    contentType: 'application/rss+xml; charset=utf-8',
    tags: [tags.site(scope.site.id), ...subtreeIds(column).map(tags.column), ...docs.map((d) => tags.article(d.id))],
  }
}

export async function sitemapXml(payload: Payload, config: SitesConfig, scope: Scope): Promise<TextDocument> {
  const columns = [...scope.site.columnsById.values()]
  const urls: string[] = [`<url><loc>${xml(canonical(scope, '/'))}</loc><changefreq>daily</changefreq></url>`]
  for (const column of columns) if (column.visibility === 'public') urls.push(`<url><loc>${xml(canonical(scope, sitePaths.column(column.path)))}</loc></url>`)
  const docs = columns.length ? await latestArticles(payload, { column: { in: columns.map((c) => c.id) } }, config.sitemapXmlLimit - urls.length) : []
  for (const doc of docs) {
    const column = scope.index.columnsById.get(String(idOf(doc.column)))
    if (column)
      urls.push(
        `<url><loc>${xml(canonical(scope, sitePaths.article(column.path, doc.id)))}</loc>${doc.updatedAt ? `<lastmod>${doc.updatedAt.slice(0, 10)}</lastmod>` : ''}</url>`,
      )
  }
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('\n')}</urlset>\n`,
    contentType: 'application/xml; charset=utf-8',
    tags: [tags.site(scope.site.id), ...columns.map((c) => tags.column(c.id))],
  }
}

export function robotsTxt(scope: Scope): TextDocument {
  const prefix = scope.site.domains[0] ? '' : scope.prefix
  return {
    body: `User-agent: *\nAllow: ${prefix}/\nDisallow: ${prefix}/search\nDisallow: /_preview/\nSitemap: ${canonical(scope, '/sitemap.xml')}\n`,
    contentType: 'text/plain; charset=utf-8',
    tags: [tags.site(scope.site.id)],
  }
}
