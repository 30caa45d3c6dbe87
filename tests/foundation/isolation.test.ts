import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { type Channel, graphqlChannel, localChannel, restChannel } from '../helpers/channels'
import { startApiServer } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

/**
 * The isolation matrix: for each role and for anonymous, through the Local API, REST and GraphQL,
 * reading, creating, updating and deleting in an own (发改委 fgw) and a foreign (人社局 rsj) unit.
 */
let payload: Payload
let api: { url: string; close: () => Promise<void> }
const ids: Record<string, number | string> = {}
const ANON = null
const EDITOR = 'editor@fgw.yulin.gov.cn'
const REVIEWER = 'reviewer@fgw.yulin.gov.cn'
const SITE_ADMIN = 'siteadmin@fgw.yulin.gov.cn'
const CENTRAL = 'admin@yulin.gov.cn'
const WHO = [ANON, EDITOR, REVIEWER, SITE_ADMIN, CENTRAL] as const
const label = (who: string | null) => who ?? 'anonymous'

const one = async (collection: CollectionSlug, where: Record<string, unknown>) =>
  (await payload.find({ collection, where: where as never, limit: 1, depth: 0, overrideAccess: true })).docs[0] as any

async function draftIn(column: number | string, title = '隔离测试草稿') {
  const doc = await payload.create({
    collection: 'articles',
    data: { title, column, body: lexicalParagraphs(['正文']) } as never,
    draft: true,
    overrideAccess: true,
  })
  return doc.id
}

beforeAll(async () => {
  payload = await bootPayload('isolation', { seeded: true })
  api = await startApiServer()
  for (const unit of ['fgw', 'rsj']) {
    const site = await one('sites', { code: { equals: unit } })
    ids[`${unit}Site`] = site.id
    ids[`${unit}Org`] = site.organization
    ids[`${unit}Column`] = (await one('columns', { and: [{ site: { equals: site.id } }, { path: { equals: 'tzgg' } }] })).id
    ids[`${unit}Draft`] = await draftIn(ids[`${unit}Column`])
    ids[`${unit}Published`] = (await one('articles', { and: [{ organization: { equals: site.organization } }, { state: { equals: 'published' } }] })).id
  }
})
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
})

const channels = (): Channel[] => [localChannel(payload), restChannel(api.url), graphqlChannel(api.url)]
const allowed = (who: string | null, list: Array<string | null>) => list.includes(who)

