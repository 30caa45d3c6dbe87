import type { CollectionSlug, Payload, SelectType, Where } from 'payload'
import type { Id } from '../types'

/** Whether a collection is part of this installation (capabilities land at different times). */
export function hasCollection(payload: Payload, slug: string): boolean {
  return Boolean((payload.collections as Record<string, unknown>)[slug])
}

/** The select of a find over any collection. */
type FindSelect = Parameters<Payload['find']>[0]['select']

/**
 * Every matching document, a page at a time, with keyset pagination on id (offset pages get slower
 * the deeper they go). Only the selected fields are read; nothing is populated.
 */
export async function* readAll<T = Record<string, unknown>>(
  payload: Payload,
  collection: string,
  where: Where | undefined,
  select: SelectType,
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: Id | null = null
  for (;;) {
    const clauses: Where[] = []
    if (where) clauses.push(where)
    if (after !== null) clauses.push({ id: { greater_than: after } })
    const { docs } = await payload.find({
      collection: collection as CollectionSlug,
      where: clauses.length ? { and: clauses } : undefined,
      sort: 'id',
      limit: pageSize,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      // The collection is named at run time, so the fields cannot be checked against one collection's select type.
      select: { ...select, id: true } as unknown as FindSelect,
    })
    if (docs.length === 0) return
    yield docs as T[]
    if (docs.length < pageSize) return
    after = (docs[docs.length - 1] as { id: Id }).id
  }
}

export async function readAllFlat<T = Record<string, unknown>>(
  payload: Payload,
  collection: string,
  where: Where | undefined,
  select: SelectType,
  pageSize: number,
): Promise<T[]> {
  const all: T[] = []
  for await (const page of readAll<T>(payload, collection, where, select, pageSize)) all.push(...page)
  return all
}

export const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return (value as { id?: Id }).id === undefined ? null : String((value as { id: Id }).id)
  return String(value)
}

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}
