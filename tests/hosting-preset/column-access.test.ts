/**
 * A department in column mode (玉溪模式): its editor, reviewer and site admin write only in the
 * department's subtree of the portal, through the Local API (overrideAccess: false), REST and
 * GraphQL over HTTP; everywhere else (another department's subtree, the portal's own columns, a
 * county site) they are refused and nothing changes.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { planPreset } from '../../src/seed'
import { login, startApiServer } from '../helpers/http'
import { userByEmail } from '../helpers/payload'
import { bootYuxi, findOne } from './yuxi'

const PASSWORD = planPreset('yuxi').demoPassword
const EDITOR = 'editor@fgw.yuxi.gov.cn'
const REVIEWER = 'reviewer@fgw.yuxi.gov.cn'
const SITE_ADMIN = 'siteadmin@fgw.yuxi.gov.cn'
type Id = number

let payload: Payload
let api: { url: string; close: () => Promise<void> }
const column: Record<'own' | 'ownRoot' | 'otherDept' | 'portal' | 'county' | 'section', Id> = {} as never
const draft: Record<'own' | 'otherDept' | 'portal', Id> = {} as never
const tokens = new Map<string, string>()

const columnAt = async (site: string, path: string) => {
  const s = await findOne(payload, 'sites', { code: { equals: site } })
  return (await findOne(payload, 'columns', { and: [{ site: { equals: s.id } }, { path: { equals: path } }] })).id as Id
}
const makeDraft = async (columnId: Id, title: string) =>
  (
    await payload.create({
      collection: 'articles',
      data: { title, column: columnId, body: lexicalParagraphs(['正文']) } as never,
      draft: true,
      overrideAccess: true,
    })
  ).id as Id
const titleOf = async (id: Id) => (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })).title

beforeAll(async () => {
  payload = await bootYuxi('yuxi-access')
  api = await startApiServer()
  column.own = await columnAt('www', 'bmlm/fgw/tzgg')
  column.ownRoot = await columnAt('www', 'bmlm/fgw')
  column.otherDept = await columnAt('www', 'bmlm/rsj/tzgg')
  column.portal = await columnAt('www', 'zw/tzgg')
  column.county = await columnAt('hongta', 'tzgg')
  column.section = await columnAt('www', 'bmlm')
  draft.own = await makeDraft(column.own, '发改委草稿')
  draft.otherDept = await makeDraft(column.otherDept, '人社局草稿')
  draft.portal = await makeDraft(column.portal, '门户草稿')
}, 900_000) // the first file to run builds the Yuxi template (minutes on a loaded machine)
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
})

async function auth(who: string) {
  if (!tokens.has(who)) tokens.set(who, await login(api.url, who, PASSWORD))
  return { 'content-type': 'application/json', authorization: tokens.get(who)! }
}

/** One channel = create and update an article as a user; returns the new id / whether it succeeded. */
type Channel = { create(who: string, columnId: Id, title: string): Promise<Id | null>; update(who: string, id: Id, title: string): Promise<boolean> }

const local: Channel = {
  create: async (who, columnId, title) =>
    payload
      .create({
        collection: 'articles',
        data: { title, column: columnId, body: lexicalParagraphs(['正文']) } as never,
        draft: true,
        overrideAccess: false,
        user: await userByEmail(payload, who),
      })
      .then(
        (d) => d.id as Id,
        () => null,
      ),
  update: async (who, id, title) =>
    payload.update({ collection: 'articles', id, data: { title }, draft: true, overrideAccess: false, user: await userByEmail(payload, who) }).then(
      () => true,
      () => false,
    ),
}

const rest: Channel = {
  create: async (who, columnId, title) => {
    const res = await fetch(`${api.url}/api/articles?draft=true&depth=0`, {
      method: 'POST',
      headers: await auth(who),
      body: JSON.stringify({ title, column: columnId }),
    })
    return res.status === 201 ? ((await res.json()) as { doc: { id: Id } }).doc.id : null
  },
  update: async (who, id, title) =>
    (await fetch(`${api.url}/api/articles/${id}?draft=true&depth=0`, { method: 'PATCH', headers: await auth(who), body: JSON.stringify({ title }) })).status ===
    200,
}

