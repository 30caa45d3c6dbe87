import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { isCentralAdmin, isPubliclyVisible, refuse, relationId } from '../../src/access'
import { lexicalUploadIds } from '../../src/lib/lexical-uploads'

/**
 * A file becomes public with the first published document that uses it, not when it is uploaded:
 * the attachment of a draft policy stays with the unit's staff until the policy is out
 * (issue 7, "media URLs of unpublished uploads"). `publicFrom` holds the earliest publication
 * time of a document using the file; a scheduled article makes its files public at its own time,
 * with no job needed, because the read rule compares `publicFrom` with the clock.
 */
export async function publishMedia(req: PayloadRequest, ids: Array<number | string>, from: string): Promise<void> {
  const unique = [...new Set(ids.map(String))]
  if (!unique.length) return
  const where = { and: [{ id: { in: unique } }, { or: [{ publicFrom: { exists: false } }, { publicFrom: { greater_than: from } }] }] }
  // Only the field changes; the owner's rules (and the editor's own rights) are not the point here:
  // whoever published the document made the file public with it.
  await req.payload.update({ collection: 'media', where: where as never, data: { publicFrom: from } as never, depth: 0, overrideAccess: true, req, context: { mediaVisibility: true } })
}

type ArticleLike = { _status?: string | null; state?: string | null; publishedAt?: string | null; cover?: unknown; attachments?: unknown; body?: unknown }

export function mediaOfArticle(doc: ArticleLike): Array<number | string> {
  const ids: Array<number | string> = []
  const cover = relationId(doc.cover)
  if (cover !== null) ids.push(cover)
  for (const item of Array.isArray(doc.attachments) ? doc.attachments : []) {
    const id = relationId(item)
    if (id !== null) ids.push(id)
  }
  return [...ids, ...lexicalUploadIds(doc.body)]
}

/** articles afterChange: a published (or scheduled) article makes the files it uses public from its publication time. */
export const publishArticleMedia: CollectionAfterChangeHook = async ({ doc, req }) => {
  const article = doc as ArticleLike
  if (article._status !== 'published' || article.state !== 'published' || !article.publishedAt) return doc
  // isPubliclyVisible is the same rule the pages use; a future publishedAt is kept as the file's time.
  const from = isPubliclyVisible(article) ? new Date(Math.min(Date.now(), new Date(article.publishedAt).getTime())).toISOString() : article.publishedAt
  await publishMedia(req, mediaOfArticle(article), from)
  return doc
}

/** sites afterChange: a site's logo is shown on every page of it. */
export const publishSiteLogo: CollectionAfterChangeHook = async ({ doc, req }) => {
  const logo = relationId((doc as { settings?: { logo?: unknown } }).settings?.logo)
  if (logo !== null) await publishMedia(req, [logo], new Date().toISOString())
  return doc
}

/**
 * articles beforeChange: a file newly put into an article (cover, attachment, body image) must be
 * one the writer may read — their unit's or a public one. Otherwise a unit could name another
 * unit's unpublished file by id and, by publishing, make it public. Files already in the article
 * are not checked again, so a file made private later does not block edits of its users.
 */
export const guardArticleMedia: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user || isCentralAdmin(req.user)) return data
  const before = new Set(originalDoc ? mediaOfArticle(originalDoc as ArticleLike).map(String) : [])
  const added = [...new Set(mediaOfArticle({ ...(originalDoc ?? {}), ...data } as ArticleLike).map(String))].filter((id) => !before.has(id))
  if (!added.length) return data
  const readable = await req.payload.find({ collection: 'media', where: { id: { in: added } }, depth: 0, limit: added.length, pagination: false, overrideAccess: false, user: req.user, req })
  const found = new Set(readable.docs.map((d) => String(d.id)))
  const refused = added.filter((id) => !found.has(id))
  if (refused.length) refuse(req, 'mediaNotUsable', { ids: refused.join(', ') }, 403)
  return data
}
