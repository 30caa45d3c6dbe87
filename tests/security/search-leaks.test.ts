/**
 * The search API and page never show what the public may not read: another unit's drafts, a
 * withdrawn article, or the unpublished draft text of a published article — not even to staff of
 * another unit who send their login along (search answers the same to everyone).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { createSearchEngine, searchIndexerFor, type SearchEngine } from '../../src/search/index'
import { login, startApiServer } from '../helpers/http'
import { bootPayload, DEMO_PASSWORD, userByEmail } from '../helpers/payload'
import { startSearchServer, type SearchServer } from '../search/http-helpers'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-leaks-'))
process.env.SEARCH_INDEX_PATH = path.join(directory, 'index.db')

let payload: Payload
let engine: SearchEngine
let server: SearchServer
let api: { url: string; close: () => Promise<void> }
let fgwAuth = ''
type User = Awaited<ReturnType<typeof userByEmail>>
const as = (user: User) => ({ user, overrideAccess: false, depth: 0 }) as const

beforeAll(async () => {
  payload = await bootPayload('search-leaks', { seeded: true })
  await searchIndexerFor(payload).reconcile()
  engine = createSearchEngine(process.env, { embedded: { workers: 1 } })
  server = await startSearchServer(payload, engine, { queryLog: false })
  api = await startApiServer()
  fgwAuth = await login(api.url, 'editor@fgw.yulin.gov.cn', DEMO_PASSWORD)
}, 240_000)
afterAll(async () => {
  await server?.close()
  await api?.close()
  await engine?.close()
  await payload?.destroy()
  fs.rmSync(directory, { recursive: true, force: true })
})

/** Every way of asking for `token`: JSON API over all sites and within rsj's site, the HTML page (does it show `title`?); anonymous and as an fgw editor. */
async function findings(token: string, title: string): Promise<string[]> {
  const seen: string[] = []
  for (const headers of [{}, { authorization: fgwAuth }] as Array<Record<string, string>>) {
    for (const scope of ['/api/search?scope=all&q=', '/s/rsj/api/search?scope=site&q=']) {
      const res = await fetch(`${server.url}${scope}${encodeURIComponent(token)}`, { headers })
      expect(res.status).toBe(200)
      const json = (await res.json()) as { total: number; hits: Array<{ id: string; title: string }> }
      seen.push(...json.hits.map((h) => `${scope} ${h.id} ${h.title}`))
      if (json.total) seen.push(`${scope} total ${json.total}`)
    }
    const page = await fetch(`${server.url}/s/rsj/search?scope=all&q=${encodeURIComponent(token)}`, { headers })
    expect(page.status).toBe(200)
    // The page repeats the query itself; a hit shows the document's title.
    if ((await page.text()).includes(title)) seen.push(`search page shows ${title}`)
  }
  return seen
}

describe('search never leaks unpublished content', () => {
  it("shows no rsj draft, no withdrawn article and no draft text of a published one, to the public or to another unit's staff", async () => {
    const editor = await userByEmail(payload, 'editor@rsj.yulin.gov.cn')
    const reviewer = await userByEmail(payload, 'reviewer@rsj.yulin.gov.cn')
    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'tzgg' } }] },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]!
    const create = (title: string, text: string) =>
      payload.create({ collection: 'articles', data: { title, column: column.id, body: lexicalParagraphs([text]) } as never, draft: true, ...as(editor) })
    const publish = (id: number | string) => payload.update({ collection: 'articles', id, data: { _status: 'published' }, ...as(reviewer) })

    // Control: a published article with its own token is found, so the probes below can see hits.
    const control = await create('琥珀湾公告', '琥珀湾公告正文')
    await publish(control.id)
    expect((await findings('琥珀湾', '琥珀湾公告')).length).toBeGreaterThan(0)

    await create('翠羽岭草稿', '翠羽岭草稿正文：尚未审核的内容')
    const withdrawn = await create('赭石滩通知', '赭石滩通知正文')
    await publish(withdrawn.id)
    expect((await findings('赭石滩', '赭石滩通知')).length).toBeGreaterThan(0)
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })

    const edited = await create('靛青港公告', '靛青港公告正文')
    await publish(edited.id)
    await payload.update({
      collection: 'articles',
      id: edited.id,
      data: { title: '靛青港公告（修订稿）', body: lexicalParagraphs(['修订稿新增：绛紫塘尚未公开的安排']) } as never,
      draft: true,
      ...as(editor),
    })

    expect(await findings('翠羽岭', '翠羽岭草稿')).toEqual([])
    expect(await findings('赭石滩', '赭石滩通知')).toEqual([])
    expect(await findings('绛紫塘', '修订稿')).toEqual([])
    // The published text of the edited article is still found.
    expect((await findings('靛青港', '靛青港公告')).length).toBeGreaterThan(0)
  })
})
