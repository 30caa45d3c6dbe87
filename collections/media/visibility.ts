import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  PayloadRequest,
  Where,
} from 'payload'
import { isCentralAdmin, isPubliclyVisible, refuse, relationId } from '../../src/access'
import { lexicalUploadIds } from '../../src/lib/lexical'

type Id = number | string
type Doc = Record<string, any>

/**
 * A file becomes public with the first published document that uses it, not when it is uploaded:
 * the attachment of a draft policy stays with the unit's staff until the policy is out
 * (issue 7, "media URLs of unpublished uploads"). `publicFrom` holds the earliest publication
 * time of a document using the file; a scheduled article makes its files public at its own time,
 * with no job needed, because the read rule compares `publicFrom` with the clock.
 *
 * Every collection whose fields can name a file (upload or relationship fields to media at any
 * depth, Lexical upload nodes in rich text) gets the same three hooks from withMediaReferences:
 * naming a file requires that the writer may read it; publishing makes it public; losing its last
 * published reference makes it private again, unless its owner published it by hand
 * (`publishedByOwner`). docs/security.md, "Files".
 */
export async function publishMedia(req: PayloadRequest, ids: Id[], from: string): Promise<void> {
  const unique = [...new Set(ids.map(String))]
  if (!unique.length) return
  const where: Where = {
    and: [{ id: { in: unique } }, { or: [{ publicFrom: { exists: false } }, { publicFrom: { equals: null } }, { publicFrom: { greater_than: from } }] }],
  }
  // Only the field changes; the owner's rules (and the editor's own rights) are not the point here:
  // whoever published the document made the file public with it, and guardMediaReferences made
  // sure beforehand that they could read the file.
  await req.payload.update({
    collection: 'media',
    where,
    data: { publicFrom: from },
    depth: 0,
    overrideAccess: true,
    req,
    context: { mediaVisibility: true },
  })
}

const isMediaRelation = (field: Field): boolean => {
  if (field.type !== 'upload' && field.type !== 'relationship') return false
  const to = (field as { relationTo: string | string[] }).relationTo
  return Array.isArray(to) ? to.includes('media') : to === 'media'
}

function relationIds(value: unknown): Id[] {
  const items = Array.isArray(value) ? value : [value]
  const ids: Id[] = []
  for (const item of items) {
    // Polymorphic relations store {relationTo, value}.
    const inner =
      item && typeof item === 'object' && 'relationTo' in item
        ? (item as { relationTo: string }).relationTo === 'media'
          ? (item as { value: unknown }).value
          : null
        : item
    const id = relationId(inner)
    if (id !== null) ids.push(id)
  }
  return ids
}

/** The ids of the files a document of these fields names, wherever they sit. */
export function mediaIdsOf(fields: Field[], doc: unknown): Id[] {
  const ids: Id[] = []
  const visit = (list: Field[], value: unknown) => {
    const data = value && typeof value === 'object' ? (value as Doc) : {}
    for (const field of list) {
      if (field.type === 'tabs') {
        for (const tab of field.tabs) visit(tab.fields, 'name' in tab && tab.name ? data[tab.name] : data)
        continue
      }
      if (!('name' in field) || !field.name) {
        if ('fields' in field) visit(field.fields, data)
        continue
      }
      const v = data[field.name]
      if (isMediaRelation(field)) ids.push(...relationIds(v))
      else if (field.type === 'richText') ids.push(...lexicalUploadIds(v))
      else if (field.type === 'group') visit(field.fields, v)
      else if (field.type === 'array') for (const row of Array.isArray(v) ? v : []) visit(field.fields, row)
      else if (field.type === 'blocks') {
        for (const row of Array.isArray(v) ? v : []) {
          const block = (field.blocks ?? []).find((b) => b.slug === (row as Doc)?.blockType)
          if (block) visit(block.fields, row)
        }
      }
    }
  }
  visit(fields, doc)
  return [...new Set(ids.map(String))].map((id) => ids.find((x) => String(x) === id)!)
}

/** Whether a collection's fields can name a file at all. */
export function namesMedia(fields: Field[]): boolean {
  return fields.some((field) => {
    if (isMediaRelation(field) || field.type === 'richText') return true
    if (field.type === 'tabs') return field.tabs.some((tab) => namesMedia(tab.fields))
    if (field.type === 'blocks') return (field.blocks ?? []).some((b) => namesMedia(b.fields))
    return 'fields' in field && Array.isArray(field.fields) && namesMedia(field.fields)
  })
}

