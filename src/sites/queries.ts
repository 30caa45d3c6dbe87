/**
 * Reads of public content. Every article read goes through publicArticleWhere(); the hot ones
 * (lists, one article, media) go through fast-reads.ts, which says why it uses the adapter API.
 */
import type { Payload, SelectType, Where } from 'payload'
import { findMediaByIds, findPublicArticle, findPublicArticles } from './fast-reads'
import type { MediaDoc } from './images'
import type { Id } from './site-index'

export interface ArticleDoc {
  id: Id
  title: string
  subtitle?: string | null
  source?: string | null
  author?: string | null
  summary?: string | null
  body?: unknown
  publishedAt?: string | null
  updatedAt?: string | null
  column: Id | { id: Id }
  site?: Id | { id: Id } | null
  cover?: Id | MediaDoc | null
  attachments?: Array<Id | MediaDoc> | null
  disclosure?: {
    indexNumber?: string | null
    publisher?: string | null
    documentNumber?: string | null
    topic?: string | null
    writtenAt?: string | null
    validity?: string | null
  } | null
  _status?: string
  state?: string
}

const ARTICLE_SELECT = {
  title: true,
  subtitle: true,
  source: true,
  author: true,
  summary: true,
  body: true,
  publishedAt: true,
  updatedAt: true,
  column: true,
  site: true,
  cover: true,
  attachments: true,
  disclosure: true,
  state: true,
  _status: true,
} as const
const LIST_SELECT = { title: true, publishedAt: true, summary: true, column: true, cover: true, updatedAt: true } as const

export function and(...parts: Array<Where | undefined>): Where {
  return { and: parts.filter((p): p is Where => Boolean(p)) }
}

export async function latestArticles(payload: Payload, where: Where, limit: number): Promise<ArticleDoc[]> {
  return (await findPublicArticles<ArticleDoc>(payload, { where, limit, select: LIST_SELECT })).docs
}

export async function pagedArticles(payload: Payload, where: Where, page: number, limit: number, select: SelectType = LIST_SELECT) {
  const result = await findPublicArticles<ArticleDoc>(payload, { where, limit, page, select })
  return { docs: result.docs, total: result.totalDocs, pages: Math.max(1, result.totalPages) }
}

export async function publicArticle(payload: Payload, id: string): Promise<ArticleDoc | undefined> {
  // depth 0 and no workflow log: relations the page needs (cover, attachments, body images) are
  // fetched in one media query by the caller instead of populating column, site and organization.
  return findPublicArticle<ArticleDoc>(payload, id, ARTICLE_SELECT)
}

/** The newest version, draft or not, for an editor's preview. */
export async function latestDraft(payload: Payload, id: string): Promise<ArticleDoc | undefined> {
  return (await payload.findByID({ collection: 'articles', id, draft: true, depth: 1, overrideAccess: true }).catch(() => undefined)) as unknown as
    ArticleDoc | undefined
}

export async function mediaByIds(payload: Payload, ids: Id[]): Promise<Map<string, MediaDoc>> {
  if (!ids.length) return new Map()
  const docs = await findMediaByIds<MediaDoc & { id: Id }>(payload, ids)
  return new Map(docs.map((doc) => [String(doc.id), doc]))
}

export async function oldestPublishYear(payload: Payload, where: Where): Promise<number | undefined> {
  const result = await findPublicArticles<{ publishedAt?: string }>(payload, { where, sort: 'publishedAt', limit: 1, select: { publishedAt: true } })
  const date = result.docs[0]?.publishedAt
  return date ? new Date(date).getFullYear() : undefined
}

export interface GuideDoc {
  id: Id
  title: string
  organization: Id | { id: Id }
  legalBasis?: string | null
  conditions?: string | null
  materials?: string | null
  process?: string | null
  place?: string | null
  hours?: string | null
  phone?: string | null
  fees?: string | null
  timeLimit?: string | null
  onlineUrl?: string | null
  topics?: string[] | null
  updatedAt?: string
}

export async function publishedGuides(payload: Payload, organizationIds: Id[] | 'all'): Promise<GuideDoc[]> {
  const where: Where =
    organizationIds === 'all' ? { _status: { equals: 'published' } } : and({ _status: { equals: 'published' } }, { organization: { in: organizationIds } })
  const result = await payload.find({
    collection: 'service-guides',
    where,
    sort: 'order',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    limit: 5000,
  })
  return result.docs as unknown as GuideDoc[]
}

export async function publishedGuide(payload: Payload, id: string): Promise<GuideDoc | undefined> {
  const result = await payload.find({
    collection: 'service-guides',
    where: and({ _status: { equals: 'published' } }, { id: { equals: id } }),
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return result.docs[0] as unknown as GuideDoc | undefined
}

export const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id) ?? null))
