import { addDataAndFileToRequest, type CollectionBeforeDeleteHook, type CollectionConfig, type Endpoint, type PayloadRequest } from 'payload'
import { refuse } from '../access'
import { pushArticle, recallPush } from './push'
import { ARTICLE_DELETED, PLACEMENTS } from './rules'
import { submitArticle } from './submit'

/** Over HTTP a user is required: the Local API without a user is trusted code, a request without one is anonymous. */
async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (!req.user) refuse(req, 'sharingLoginRequired', {}, 401)
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as Record<string, unknown>
}

/**
 * `POST /api/articles/:id/submit` {columns: [id…], note?} → 201 {placements}
 * `POST /api/articles/:id/push` {category, all? | kinds? | sites?} → 201 {batch, placed, refused}
 * Refusals throw APIError: Payload answers `{errors: [{message}]}` with the status, in the admin's language.
 */
export const articleSharingEndpoints: Endpoint[] = [
  {
    path: '/:id/submit',
    method: 'post',
    handler: async (req) => {
      const data = await body(req)
      const result = await submitArticle(req, { article: req.routeParams?.id, columns: data.columns, note: data.note })
      return Response.json(result, { status: 201 })
    },
  },
  {
    path: '/:id/push',
    method: 'post',
    handler: async (req) => {
      const data = await body(req)
      const target = { all: data.all === true, kinds: data.kinds as string[] | undefined, sites: data.sites as string[] | undefined }
      const result = await pushArticle(req, { article: req.routeParams?.id, category: data.category, target })
      return Response.json(result, { status: 201 })
    },
  },
]

/** `POST /api/placements/recall/:batch` → 200 {batch, removed}: central admins recall a push everywhere. */
export const placementEndpoints: Endpoint[] = [
  {
    path: '/recall/:batch',
    method: 'post',
    handler: async (req) => {
      await body(req)
      return Response.json(await recallPush(req, req.routeParams?.batch), { status: 200 })
    },
  },
]

/** A deleted article leaves no placement behind; before the row goes, because placements.article is required (no SET NULL). */
export const deletePlacementsOfArticle: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.payload.collections[PLACEMENTS]) return
  req.context[ARTICLE_DELETED] = true
  try {
    await req.payload.delete({ collection: PLACEMENTS, where: { article: { equals: id } }, req, overrideAccess: true, depth: 0 })
  } finally {
    delete req.context[ARTICLE_DELETED]
  }
}

/** The articles collection with the sharing endpoints and the delete cascade added (registered in collections/index.ts). */
export function withArticleSharing(articles: CollectionConfig): CollectionConfig {
  return {
    ...articles,
    endpoints: [...(Array.isArray(articles.endpoints) ? articles.endpoints : []), ...articleSharingEndpoints],
    hooks: { ...articles.hooks, beforeDelete: [...(articles.hooks?.beforeDelete ?? []), deletePlacementsOfArticle] },
  }
}