const graphql: Channel = {
  create: async (who, columnId, title) => {
    const res = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: await auth(who),
      body: JSON.stringify({
        query: 'mutation($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
        variables: { data: { title, column: columnId } },
      }),
    })
    return ((await res.json()) as { data?: { createArticle?: { id: Id } | null } }).data?.createArticle?.id ?? null
  },
  update: async (who, id, title) => {
    const res = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: await auth(who),
      body: JSON.stringify({
        query: 'mutation($id: Int!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data, draft: true) { id } }',
        variables: { id, data: { title } },
      }),
    })
    return Boolean(((await res.json()) as { data?: { updateArticle?: { id: Id } | null } }).data?.updateArticle?.id)
  },
}

describe.each([
  ['local', local],
  ['rest', rest],
  ['graphql', graphql],
] as const)('column-mode department through %s', (name, channel) => {
  it('editors and reviewers create only in their subtree', async () => {
    for (const who of [EDITOR, REVIEWER]) {
      const own = await channel.create(who, column.own, `发改委新稿-${name}`)
      expect(own, `${who} creates in bmlm/fgw/tzgg`).not.toBeNull()
      const created = await payload.findByID({ collection: 'articles', id: own!, draft: true, depth: 0, overrideAccess: true })
      expect(created.site).toBe((await findOne(payload, 'sites', { code: { equals: 'www' } })).id) // lives on the portal
      expect(created.organization).toBe((await userByEmail(payload, who)).organization) // owned by the department
      for (const where of ['otherDept', 'portal', 'county'] as const) {
        expect(await channel.create(who, column[where], `越权-${name}-${where}`), `${who} creates in ${where}`).toBeNull()
      }
    }
    expect((await payload.count({ collection: 'articles', where: { title: { like: '越权' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('editors update only their own subtree, and a refused update changes nothing', async () => {
    expect(await channel.update(EDITOR, draft.own, `发改委草稿-${name}`)).toBe(true)
    expect(await titleOf(draft.own)).toBe(`发改委草稿-${name}`)
    for (const where of ['otherDept', 'portal'] as const) {
      const before = await titleOf(draft[where])
      expect(await channel.update(EDITOR, draft[where], `越权修改-${name}`), `editor updates ${where}`).toBe(false)
      expect(await titleOf(draft[where])).toBe(before)
    }
  })

  it('an editor cannot move an own article out of the subtree', async () => {
    if (name === 'graphql') return // the column field is covered by REST and Local API; GraphQL shares the same hooks
    const moved =
      name === 'local'
        ? await payload
            .update({
              collection: 'articles',
              id: draft.own,
              data: { column: column.portal } as never,
              draft: true,
              overrideAccess: false,
              user: await userByEmail(payload, EDITOR),
            })
            .then(
              () => true,
              () => false,
            )
        : (
            await fetch(`${api.url}/api/articles/${draft.own}?draft=true`, {
              method: 'PATCH',
              headers: await auth(EDITOR),
              body: JSON.stringify({ column: column.portal }),
            })
          ).status === 200
    expect(moved).toBe(false)
    expect((await payload.findByID({ collection: 'articles', id: draft.own, draft: true, depth: 0, overrideAccess: true })).column).toBe(column.own)
  })
})

describe('column-mode site admin', () => {
  it('adds columns inside the own subtree only (Local API and REST)', async () => {
    const admin = await userByEmail(payload, SITE_ADMIN)
    const portal = (await findOne(payload, 'sites', { code: { equals: 'www' } })).id
    const own = await payload.create({
      collection: 'columns',
      data: { name: '专题', slug: 'zt', site: portal, parent: column.ownRoot, category: 'news' } as never,
      overrideAccess: false,
      user: admin,
    })
    expect(own.path).toBe('bmlm/fgw/zt')
    for (const parent of [column.section, column.otherDept, null]) {
      await expect(
        payload.create({
          collection: 'columns',
          data: { name: '越权栏目', slug: 'yq', site: portal, parent, category: 'news' } as never,
          overrideAccess: false,
          user: admin,
        }),
      ).rejects.toThrow()
    }
    const res = await fetch(`${api.url}/api/columns`, {
      method: 'POST',
      headers: await auth(SITE_ADMIN),
      body: JSON.stringify({ name: '越权栏目', slug: 'yq2', site: portal, parent: column.section, category: 'news' }),
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBeTruthy()
    const renamed = await fetch(`${api.url}/api/columns/${column.section}`, {
      method: 'PATCH',
      headers: await auth(SITE_ADMIN),
      body: JSON.stringify({ name: '越权改名' }),
    })
    expect(renamed.status).not.toBe(200)
    expect((await payload.findByID({ collection: 'columns', id: column.section, depth: 0, overrideAccess: true })).name).toBe('部门栏目')
    expect((await payload.count({ collection: 'columns', where: { name: { equals: '越权栏目' } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
