import { createHash } from 'node:crypto'
import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

/** One document as compared across a backup: content hash, createdAt, title (to recognise the writer's articles), parent (versions). */
export interface DocMark {
  h: string
  c?: string
  t?: string
  p?: string
}

export interface DatabaseDump {
  collections: Record<string, { docs: Record<string, DocMark>; versions?: Record<string, DocMark> }>
  globals: Record<string, string>
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'id')
        .map(([k, v]) => [k, withoutIds(v)]),
    )
  return value
}

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(stable(value)))
    .digest('hex')
    .slice(0, 24)

function mark(doc: Record<string, unknown>): DocMark {
  const version = doc.version as Record<string, unknown> | undefined
  const title = (version?.title ?? doc.title) as unknown
  return {
    h: hash(doc),
    c: String(doc.createdAt ?? ''),
    t: typeof title === 'string' ? title : undefined,
    p: doc.parent != null ? String(doc.parent) : undefined,
  }
}

/** Every document and version of every collection, and every global, as Payload reads them. */
export async function dumpDatabase(payload: Payload): Promise<DatabaseDump> {
  const dump: DatabaseDump = { collections: {}, globals: {} }
  for (const { slug, versions } of payload.config.collections) {
    const collection = slug as CollectionSlug
    const found = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, sort: 'id' })
    const entry: DatabaseDump['collections'][string] = {
      docs: Object.fromEntries(found.docs.map((d) => [String(d.id), mark(d as unknown as Record<string, unknown>)])),
    }
    if (versions) {
      const all = await payload.findVersions({ collection, pagination: false, depth: 0, overrideAccess: true, sort: 'id' })
      entry.versions = Object.fromEntries(all.docs.map((d) => [String(d.id), mark(d as unknown as Record<string, unknown>)]))
    }
    dump.collections[slug] = entry
  }
  for (const { slug } of payload.config.globals) {
    const global = (await payload.findGlobal({ slug: slug as GlobalSlug, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
    // A global never saved is read as its defaults, with array rows given fresh ids on every read.
    dump.globals[slug] = global.updatedAt ? hash(global) : `defaults:${hash(withoutIds(global))}`
  }
  return dump
}
