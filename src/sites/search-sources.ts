/**
 * What the search indexes of the public sites: published articles and service guides, each with
 * the address the sites serve it at. Handed to the search indexer (src/search-sources.ts), which
 * knows nothing of sites.
 */
import { isPubliclyVisible, publicArticleWhere, relationId } from '../access'
import { chinaYear, joinSearchText, type ColumnInfo, type DocumentType, type Lookups, type SearchDocument, type SearchSource } from '../search'
import { localUrl, sitePaths } from './addresses'
import { lexicalToParagraphs } from './richtext'
import { sitesConfig } from './settings'
import type { Id } from './site-index'

export interface SearchableArticle {
  id: Id
  title: string
  subtitle?: string | null
  summary?: string | null
  source?: string | null
  body?: unknown
  column?: Id | { id: Id } | null
  site?: Id | { id: Id } | null
  organization?: Id | { id: Id } | null
  publishedAt?: string | null
  state?: string | null
  _status?: string | null
  disclosure?: { indexNumber?: string | null; documentNumber?: string | null; publisher?: string | null } | null
}

/** Column categories // 栏目类别 that map to their own content type in search (besides the catalogue's). */
const TYPE_BY_CATEGORY: Record<string, DocumentType> = { disclosure: 'disclosure', services: 'service-guide' }

/**
 * Disclosure catalogue // 政府信息公开目录 entries: articles in the catalogue's column categories
 * (the same list the public catalogue page uses) or carrying a document number // 文号.
 */
function articleType(article: SearchableArticle, column: ColumnInfo): DocumentType {
  if (sitesConfig().catalogueCategories.includes(column.category) || article.disclosure?.documentNumber?.trim()) return 'disclosure'
  return TYPE_BY_CATEGORY[column.category] ?? 'article'
}

/** The search document for an article, or null when the public may not see it. */
export async function articleToSearchDocument(article: SearchableArticle, lookups: Lookups, now = new Date()): Promise<SearchDocument | null> {
  if (!isPubliclyVisible(article, now)) return null
  const columnId = relationId(article.column)
  const siteId = relationId(article.site)
  const organizationId = relationId(article.organization)
  if (columnId === null || siteId === null || organizationId === null) return null
  const [column, site, organization] = await Promise.all([lookups.column(columnId), lookups.site(siteId), lookups.organization(organizationId)])
  if (!column || !site || !organization || site.active === false) return null
  const publishedAt = new Date(article.publishedAt!).toISOString()
  return {
    id: `articles:${article.id}`,
    type: articleType(article, column),
    site: site.code,
    siteName: site.name,
    organization: organization.code,
    organizationName: organization.name,
    column: column.name,
    title: article.title,
    // One line per field and per paragraph: a line break is a boundary no phrase match crosses.
    body: joinSearchText([
      article.subtitle,
      article.summary,
      ...lexicalToParagraphs(article.body),
      article.disclosure?.documentNumber,
      article.disclosure?.indexNumber,
      article.disclosure?.publisher,
      article.source,
    ]),
    url: localUrl(site.code, sitePaths.article(column.path, article.id)),
    publishedAt,
    year: chinaYear(publishedAt),
  }
}

export const articleSearchSource: SearchSource = {
  collection: 'articles',
  publicWhere: async () => publicArticleWhere(),
  siteWhere: (site) => ({ site: { equals: site.id } }),
  toDocument: (doc, lookups, now) => articleToSearchDocument(doc as unknown as SearchableArticle, lookups, now),
}

/** Service guides // 办事指南 (published versions), shown on their organization's site. */
export const serviceGuideSearchSource: SearchSource = {
  collection: 'service-guides',
  async publicWhere() {
    return { _status: { equals: 'published' } }
  },
  // A guide moves to its organization's host site or the portal when its own site is archived.
  siteWhere: (site) => (site.organization === null ? null : { organization: { equals: site.organization } }),
  async toDocument(doc, lookups) {
    if (doc._status !== 'published') return null
    const organizationId = relationId(doc.organization)
    if (organizationId === null) return null
    const [organization, site] = await Promise.all([lookups.organization(organizationId), lookups.siteOfOrganization(organizationId)])
    if (!organization || !site || site.active === false) return null
    const servicesPath = (await lookups.servicesPath(site.id, organizationId)) ?? sitesConfig().guidesPath
    const at = String(doc.updatedAt ?? doc.createdAt ?? '')
    if (Number.isNaN(Date.parse(at))) return null
    const publishedAt = new Date(at).toISOString()
    return {
      id: `service-guides:${doc.id}`,
      type: 'service-guide',
      site: site.code,
      siteName: site.name,
      organization: organization.code,
      organizationName: organization.name,
      column: '办事指南',
      title: String(doc.title ?? ''),
      body: joinSearchText([doc.conditions, doc.materials, doc.process, doc.legalBasis, doc.place, doc.hours, doc.phone, doc.fees, doc.timeLimit]),
      url: localUrl(site.code, sitePaths.guide(servicesPath, String(doc.id))),
      publishedAt,
      year: chinaYear(publishedAt),
    }
  },
}
