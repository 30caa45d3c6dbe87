// Integration: the indexer against a seeded Payload (Yulin preset). The articles hooks are wired
// by the foundation; here syncArticle is called directly so the test holds with or without them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { publicArticleWhere } from '../../src/access'
import { createSearchIndexer, EmbeddedSearchEngine, searchIndexerEngine, searchSourcesOf, type SearchIndexer } from '../../src/search/index'
import { bootPayload, userByEmail } from '../helpers/payload'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-indexer-'))
// If the hooks are attached, they write here instead of data/search/index.db.
process.env.SEARCH_INDEX_PATH = path.join(directory, 'hooks.db')

let payload: Payload
let engine: EmbeddedSearchEngine
let indexer: SearchIndexer
let editor: Awaited<ReturnType<typeof userByEmail>>
let reviewer: Awaited<ReturnType<typeof userByEmail>>
let column: { id: number | string }
const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const
const indexFile = path.join(directory, 'index.db')

/** Every public document of every configured source (articles, letters, service guides). */
async function publicIds(): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const source of searchSourcesOf(payload)) {
    const { docs } = await payload.find({
      collection: source.collection as 'articles',
      where: await source.publicWhere(),
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: {},
    })
    for (const doc of docs) ids.add(`${source.collection}:${doc.id}`)
  }
  return ids
}

async function indexedIds(): Promise<Set<string>> {
  const ids = new Set<string>()
  for await (const id of engine.allIds()) ids.add(id)
  return ids
}

async function publishArticle(title: string): Promise<number | string> {
  const created = await payload.create({
    collection: 'articles',
    data: { title, column: column.id, body: lexicalParagraphs([`${title}的正文，涉及城乡居民最低生活保障。`]) } as never,
    draft: true,
    ...as(editor),
  })
  await payload.update({ collection: 'articles', id: created.id, data: { state: 'in-review' }, draft: true, ...as(editor) })
  await payload.update({ collection: 'articles', id: created.id, data: { _status: 'published' }, ...as(reviewer) })
  return created.id
}

beforeAll(async () => {
  payload = await bootPayload('search-indexer', { seeded: true })
  editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
  reviewer = await userByEmail(payload, 'reviewer@fgw.yulin.gov.cn')
  column = (
    await payload.find({
      collection: 'columns',
      where: { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'tzgg' } }] },
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]!
  engine = new EmbeddedSearchEngine({ file: indexFile, workers: 0 })
  indexer = createSearchIndexer(payload, engine)
})

afterAll(async () => {
  await engine?.close()
  await payload?.destroy()
  fs.rmSync(directory, { recursive: true, force: true })
})

describe('search indexer', () => {
  it('reconciles the index to exactly the public documents', async () => {
    const report = await indexer.reconcile()
    const expected = await publicIds()
    expect(expected.size).toBeGreaterThan(0)
    expect(report.indexed).toBe(expected.size)
    expect(await indexedIds()).toEqual(expected)
  })

  it('finds a published article on the next query and drops it when withdrawn', async () => {
    const id = await publishArticle('关于鹿鸣湖片区低保复核的公告')
    expect(await indexer.syncArticle(id)).toBe('indexed')
    const found = await engine.search({ text: '鹿鸣湖' })
    expect(found.hits.map((hit) => hit.id)).toEqual([`articles:${id}`])
    expect(found.hits[0]!.url).toMatch(new RegExp(`/${id}\\.html$`))
    expect(found.hits[0]!.snippet).toContain('<mark>鹿鸣湖</mark>')

    await payload.update({ collection: 'articles', id, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })
    expect(await indexer.syncArticle(id)).toBe('removed')
    expect((await engine.search({ text: '鹿鸣湖' })).total).toBe(0)
  })

  it('never indexes drafts', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: '草稿：白鹭洲试点方案', column: column.id } as never,
      draft: true,
      ...as(editor),
    })
    expect(await indexer.syncArticle(draft.id)).toBe('removed')
    expect((await engine.search({ text: '白鹭洲' })).total).toBe(0)
  })

  it('drops the documents of an archived or offline site from every search and brings them back when it is active again', async () => {
    const id = await publishArticle('关于翠屏湖片区养老服务的通知')
    await indexer.syncArticle(id)
    const article = await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
    const siteId = (article as unknown as { site: number | string }).site
    const site = await payload.findByID({ collection: 'sites', id: siteId, depth: 0, overrideAccess: true })
    const ofSite = async () => (await engine.search({ text: '', sites: [site.code as string] })).total
    const before = await ofSite()
    expect(before).toBeGreaterThan(0)
    for (const status of ['archived', 'offline'] as const) {
      // What the sites collection's searchSiteAfterChange hook does after the status changes.
      await payload.update({ collection: 'sites', id: siteId, data: { status }, overrideAccess: true })
      expect((await indexer.syncSite(siteId)).removed, status).toBeGreaterThan(0)
      expect(await ofSite(), status).toBe(0)
      expect((await engine.search({ text: '翠屏湖' })).total, status).toBe(0)
      if (status === 'archived') {
        await indexer.reconcile()
        expect(await ofSite(), 'after reconcile').toBe(0)
      }
      await payload.update({ collection: 'sites', id: siteId, data: { status: 'active' }, overrideAccess: true })
      expect((await indexer.syncSite(siteId)).indexed, status).toBeGreaterThan(0)
      expect(await ofSite(), status).toBe(before)
      expect(
        (await engine.search({ text: '翠屏湖' })).hits.map((hit) => hit.id),
        status,
      ).toEqual([`articles:${id}`])
    }
  })

  it('the sites collection takes an archived site out of the hooks’ index as its status changes, and brings it back', async () => {
    const shared = searchIndexerEngine(payload) // the engine the collections' hooks write through
    const id = await publishArticle('关于青枫渡片区垃圾分类的通知')
    const siteId = ((await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })) as unknown as { site: number | string }).site
    const found = async () => (await shared.search({ text: '青枫渡' })).hits.map((hit) => hit.id)
    expect(await found()).toEqual([`articles:${id}`])
    await payload.update({ collection: 'sites', id: siteId, data: { status: 'archived' }, overrideAccess: true })
    expect(await found()).toEqual([])
    await payload.update({ collection: 'sites', id: siteId, data: { status: 'active' }, overrideAccess: true })
    expect(await found()).toEqual([`articles:${id}`])
  })

  it('catches up after the engine was down: changes made meanwhile are reconciled', async () => {
    await engine.close()
    const published = await publishArticle('关于紫藤园片区医保缴费的通知')
    const mine = { and: [publicArticleWhere(), { organization: { equals: reviewer.organization } }, { id: { not_equals: published } }] }
    const { docs } = await payload.find({ collection: 'articles', where: mine, limit: 1, sort: 'id', depth: 0, overrideAccess: true })
    const withdrawn = docs[0]!.id
    await payload.update({ collection: 'articles', id: withdrawn, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })

    engine = new EmbeddedSearchEngine({ file: indexFile, workers: 0 })
    indexer = createSearchIndexer(payload, engine)
    expect((await indexedIds()).has(`articles:${published}`)).toBe(false)
    await indexer.reconcile()
    const ids = await indexedIds()
    expect(ids).toEqual(await publicIds())
    expect(ids.has(`articles:${withdrawn}`)).toBe(false)
    expect((await engine.search({ text: '紫藤园' })).total).toBe(1)
  })
})
