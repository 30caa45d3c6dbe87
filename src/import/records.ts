import type { Payload, PayloadRequest, Where } from 'payload'
import type { ImportRecord } from '../../payload-types'
import { schemaId } from '../lib/schema'

type Doc = Record<string, any>
type Id = number | string

/** What each old URL became (src/import/collection.ts). */
export const IMPORT_RECORDS = 'import-records' as const

export async function findRecord(payload: Payload, site: Id, sourceUrl: string, req?: PayloadRequest): Promise<Doc | undefined> {
  const where: Where = { and: [{ site: { equals: site } }, { sourceUrl: { equals: sourceUrl } }] }
  return (await payload.find({ collection: IMPORT_RECORDS, where, limit: 1, depth: 0, overrideAccess: true, req })).docs[0] as Doc | undefined
}

export async function pageRecords(payload: Payload, site: Id): Promise<Doc[]> {
  const where: Where = { and: [{ site: { equals: site } }, { kind: { equals: 'page' } }, { article: { exists: true } }] }
  return (await payload.find({ collection: IMPORT_RECORDS, where, limit: 0, depth: 0, overrideAccess: true, pagination: false })).docs as Doc[]
}

/** What a run records about one source URL; the article and file by id, whatever the adapter. */
export type RecordFields = Pick<ImportRecord, 'kind' | 'status'> &
  Partial<Pick<ImportRecord, 'contentHash' | 'indexNumber' | 'reason'>> & { article?: Id; media?: Id }

export async function saveRecord(
  payload: Payload,
  site: Id,
  sourceUrl: string,
  fields: RecordFields,
  existing: Doc | undefined,
  req?: PayloadRequest,
): Promise<void> {
  const { article, media, ...rest } = fields
  const data = { ...rest, ...(article === undefined ? {} : { article: schemaId(article) }), ...(media === undefined ? {} : { media: schemaId(media) }) }
  if (existing) await payload.update({ collection: IMPORT_RECORDS, id: existing.id, data, req, overrideAccess: true, depth: 0 })
  else await payload.create({ collection: IMPORT_RECORDS, data: { site: schemaId(site), sourceUrl, ...data }, req, overrideAccess: true, depth: 0 })
}
