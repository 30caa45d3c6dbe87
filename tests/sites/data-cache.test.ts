/**
 * The read model below the page cache (src/sites/data-cache.ts, list-reads.ts) and the site-level
 * fragments: with the page cache OFF, a list is served from memory until a change carrying its
 * tags arrives — from this process's hooks at once, from another process's writes at the next
 * database poll — and the fragment-rendered portal home is byte for byte the plain render.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataCache } from '../../src/sites/data-cache'
import { createPublicSites, type PublicSites } from '../../src/sites/index'
import { body, bootSites, get, paragraph, startSitesServer, type TestServer } from './boot'

const deferred = <T>() => {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('DataCache', () => {
  const make = (options: Partial<ConstructorParameters<typeof DataCache>[0]> = {}) =>
    new DataCache({ enabled: true, maxEntries: 100, ttlSeconds: 60, ...options })

  it('serves a stored value until one of its tags is invalidated', async () => {
    const cache = make()
    let loads = 0
    const load = async () => ({ value: ++loads, tags: ['col:1', 'art:7'] })
    expect(await cache.through('a', load)).toBe(1)
    expect(await cache.through('a', load)).toBe(1)
    expect(cache.invalidate(['col:2'])).toBe(0)
    expect(await cache.through('a', load)).toBe(1)
    expect(cache.invalidate(['art:7'])).toBe(1)
    expect(await cache.through('a', load)).toBe(2)
    cache.clear()
    expect(await cache.through('a', load)).toBe(3)
  })

  it('never stores a load that began before one of its tags was invalidated, and later requests do not join it', async () => {
    const cache = make()
    const slow = deferred<{ value: string; tags: string[] }>()
    const first = cache.through('k', () => slow.promise)
    const joined = cache.through('k', async () => ({ value: 'unused', tags: [] }))
    cache.invalidate(['col:1'])
    const afterInvalidation = cache.through('k', async () => ({ value: 'fresh', tags: ['col:1'] }))
    slow.resolve({ value: 'stale', tags: ['col:1'] })
    expect(await first).toBe('stale')
    expect(await joined).toBe('stale') // joined before the change: same answer as the load it shared
    expect(await afterInvalidation).toBe('fresh')
    expect(await cache.through('k', async () => ({ value: 'third', tags: ['col:1'] }))).toBe('fresh')
  })

  it('shares one load among concurrent misses and forgets failed loads', async () => {
    const cache = make()
    let loads = 0
    const gate = deferred<void>()
    const load = async () => (await gate.promise, { value: ++loads, tags: [] })
    const all = Promise.all([cache.through('k', load), cache.through('k', load), cache.through('k', load)])
    gate.resolve()
    expect(await all).toEqual([1, 1, 1])
    await expect(cache.through('bad', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down')
    expect(await cache.through('bad', async () => ({ value: 'ok', tags: [] }))).toBe('ok')
  })

  it('expires entries after the TTL, evicts beyond maxEntries, and reads through when disabled', async () => {
    const cache = make({ maxEntries: 2, ttlSeconds: 0.05 })
    let n = 0
    const load = async () => ({ value: ++n, tags: [] })
    await cache.through('a', load)
    await cache.through('b', load)
    await cache.through('c', load)
    expect(cache.keys()).toEqual(['b', 'c'])
    await new Promise((r) => setTimeout(r, 80))
    expect(await cache.through('c', load)).toBe(4)
    const off = make({ enabled: false })
    let m = 0
    const count = async () => ({ value: ++m, tags: [] })
    await off.through('a', count)
    expect(await off.through('a', count)).toBe(2)
    expect(() => make({ maxEntries: 0 })).toThrow(/maxEntries must be a positive number/)
    expect(() => make({ ttlSeconds: -1 })).toThrow(/ttlSeconds must be a positive number/)
  })
})

describe('DataCache memory bound', () => {
  it('evicts the oldest entries beyond maxBytes, never stores one larger than the limit, and frees what it drops', async () => {
    const cache = new DataCache({ enabled: true, maxEntries: 100, maxBytes: 10_000, ttlSeconds: 60 })
    const load =
      (bytes: number, tags: string[] = []) =>
      async () => ({ value: bytes, tags, bytes })
    await cache.through('a', load(4000))
    await cache.through('b', load(4000, ['art:1']))
    await cache.through('c', load(4000))
    expect(cache.keys()).toEqual(['b', 'c'])
    expect(cache.stats.bytes).toBe(8000)
    expect(await cache.through('huge', load(20_000))).toBe(20_000)
    expect(cache.keys()).toEqual(['b', 'c'])
    cache.invalidate(['art:1'])
    expect(cache.stats.bytes).toBe(4000)
    cache.clear()
    expect(cache.stats.bytes).toBe(0)
    expect(() => new DataCache({ enabled: true, maxEntries: 1, maxBytes: 0, ttlSeconds: 1 })).toThrow(/maxBytes must be a positive number/)
  })
})

describe('public pages with the page cache off and the data cache on', () => {
  let payload: Payload
  let sites: PublicSites
  let server: TestServer
  const ids: Record<string, number> = {}
  const fgw = (path: string) => get(server.port, path, { host: 'fgw.yulin.gov.cn' })
  const publish = (column: number, title: string) =>
    payload.create({
      collection: 'articles',
      data: { title, column, state: 'published', _status: 'published', body: body(paragraph(`${title}正文`)) } as never,
      depth: 0,
    })

  beforeAll(async () => {
    ;({ payload, sites, server } = await bootSites('sites-data-cache', { cache: { enabled: false } }))
    const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1 })).docs[0]
    const column = (
      await payload.find({ collection: 'columns', where: { and: [{ site: { equals: site.id } }, { path: { equals: 'gzdt/bdwdt' } }] }, depth: 0, limit: 1 })
    ).docs[0]
    ids.fgwNews = column.id as number
  })
  afterAll(async () => {
    await server?.close()
    await sites?.close()
    await payload?.destroy()
  })

  it('reads each list once, then from memory', async () => {
    await fgw('/gzdt/bdwdt/')
    const { misses } = sites.data.stats
    const hits = sites.data.stats.hits
    expect((await fgw('/gzdt/bdwdt/')).status).toBe(200)
    expect(sites.data.stats.misses).toBe(misses)
    expect(sites.data.stats.hits).toBeGreaterThan(hits)
    expect(sites.cache.keys()).toEqual([]) // the page cache is really off
  })

  it('publishing, editing and withdrawing change every affected list on the next request', async () => {
    const pages = ['/gzdt/bdwdt/', '/gzdt/', '/']
    for (const path of pages) await fgw(path)
    const doc = await publish(ids.fgwNews, '数据缓存新动态甲')
    for (const path of pages) expect((await fgw(path)).body, path).toContain('数据缓存新动态甲')
    await payload.update({ collection: 'articles', id: doc.id, data: { title: '数据缓存改后乙' } as never })
    for (const path of pages) {
      const reply = await fgw(path)
      expect(reply.body, path).toContain('数据缓存改后乙')
      expect(reply.body, path).not.toContain('数据缓存新动态甲')
    }
    await payload.update({ collection: 'articles', id: doc.id, data: { state: 'withdrawn', _status: 'draft' } as never })
    for (const path of pages) expect((await fgw(path)).body, path).not.toContain('数据缓存改后乙')
  })

  /**
   * A second process on the same database (its page cache off, data cache on) shows `before` at
   * `path` of fgw's site, still shows it after `change()` — no hook ran there — and shows `after`
   * once its database poll has run.
   */
  async function expectStaleUntilPolled(path: string, before: string, after: string, change: () => Promise<unknown>) {
    const other = await createPublicSites({ payload, background: false, config: { cache: { enabled: false } } })
    const otherServer = await startSitesServer(other)
    await other.watcher.start()
    const page = async () => (await get(otherServer.port, path, { host: 'fgw.yulin.gov.cn' })).body
    try {
      expect(await page()).toContain(before)
      await change()
      expect(await page()).toContain(before)
      await other.watcher.pollNow()
      const fresh = await page()
      expect(fresh).toContain(after)
      expect(fresh).not.toContain(before)
    } finally {
      other.watcher.stop()
      await otherServer.close()
      await other.close()
    }
  }

  it('a second process keeps its lists until the database poll brings the change', async () => {
    const doc = await publish(ids.fgwNews, '跨进程列表原题')
    await expectStaleUntilPolled('/gzdt/bdwdt/', '跨进程列表原题', '跨进程列表新题', () =>
      payload.update({ collection: 'articles', id: doc.id, data: { title: '跨进程列表新题' } as never }),
    )
  })

  it('an article page reads the article and renders its body once, and follows an edit, a withdrawal and a republish', async () => {
    const doc = await publish(ids.fgwNews, '文章缓存原题')
    const path = `/gzdt/bdwdt/${doc.id}.html`
    const first = await fgw(path)
    expect(first.body).toContain('文章缓存原题正文')
    const { misses } = sites.data.stats
    const again = await fgw(path)
    expect(again.body).toBe(first.body)
    expect(sites.data.stats.misses).toBe(misses) // article, media and body HTML all from memory
    await payload.update({ collection: 'articles', id: doc.id, data: { title: '文章缓存新题', body: body(paragraph('文章缓存新正文')) } as never })
    const edited = (await fgw(path)).body
    expect(edited).toContain('文章缓存新题')
    expect(edited).toContain('文章缓存新正文')
    expect(edited).not.toContain('文章缓存原题正文')
    await payload.update({ collection: 'articles', id: doc.id, data: { state: 'withdrawn', _status: 'draft' } as never })
    expect((await fgw(path)).status).toBe(404)
    expect((await fgw(path)).status).toBe(404) // a miss is not stored: publishing again shows it at once
    await payload.update({ collection: 'articles', id: doc.id, data: { state: 'published', _status: 'published' } as never })
    const back = await fgw(path)
    expect(back.status).toBe(200)
    expect(back.body).toContain('文章缓存新正文')
  })

  it('a second process keeps its article until the database poll brings the edit', async () => {
    const doc = await publish(ids.fgwNews, '跨进程文章原题')
    await expectStaleUntilPolled(`/gzdt/bdwdt/${doc.id}.html`, '跨进程文章原题正文', '跨进程文章新正文', () =>
      payload.update({ collection: 'articles', id: doc.id, data: { body: body(paragraph('跨进程文章新正文')) } as never }),
    )
  })

  it("the same article under its host and under /s/<code>/ keeps its own body HTML, with that address's links", async () => {
    const link = {
      type: 'link',
      version: 3,
      fields: { linkType: 'internal', doc: { relationTo: 'columns', value: ids.fgwNews } },
      children: [{ type: 'text', text: '本栏目链接', format: 0, version: 1 }],
    }
    const doc = await payload.create({
      collection: 'articles',
      data: {
        title: '链接前缀文章',
        column: ids.fgwNews,
        state: 'published',
        _status: 'published',
        body: body({ type: 'paragraph', version: 1, children: [link] }),
      } as never,
      depth: 0,
    })
    const byHost = (await fgw(`/gzdt/bdwdt/${doc.id}.html`)).body
    const byCode = (await get(server.port, `/s/fgw/gzdt/bdwdt/${doc.id}.html`)).body
    expect(byHost).toMatch(/<a href="\/gzdt\/bdwdt\/">本栏目链接<\/a>/)
    expect(byCode).toMatch(/<a href="\/s\/fgw\/gzdt\/bdwdt\/">本栏目链接<\/a>/)
    expect((await fgw(`/gzdt/bdwdt/${doc.id}.html`)).body).toBe(byHost)
  })

  it('the portal home rendered with site fragments is byte for byte the plain render, and follows a site rename', async () => {
    const plain = await createPublicSites({
      payload,
      background: false,
      config: { cache: { enabled: false }, dataCache: { enabled: false }, siteFragments: false },
    })
    const plainServer = await startSitesServer(plain)
    const portal = (port: number) => get(port, '/', { host: 'www.yulin.gov.cn' })
    const comparable = (html: string) => html.replace(/站群累计访问量：<strong>\d+<\/strong>/, '')
    try {
      const [withFragments, without] = [await portal(server.port), await portal(plainServer.port)]
      expect(withFragments.body).toContain('站群导航')
      expect(comparable(withFragments.body)).toBe(comparable(without.body))
      expect(comparable((await portal(server.port)).body)).toBe(comparable(without.body)) // second render: from the fragment
      const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1 })).docs[0]
      await payload.update({ collection: 'sites', id: site.id, data: { name: '玉林市发展和改革委员会（新名）' } as never })
      // The hook reloads the site index in the background; the fragment follows the new index.
      await expect.poll(async () => (await portal(server.port)).body, { timeout: 5000 }).toContain('玉林市发展和改革委员会（新名）')
      await plain.reloadIndex()
      expect(comparable((await portal(server.port)).body)).toBe(comparable((await portal(plainServer.port)).body))
    } finally {
      await plainServer.close()
      await plain.close()
    }
  })
})
