/**
 * Two answers Payload does not give on its own, added to every collection:
 * - an id that cannot be one (`/api/articles/abc`, `/api/articles/distinct`) is "not found", where
 *   Payload would hand NaN to the database and answer 500;
 * - a field the user may not write is refused with 403 naming the field, where Payload would drop
 *   it silently and answer 200, so a client could not tell its change was not made.
 */
import type { RequestHandler } from 'express'
import { NotFound, type Collection, type CollectionBeforeOperationHook, type CollectionConfig, type Field, type Payload, type PayloadRequest } from 'payload'
import { isValidID } from 'payload'
import { refuse } from './errors'
import { relationId } from './roles'

type Data = Record<string, unknown>
type FieldWithAccess = Field & { name: string; access?: { create?: unknown; update?: unknown } }

const collectionOf = (payload: Payload, slug: string) => (payload.collections as Record<string, Collection | undefined>)[slug]

function isPossibleId(payload: Payload, slug: string, id: unknown): boolean {
  const type = collectionOf(payload, slug)?.customIDType ?? payload.db.defaultIDType
  return type === 'number' ? Number.isSafeInteger(Number(id)) && String(id).trim() !== '' : isValidID(id as string, type as 'text' | 'ObjectID')
}

const refuseMalformedId: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  // Payload restores "versions" of a collection that keeps none by reading a row that is not there (500).
  if (operation === 'restoreVersion' && !collection.versions) throw new NotFound(req.t)
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isPossibleId(req.payload, collection.slug, id)) throw new NotFound(req.t)
  return args
}

/**
 * REST paths Payload serves without a collection hook: `POST /api/<slug>/access/<id>` passes the id
 * straight to the database (Infinity answers 500). Express, in front of Next's /api.
 */
export function refuseMalformedRestIds(payload: Payload): RequestHandler {
  return (req, res, next) => {
    const match = /^\/api\/([^/]+)\/access\/([^/?]+)/.exec(req.originalUrl)
    if (!match || !collectionOf(payload, match[1])) return next()
    let id: string
    try {
      id = decodeURIComponent(match[2])
    } catch {
      id = ''
    }
    if (isPossibleId(payload, match[1], id)) return next()
    res.status(404).json({ errors: [{ message: 'Not Found' }] })
  }
}

const refuseUnwritableFields: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data, overrideAccess, id } = args as { data?: Data; overrideAccess?: boolean; id?: number | string }
  // REST and GraphQL leave overrideAccess unset (access applies); the Local API sets it unless told not to.
  if (overrideAccess === true || !req.user || !data || typeof data !== 'object') return args
  let original: Data | null | undefined
  // Read with the user's own rights: comparing against a document they cannot read would tell them its values.
  const stored = async () => {
    if (original === undefined) {
      original =
        id === undefined
          ? null
          : ((await req.payload.findByID({
              collection: collection.slug,
              id,
              depth: 0,
              req,
              overrideAccess: false,
              user: req.user,
              disableErrors: true,
            })) as Data | null)
    }
    return original
  }
  await checkFields(collection.fields, data, operation, req, id, stored)
  return args
}

async function checkFields(
  fields: Field[],
  data: Data,
  operation: 'create' | 'update',
  req: PayloadRequest,
  id: number | string | undefined,
  stored: () => Promise<Data | null>,
  path: string[] = [],
): Promise<void> {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) await nested(tab.fields, data[tab.name], [...path, tab.name])
        else await checkFields(tab.fields, data, operation, req, id, stored, path)
      }
      continue
    }
    if (!('name' in field)) {
      if ('fields' in field) await checkFields(field.fields, data, operation, req, id, stored, path)
      continue
    }
    const named = field as FieldWithAccess
    if (!(named.name in data)) continue
    const rule = named.access?.[operation] as ((args: Data) => boolean | Promise<boolean>) | undefined
    if (rule && !(await rule({ req, id, data, siblingData: data, doc: operation === 'update' ? await stored() : undefined }))) {
      // Forms send every field back, the ones shown read-only too: the stored value (or on create
      // the default) is no attempt to change anything.
      const defaultValue =
        typeof (named as { defaultValue?: unknown }).defaultValue === 'function' ? undefined : (named as { defaultValue?: unknown }).defaultValue
      const before = operation === 'update' ? valueAt(await stored(), [...path, named.name]) : defaultValue
      if (!sameValue(before, data[named.name])) {
        refuse(req, 'fieldNotWritable', { field: [...path, named.name].join('.') }, 403)
      }
    }
    if (named.type === 'group' && 'fields' in named) await nested(named.fields, data[named.name], [...path, named.name])
  }

  async function nested(inner: Field[], value: unknown, at: string[]) {
    if (value && typeof value === 'object' && !Array.isArray(value)) await checkFields(inner, value as Data, operation, req, id, stored, at)
  }
}

function valueAt(doc: Data | null, path: string[]): unknown {
  let value: unknown = doc
  for (const key of path) value = value && typeof value === 'object' ? (value as Data)[key] : undefined
  return value
}

/** Equal as stored: a relation by its id, a date by its instant, a set of options in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`
  if (typeof value === 'object') {
    const id = relationId(value)
    if (id !== null) return JSON.stringify(String(id))
    return `{${Object.keys(value as Data)
      .sort()
      .map((k) => `${k}:${canonical((value as Data)[k])}`)
      .join(',')}}`
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return JSON.stringify(new Date(value).toISOString())
  return JSON.stringify(String(value))
}

export function withRequestGuards(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => ({
    ...c,
    hooks: { ...c.hooks, beforeOperation: [refuseMalformedId, refuseUnwritableFields, ...(c.hooks?.beforeOperation ?? [])] },
  }))
}
