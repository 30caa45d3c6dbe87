import type { Where } from 'payload'

/**
 * What the public may see of articles: published by a reviewer, not withdrawn and already due.
 * Every public path (pages, feeds, search, API) uses this one filter.
 */
export function publicArticleWhere(now: Date = new Date()): Where {
  return {
    and: [
      { _status: { equals: 'published' } },
      { state: { equals: 'published' } },
      { publishedAt: { less_than_equal: now.toISOString() } },
    ],
  }
}

export function isPubliclyVisible(doc: { _status?: string | null; state?: string | null; publishedAt?: string | null }, now = new Date()): boolean {
  return doc._status === 'published' && doc.state === 'published' && Boolean(doc.publishedAt) && new Date(doc.publishedAt!) <= now
}