/**
 * From when a live document shows its files, or null while it shows none. An article from its
 * publication (a future time for a scheduled one); any other collection with drafts while its
 * live version is published; a collection without drafts (a site's logo) always.
 */
function publicationOf(collection: Pick<CollectionConfig, 'slug' | 'versions'>, doc: Doc, now = new Date()): string | null {
  if (collection.slug === 'articles') {
    if (doc._status !== 'published' || doc.state !== 'published' || !doc.publishedAt) return null
    // isPubliclyVisible is the same rule the pages use; a future publishedAt is kept as the file's time.
    return isPubliclyVisible(doc) ? new Date(Math.min(now.getTime(), new Date(doc.publishedAt).getTime())).toISOString() : doc.publishedAt
  }
  const drafts = typeof collection.versions === 'object' && collection.versions?.drafts
  if (drafts && doc._status !== 'published') return null
  return now.toISOString()
}

/** Paths a where clause can name for the media relations (groups dotted, arrays through their rows); rich text and blocks cannot be queried. */
function relationPaths(fields: Field[], prefix = ''): { paths: string[]; unqueryable: string[] } {
  const paths: string[] = []
  const unqueryable: string[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const inner = relationPaths(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
        paths.push(...inner.paths)
        unqueryable.push(...inner.unqueryable)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) {
        const inner = relationPaths(field.fields, prefix)
        paths.push(...inner.paths)
        unqueryable.push(...inner.unqueryable)
      }
      continue
    }
    if (isMediaRelation(field)) paths.push(`${prefix}${field.name}`)
    else if (field.type === 'richText' || field.type === 'blocks') {
      if (field.type === 'richText' || namesMedia([field])) unqueryable.push(prefix ? prefix.split('.')[0] : field.name)
    } else if (field.type === 'group' || field.type === 'array') {
      const inner = relationPaths(field.fields, `${prefix}${field.name}.`)
      paths.push(...inner.paths)
      unqueryable.push(...inner.unqueryable)
    }
  }
  return { paths, unqueryable: [...new Set(unqueryable)] }
}

/**
 * The earliest time a live document still shows the file, or null when none does. Relations are
 * found by query; rich text (Lexical upload nodes live inside JSON, which no query reaches the same
 * way on every adapter) by reading, page by page and with only the fields needed, the live
 * documents saved since the file was uploaded: a document saved before cannot name it, so a
 * recent file costs a short read however large the site group. This runs only when a document
 * stops naming a file or stops being public.
 */
async function stillPublishedFrom(req: PayloadRequest, mediaId: Id, uploadedAt: string): Promise<string | null> {
  const now = new Date()
  let earliest: string | null = null
  const consider = (collection: CollectionConfig, doc: Doc) => {
    if (!mediaIdsOf(collection.fields, doc).some((id) => String(id) === String(mediaId))) return
    const from = publicationOf(collection, doc, now)
    if (from && (earliest === null || from < earliest)) earliest = from
  }
  for (const collection of req.payload.config.collections) {
    // The collections withMediaReferences equipped; Payload's own (locked documents name every collection) are not references.
    if (!collection.hooks?.afterChange?.includes(publishMediaReferences)) continue
    const slug = collection.slug as CollectionSlug
    const { paths, unqueryable } = relationPaths(collection.fields)
    const drafts = typeof collection.versions === 'object' && collection.versions?.drafts
    const live: Where[] = drafts ? [{ _status: { equals: 'published' } }] : []
    if (paths.length) {
      const found = await req.payload.find({
        collection: slug,
        where: { and: [...live, { or: paths.map((p) => ({ [p]: { in: [mediaId] } })) }] } as Where,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      for (const doc of found.docs as Doc[]) consider(collection, doc)
    }
    if (!unqueryable.length) continue
    const select = Object.fromEntries([...unqueryable, '_status', 'state', 'publishedAt'].map((f) => [f, true]))
    for (let page = 1; ; page++) {
      const where: Where = { and: [...live, { updatedAt: { greater_than_equal: uploadedAt } }] }
      const batch = await req.payload.find({
        collection: slug,
        where,
        select,
        depth: 0,
        limit: 500,
        page,
        sort: 'id',
        overrideAccess: true,
        req,
      })
      for (const doc of batch.docs as Doc[]) consider(collection, doc)
      if (!batch.hasNextPage) break
    }
  }
  return earliest
}

/** Recomputes `publicFrom` of files that may have lost a public reference. */
export async function recomputeMediaVisibility(req: PayloadRequest, ids: Id[]): Promise<void> {
  for (const id of new Set(ids.map(String))) {
    const mediaId = ids.find((x) => String(x) === id)!
    const file = (await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, req }).catch(() => null)) as Doc | null
    // Never public, or public by its owner's own decision: the references do not decide.
    if (!file || !file.publicFrom || file.publishedByOwner) continue
    const from = await stillPublishedFrom(req, mediaId, String(file.createdAt))
    const now = new Date().toISOString()
    // Still shown now: the file stays public from when it first was; otherwise the next time, or never.
    const next = from === null ? null : from <= now ? (file.publicFrom <= now ? file.publicFrom : from) : from
    if (next === file.publicFrom) continue
    await req.payload.update({
      collection: 'media',
      id: mediaId,
      data: { publicFrom: next },
      depth: 0,
      overrideAccess: true,
      req,
      context: { mediaVisibility: true },
    })
  }
}

