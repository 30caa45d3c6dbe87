/**
 * After a switch the moved articles' search documents carry the old site and URL: rebuild them in
 * batches through the search capability's sources and engine (one findByID per article through
 * the indexer's syncArticle would take minutes for 20,000). The unit's letters and service guides
 * follow too, since their URLs depend on where the unit publishes.
 */
import type { CollectionSlug, Payload, Where } from 'payload'
import { payloadLookups, searchIndexerEngine, searchSourcesOf, type SearchDocument } from '../search'
import config from './config.json' with { type: 'json' }
import type { Id } from './types'

/** A search source names its collection at run time and reads its documents as plain records. */
type SourceDoc = Record<string, unknown>

export async function reindexMovedContent(payload: Payload, columnIds: Id[], organizationId: Id): Promise<number> {
  const engine = searchIndexerEngine(payload)
  const look = payloadLookups(payload)
  let indexed = 0
  const scopes: Record<string, Where> = {
    articles: { column: { in: columnIds } },
    letters: { assignedOrganization: { equals: organizationId } },
    'service-guides': { organization: { equals: organizationId } },
  }
  for (const source of searchSourcesOf(payload)) {
    const scope = scopes[source.collection]
    if (!scope) continue
    let lastId: Id | null = null
    for (;;) {
      const where: Where = lastId === null ? scope : { and: [scope, { id: { greater_than: lastId } }] }
      const { docs } = await payload.find({
        collection: source.collection as CollectionSlug,
        where,
        depth: 0,
        limit: config.reindexBatch,
        pagination: false,
        sort: 'id',
        overrideAccess: true,
        draft: false,
      })
      if (!docs.length) break
      lastId = docs[docs.length - 1].id
      const upserts: SearchDocument[] = []
      const removals: string[] = []
      for (const doc of docs as unknown as SourceDoc[]) {
        const searchDoc = await source.toDocument(doc, look)
        if (searchDoc) upserts.push(searchDoc)
        else removals.push(`${source.collection}:${doc.id}`)
      }
      if (upserts.length) await engine.upsert(upserts)
      if (removals.length) await engine.remove(removals)
      indexed += upserts.length
    }
  }
  return indexed
}