describe.each(['local', 'rest', 'graphql'])('isolation through %s', (name) => {
  const channel = () => channels().find((c) => c.name === name)!

  it('reads: drafts only within the own unit, published content by anyone', async () => {
    for (const who of WHO) {
      expect(await channel().read('articles', ids.fgwDraft, who), `${label(who)} reads own draft`).toBe(allowed(who, [EDITOR, REVIEWER, SITE_ADMIN, CENTRAL]))
      expect(await channel().read('articles', ids.rsjDraft, who), `${label(who)} reads foreign draft`).toBe(allowed(who, [CENTRAL]))
      expect(await channel().read('articles', ids.rsjPublished, who), `${label(who)} reads foreign published`).toBe(true)
    }
  })

  it('creates: drafts only in columns the own unit owns', async () => {
    for (const who of WHO) {
      const own = await channel().create('articles', { title: `新建-${name}`, column: ids.fgwColumn }, who)
      expect(own !== null, `${label(who)} creates in own column`).toBe(allowed(who, [EDITOR, REVIEWER, SITE_ADMIN, CENTRAL]))
      const foreign = await channel().create('articles', { title: `越权-${name}`, column: ids.rsjColumn }, who)
      expect(foreign !== null, `${label(who)} creates in foreign column`).toBe(allowed(who, [CENTRAL]))
      if (own) await payload.delete({ collection: 'articles', id: own, overrideAccess: true })
      if (foreign) await payload.delete({ collection: 'articles', id: foreign, overrideAccess: true })
    }
    expect((await payload.count({ collection: 'articles', where: { title: { like: '越权' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('updates: only the own unit, and a refused update changes nothing', async () => {
    for (const who of WHO) {
      const title = `改-${name}-${label(who)}`
      expect(await channel().update('articles', ids.fgwDraft, { title }, who), `${label(who)} updates own draft`).toBe(
        allowed(who, [EDITOR, REVIEWER, SITE_ADMIN, CENTRAL]),
      )
      const before = await payload.findByID({ collection: 'articles', id: ids.rsjDraft, draft: true, depth: 0, overrideAccess: true })
      expect(await channel().update('articles', ids.rsjDraft, { title }, who), `${label(who)} updates foreign draft`).toBe(allowed(who, [CENTRAL]))
      if (who !== CENTRAL) {
        const after = await payload.findByID({ collection: 'articles', id: ids.rsjDraft, draft: true, depth: 0, overrideAccess: true })
        expect(after.title).toBe(before.title)
      }
    }
  })

  it('publishing is for reviewers of the own unit', async () => {
    for (const who of WHO) {
      const own = await draftIn(ids.fgwColumn)
      expect(await channel().update('articles', own, { _status: 'published' }, who, false), `${label(who)} publishes own`).toBe(
        allowed(who, [REVIEWER, CENTRAL]),
      )
      const foreign = await draftIn(ids.rsjColumn)
      expect(await channel().update('articles', foreign, { _status: 'published' }, who, false), `${label(who)} publishes foreign`).toBe(allowed(who, [CENTRAL]))
      const stored = await payload.findByID({ collection: 'articles', id: foreign, depth: 0, overrideAccess: true })
      expect(stored._status).toBe(who === CENTRAL ? 'published' : 'draft')
    }
  })

  it('deletes: own drafts only', async () => {
    for (const who of WHO) {
      const own = await draftIn(ids.fgwColumn)
      expect(await channel().remove('articles', own, who), `${label(who)} deletes own draft`).toBe(allowed(who, [EDITOR, REVIEWER, SITE_ADMIN, CENTRAL]))
      const foreign = await draftIn(ids.rsjColumn)
      expect(await channel().remove('articles', foreign, who), `${label(who)} deletes foreign draft`).toBe(allowed(who, [CENTRAL]))
      expect(await channel().remove('articles', ids.rsjPublished, who === CENTRAL ? ANON : who), `${label(who)} deletes foreign published`).toBe(false)
    }
  })

  it('sites, columns and users: site admins manage their own unit only', async () => {
    for (const who of WHO) {
      expect(await channel().update('sites', ids.fgwSite, { name: '中国玉林·发展和改革委员会' }, who), `${label(who)} updates own site`).toBe(
        allowed(who, [SITE_ADMIN, CENTRAL]),
      )
      expect(
        await channel().update('sites', ids.rsjSite, { name: who === CENTRAL ? '玉林市人力资源和社会保障局' : '越权修改' }, who),
        `${label(who)} updates foreign site`,
      ).toBe(allowed(who, [CENTRAL]))
      const slug = `t-${name}-${WHO.indexOf(who)}`
      const own = await channel().create('columns', { name: '专题专栏', slug, site: ids.fgwSite, category: 'news' }, who)
      expect(own !== null, `${label(who)} creates column in own site`).toBe(allowed(who, [SITE_ADMIN, CENTRAL]))
      const foreign = await channel().create('columns', { name: '越权栏目', slug, site: ids.rsjSite, category: 'news' }, who)
      expect(foreign !== null, `${label(who)} creates column in foreign site`).toBe(allowed(who, [CENTRAL]))
      for (const id of [own, foreign]) if (id) await payload.delete({ collection: 'columns', id, overrideAccess: true })
      const user = await channel().create(
        'users',
        { name: '新用户', email: `${slug}@rsj.yulin.gov.cn`, password: 'Strong#Passw0rd', roles: ['editor'], organization: ids.rsjOrg },
        who,
      )
      expect(user !== null, `${label(who)} creates user in foreign unit`).toBe(allowed(who, [CENTRAL]))
      if (user) await payload.delete({ collection: 'users', id: user, overrideAccess: true })
    }
    expect((await payload.findByID({ collection: 'sites', id: ids.rsjSite, overrideAccess: true })).name).not.toBe('越权修改')
  })
})
