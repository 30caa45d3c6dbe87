import type { Payload, PayloadRequest } from 'payload'

type Id = number | string

/**
 * The bulk path of a mode switch: when columns move to another site, their articles' derived
 * `site` (and that of each stored version) follows. Through the Local API that is one update per
 * article with hooks and a new version each (16–37 ms apiece, minutes for 20,000, and it would
 * add versions the editors never made); here it is one statement per batch of columns, inside
 * the switch's transaction (`req.transactionID`), so a failure rolls it back with everything else.
 * Nothing but `site` changes: content, versions, 索引号 and updatedAt stay as they were.
 */
export async function setArticlesSite(payload: Payload, req: PayloadRequest, columnIds: Id[], siteId: Id): Promise<number> {
  if (!columnIds.length) return 0
  const db = payload.db as unknown as Record<string, any>
  if (db.name === 'mongoose') return setArticlesSiteMongo(payload, req, columnIds, siteId)
  const { inArray } = await import('@payloadcms/db-sqlite/drizzle')
  const session = req.transactionID ? db.sessions?.[String(await req.transactionID)] : undefined
  const drizzle = session?.db ?? db.drizzle
  const main = db.tables.articles
  const versions = db.tables._articles_v
  let changed = 0
  for (let i = 0; i < columnIds.length; i += 500) {
    const batch = columnIds.slice(i, i + 500)
    const result = await drizzle.update(main).set({ site: siteId }).where(inArray(main.column, batch))
    changed += Number(result?.rowsAffected ?? result?.rowCount ?? result?.changes ?? 0)
    if (versions) await drizzle.update(versions).set({ version_site: siteId }).where(inArray(versions.version_column, batch))
  }
  return changed
}

async function setArticlesSiteMongo(payload: Payload, req: PayloadRequest, columnIds: Id[], siteId: Id): Promise<number> {
  const { Types } = await import('mongoose')
  const db = payload.db as unknown as { collections: Record<string, any>; versions: Record<string, any>; sessions: Record<string, unknown> }
  const session = req.transactionID ? db.sessions[String(await req.transactionID)] : undefined
  const oid = (id: Id) => (typeof id === 'string' && Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : id)
  const columns = columnIds.map(oid)
  const result = await db.collections.articles.updateMany({ column: { $in: columns } }, { $set: { site: oid(siteId) } }, { session })
  await db.versions.articles?.updateMany({ 'version.column': { $in: columns } }, { $set: { 'version.site': oid(siteId) } }, { session })
  return Number(result?.modifiedCount ?? 0)
}
