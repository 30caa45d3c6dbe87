/**
 * Fault: the embedded search engine is unavailable. Publishing goes through the articles hooks
 * (whose engine is closed under them), the public search page and API answer 503 with a clear
 * message, and once the engine is back the reconcile job makes the index equal the database.
 * (tests/search/indexer.test.ts covers the indexer alone; this one covers hooks, HTTP and Payload.)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { publicArticleWhere } from '../../src/access'
import { createSearchIndexer, EmbeddedSearchEngine, searchIndexerEngine, searchIndexerFor, searchSourcesOf, UNAVAILABLE_MESSAGE } from '../../src/search/index'
import { bootPayload } from '../helpers/payload'
import { startSearchServer, type SearchServer } from '../search/http-helpers'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-search-'))
const indexFile = path.join(directory, 'index.db')
process.env.SEARCH_INDEX_PATH = indexFile

let payload: Payload
let column: { id: number | string }
const servers: SearchServer[] = []
const engines: EmbeddedSearchEngine[] = []

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

async function indexedIds(engine: EmbeddedSearchEngine): Promise<Set<string>> {
  const ids = new Set<string>()
  for await (const id of engine.allIds()) ids.add(id)
  return ids
}

/** Publishes as the live server would (hooks included); resolves only once the save returned. */
function publish(title: string) {
  return payload.create({
    collection: 'articles',
    data: { title, column: column.id, state: 'published', _status: 'published', body: lexicalParagraphs([`${title}的正文。`]) } as never,
    depth: 0,
    overrideAccess: true,
  })
}

async function serve(engine: EmbeddedSearchEngine): Promise<SearchServer> {
  const server = await startSearchServer(payload, engine, { queryLog: false })
  servers.push(server)
  return server
}

beforeAll(async () => {
  payload = await bootPayload('faults-search-down', { seeded: true })
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]!
  column = (
    await payload.find({
      collection: 'columns',
      where: { and: [{ site: { equals: site.id } }, { path: { equals: 'gzdt/bdwdt' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]!
  await searchIndexerFor(payload).reconcile()
})

afterAll(async () => {
  for (const server of servers) await server.close()
  for (const engine of engines) await engine.close()
  await payload?.destroy()
  fs.rmSync(directory, { recursive: true, force: true })
})

describe('search engine unavailable', () => {
  it('publishing still succeeds, search answers 503, and the reconcile catches up', async () => {
    // Healthy first: the hooks index a publish at once (otherwise the rest would prove nothing).
    const reader = new EmbeddedSearchEngine({ file: indexFile, workers: 0 })
    engines.push(reader)
    const before = await publish('故障前发布：青竹巷排水改造公告')
    expect((await indexedIds(reader)).has(`articles:${before.id}`)).toBe(true)
    const healthy = await serve(reader)
    const ok = await fetch(`${healthy.url}/api/search?scope=all&q=${encodeURIComponent('青竹巷')}`)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id)).toContain(`articles:${before.id}`)

    // The engine goes down: the hooks' writer and the query engine behind the public pages.
    await searchIndexerEngine(payload).close()
    await reader.close()

    const during = await publish('故障期间发布：金鸡岭绿道开放通知')
    expect(during.id).toBeDefined()
    const stored = await payload.findByID({ collection: 'articles', id: during.id, depth: 0, draft: false, overrideAccess: true })
    expect(stored._status).toBe('published')
    const mine = { and: [publicArticleWhere(), { id: { not_in: [before.id, during.id] } }, { site: { equals: (stored as { site: number | string }).site } }] }
    const withdrawn = (await payload.find({ collection: 'articles', where: mine, limit: 1, sort: 'id', depth: 0, overrideAccess: true })).docs[0]!
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { state: 'withdrawn', _status: 'draft' }, depth: 0, overrideAccess: true })
    const withdrawnNow = await payload.findByID({ collection: 'articles', id: withdrawn.id, depth: 0, overrideAccess: true })
    expect(withdrawnNow.state).toBe('withdrawn')

    const page = await fetch(`${healthy.url}/search?q=${encodeURIComponent('金鸡岭')}`)
    const html = await page.text()
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('30')
    expect(html).toContain(UNAVAILABLE_MESSAGE)
    const api = await fetch(`${healthy.url}/api/search?q=${encodeURIComponent('金鸡岭')}`)
    expect(api.status).toBe(503)
    expect(await api.json()).toEqual({ error: UNAVAILABLE_MESSAGE })

    // The engine comes back (a restarted process opens the same index file) and the job runs.
    const engine = new EmbeddedSearchEngine({ file: indexFile, workers: 0 })
    engines.push(engine)
    const drifted = await indexedIds(engine)
    expect(drifted.has(`articles:${during.id}`)).toBe(false)
    expect(drifted.has(`articles:${withdrawn.id}`)).toBe(true)

    const report = await createSearchIndexer(payload, engine).reconcile()
    const expected = await publicIds()
    const indexed = await indexedIds(engine)
    expect(report.indexed).toBe(expected.size)
    expect(indexed).toEqual(expected)
    expect(indexed.has(`articles:${during.id}`)).toBe(true)
    expect(indexed.has(`articles:${withdrawn.id}`)).toBe(false)
    // Nothing draft or withdrawn is indexed.
    const hidden = await payload.find({
      collection: 'articles',
      where: { or: [{ _status: { equals: 'draft' } }, { state: { not_equals: 'published' } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: {},
    })
    expect(hidden.docs.length).toBeGreaterThan(0)
    for (const doc of hidden.docs) expect(indexed.has(`articles:${doc.id}`)).toBe(false)

    const recovered = await serve(engine)
    const found = await fetch(`${recovered.url}/api/search?scope=all&q=${encodeURIComponent('金鸡岭')}`)
    expect(found.status).toBe(200)
    expect(((await found.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id)).toContain(`articles:${during.id}`)
  }, 240_000)
})
