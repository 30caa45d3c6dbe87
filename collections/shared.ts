import type { CollectionSlug, PayloadRequest } from 'payload'
import { refuse, relationId } from '../src/access'

type Id = number | string

/** Walks up `parent` links from `parent` and refuses if it reaches `self` (a node made its own ancestor). */
export async function assertNoCycle(req: PayloadRequest, collection: CollectionSlug, self: Id, parent: Id, key: string): Promise<void> {
  const seen = new Set<string>()
  let cursor: Id | null = parent
  while (cursor !== null) {
    if (String(cursor) === String(self)) refuse(req, key)
    if (seen.has(String(cursor))) return
    seen.add(String(cursor))
    const node = (await req.payload.findByID({ collection, id: cursor, depth: 0, req, overrideAccess: true }).catch(() => null)) as { parent?: unknown } | null
    cursor = node ? relationId(node.parent) : null
  }
}

/** Counts documents still pointing at a record, for refusing deletes that would orphan them. */
export async function countReferences(req: PayloadRequest, refs: Array<[CollectionSlug, string, Id]>): Promise<string> {
  const found: string[] = []
  for (const [collection, field, id] of refs) {
    const { totalDocs } = await req.payload.count({ collection, where: { [field]: { equals: id } }, req, overrideAccess: true })
    if (totalDocs) found.push(`${collection}: ${totalDocs}`)
  }
  return found.join(', ')
}

/** A label in both admin languages. */
export const zhEn = (zh: string, en: string) => ({ zh, en })