/**
 * beforeChange: a file newly named (cover, attachment, body image, logo, …) must be one the writer
 * may read — their unit's or a public one. Otherwise a unit could name another unit's unpublished
 * file by id and, by publishing, make it public. Files already named are not checked again, so a
 * file made private later does not block edits of its users. Also remembers which files the live
 * document showed, for the afterChange below.
 */
export const guardMediaReferences: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) {
    const live = await req.payload
      .findByID({ collection: collection.slug as CollectionSlug, id: originalDoc.id, depth: 0, draft: false, overrideAccess: true, req })
      .catch(() => null)
    req.context[liveKey(collection.slug, originalDoc.id)] = live && publicationOf(collection, live as Doc) ? mediaIdsOf(collection.fields, live) : []
  }
  if (!req.user || isCentralAdmin(req.user)) return data
  const before = new Set(originalDoc ? mediaIdsOf(collection.fields, originalDoc).map(String) : [])
  const added = mediaIdsOf(collection.fields, { ...(originalDoc ?? {}), ...data })
    .map(String)
    .filter((id) => !before.has(id))
  if (!added.length) return data
  const readable = await req.payload.find({
    collection: 'media',
    where: { id: { in: added } },
    depth: 0,
    limit: added.length,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const found = new Set(readable.docs.map((d) => String(d.id)))
  const refused = added.filter((id) => !found.has(id))
  if (refused.length) refuse(req, 'mediaNotUsable', { ids: refused.join(', ') }, 403)
  return data
}

const liveKey = (slug: string, id: Id) => `mediaLive:${slug}:${id}`

/**
 * afterChange: the live document (a draft save leaves it as it was) makes its files public from
 * its publication time; files the live document showed before and shows no more are recomputed.
 */
export const publishMediaReferences: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const live = (await req.payload
    .findByID({ collection: collection.slug as CollectionSlug, id: doc.id, depth: 0, draft: false, overrideAccess: true, req })
    .catch(() => null)) as Doc | null
  const from = live ? publicationOf(collection, live) : null
  const shown = live && from ? mediaIdsOf(collection.fields, live) : []
  if (from) await publishMedia(req, shown, from)
  const key = liveKey(collection.slug, doc.id)
  const before = (req.context[key] as Id[] | undefined) ?? []
  delete req.context[key]
  const still = new Set(shown.map(String))
  await recomputeMediaVisibility(
    req,
    before.filter((id) => !still.has(String(id))),
  )
  return doc
}

/** afterDelete: the deleted document shows its files no more. */
export const unpublishDeletedReferences: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await recomputeMediaVisibility(req, mediaIdsOf(collection.fields, doc))
  return doc
}

/** Adds the three hooks to every collection whose fields can name a file; nothing to remember per collection. */
export function withMediaReferences(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => {
    if (collection.slug === 'media' || !namesMedia(collection.fields)) return collection
    const hooks = collection.hooks ?? {}
    // A collection that names files only as a record of work done (custom.showsMedia: false, e.g. the
    // import records) is held to the same naming rule but never makes a file public.
    if (collection.custom?.showsMedia === false)
      return { ...collection, hooks: { ...hooks, beforeChange: [...(hooks.beforeChange ?? []), guardMediaReferences] } }
    return {
      ...collection,
      hooks: {
        ...hooks,
        beforeChange: [...(hooks.beforeChange ?? []), guardMediaReferences],
        afterChange: [...(hooks.afterChange ?? []), publishMediaReferences],
        afterDelete: [...(hooks.afterDelete ?? []), unpublishDeletedReferences],
      },
    }
  })
}
