import type { CollectionSlug, Payload } from 'payload'
import { login } from './http'
import { DEMO_PASSWORD, userByEmail } from './payload'

/** One way of reaching Payload: the Local API (overrideAccess: false), REST or GraphQL over HTTP. */
export type Channel = {
  name: string
  read(collection: CollectionSlug, id: number | string, who: string | null): Promise<boolean>
  create(collection: CollectionSlug, data: Record<string, unknown>, who: string | null): Promise<number | string | null>
  update(collection: CollectionSlug, id: number | string, data: Record<string, unknown>, who: string | null, draft?: boolean): Promise<boolean>
  remove(collection: CollectionSlug, id: number | string, who: string | null): Promise<boolean>
}

const DRAFTS = new Set(['articles'])

export function localChannel(payload: Payload): Channel {
  const as = async (who: string | null) => (who ? { user: await userByEmail(payload, who) } : {})
  const attempt = async <T>(fn: () => Promise<T>) =>
    fn().then(
      (v) => v,
      () => null,
    )
  return {
    name: 'local',
    read: async (collection, id, who) => {
      const res = await attempt(async () =>
        payload.find({ collection, where: { id: { equals: id } }, overrideAccess: false, draft: DRAFTS.has(collection), depth: 0, ...(await as(who)) }),
      )
      return Boolean(res?.docs.length)
    },
    create: async (collection, data, who) =>
      (await attempt(async () => payload.create({ collection, data: data as never, overrideAccess: false, draft: DRAFTS.has(collection), ...(await as(who)) })))
        ?.id ?? null,
    update: async (collection, id, data, who, draft = DRAFTS.has(collection)) =>
      Boolean(await attempt(async () => payload.update({ collection, id, data: data as never, overrideAccess: false, draft, ...(await as(who)) }))),
    remove: async (collection, id, who) => Boolean(await attempt(async () => payload.delete({ collection, id, overrideAccess: false, ...(await as(who)) }))),
  }
}

const tokens = new Map<string, string>()
async function headers(base: string, who: string | null): Promise<Record<string, string>> {
  const h: Record<string, string> = { 'content-type': 'application/json' }
  if (who) {
    if (!tokens.has(who)) tokens.set(who, await login(base, who, DEMO_PASSWORD))
    h.authorization = tokens.get(who)!
  }
  return h
}

export function restChannel(base: string): Channel {
  const q = (collection: string, draft?: boolean) => ((draft ?? DRAFTS.has(collection)) ? '?draft=true&depth=0' : '?depth=0')
  return {
    name: 'rest',
    read: async (collection, id, who) => (await fetch(`${base}/api/${collection}/${id}${q(collection)}`, { headers: await headers(base, who) })).status === 200,
    create: async (collection, data, who) => {
      const res = await fetch(`${base}/api/${collection}${q(collection)}`, { method: 'POST', headers: await headers(base, who), body: JSON.stringify(data) })
      return res.status === 201 ? ((await res.json()) as { doc: { id: number } }).doc.id : null
    },
    update: async (collection, id, data, who, draft) =>
      (
        await fetch(`${base}/api/${collection}/${id}${q(collection, draft)}`, {
          method: 'PATCH',
          headers: await headers(base, who),
          body: JSON.stringify(data),
        })
      ).status === 200,
    remove: async (collection, id, who) =>
      (await fetch(`${base}/api/${collection}/${id}`, { method: 'DELETE', headers: await headers(base, who) })).status === 200,
  }
}

const GQL: Record<string, string> = {
  articles: 'Article',
  sites: 'Site',
  columns: 'Column',
  users: 'User',
  organizations: 'Organization',
  media: 'Media',
  'audit-log': 'AuditEntry',
}

export function graphqlChannel(base: string, idType = 'Int'): Channel {
  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${base}/api/graphql`, { method: 'POST', headers: await headers(base, who), body: JSON.stringify({ query, variables }) })
    return (await res.json()) as { data?: Record<string, { id?: number } | null>; errors?: Array<{ message: string }> }
  }
  const draftArg = (collection: string, draft?: boolean) => ((draft ?? DRAFTS.has(collection)) ? ', draft: true' : '')
  return {
    name: 'graphql',
    read: async (collection, id, who) => {
      const name = GQL[collection]
      const res = await call(who, `query($id: ${idType}!) { ${name}(id: $id${draftArg(collection)}) { id } }`, { id })
      return Boolean(res.data?.[name]?.id)
    },
    create: async (collection, data, who) => {
      const name = GQL[collection]
      const res = await call(who, `mutation($data: mutation${name}Input!) { create${name}(data: $data${draftArg(collection)}) { id } }`, { data })
      return res.data?.[`create${name}`]?.id ?? null
    },
    update: async (collection, id, data, who, draft) => {
      const name = GQL[collection]
      const res = await call(
        who,
        `mutation($id: ${idType}!, $data: mutation${name}UpdateInput!) { update${name}(id: $id, data: $data${draftArg(collection, draft)}) { id } }`,
        { id, data },
      )
      return Boolean(res.data?.[`update${name}`]?.id)
    },
    remove: async (collection, id, who) => {
      const name = GQL[collection]
      const res = await call(who, `mutation($id: ${idType}!) { delete${name}(id: $id) { id } }`, { id })
      return Boolean(res.data?.[`delete${name}`]?.id)
    },
  }
}
