import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createPublicSites, PageViewCounter, type PublicSites } from '../../src/sites/index'
import { writePageViewCounts } from '../../src/db/bulk'
import { body, bootSites, get, paragraph, startSitesServer, type TestServer } from './boot'

let payload: Payload
let sites: PublicSites
let server: TestServer
const ids: Record<string, number> = {}

async function column(siteCode: string, path: string) {
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: siteCode } }, depth: 0, limit: 1 })).docs[0]
  const found = (await payload.find({ collection: 'columns', where: { and: [{ site: { equals: site.id } }, { path: { equals: path } }] }, depth: 0, limit: 1 }))
    .docs[0]
  if (!found) throw new Error(`column ${siteCode}/${path} not found`)
  return found
}

async function publish(columnId: number | string, title: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'articles',
    data: { title, column: columnId, state: 'published', _status: 'published', body: body(paragraph(`${title}正文`)), ...extra } as never,
    depth: 0,
  })
}

const fgw = (path: string, headers: Record<string, string> = {}) => get(server.port, path, { host: 'fgw.yulin.gov.cn', ...headers })

beforeAll(async () => {
  ;({ payload, sites, server } = await bootSites('sites-integration'))
  ids.fgwNews = (await column('fgw', 'gzdt/bdwdt')).id as number
  ids.fgwNewsRoot = (await column('fgw', 'gzdt')).id as number
  ids.fgwPolicy = (await column('fgw', 'zcwj/gfxwj')).id as number
})
afterAll(async () => {
  await server?.close()
  await sites?.close()
  await payload?.destroy()
})

describe('routing', () => {
  it.each([
    ['www.yulin.gov.cn', '/s/www/', 'theme-portal', '中国玉林'],
    ['fgw.yulin.gov.cn', '/s/fgw/', 'theme-department', '发展和改革委员会'],
    ['www.beiliu.gov.cn', '/s/beiliu/', 'theme-county', '北流'],
  ])('%s and %s render the same site', async (host, localPath, themeClass, name) => {
    const byHost = await get(server.port, '/', { host })
    const byCode = await get(server.port, localPath)
    for (const reply of [byHost, byCode]) {
      expect(reply.status).toBe(200)
      expect(reply.body).toContain(themeClass)
      expect(reply.body).toContain(name)
      expect(reply.body).toContain('<html lang="zh-CN"')
    }
    expect(byCode.body).toMatch(/href="\/s\/[a-z]+\/[a-z]+\/"/) // local links keep the /s/<code> prefix
  })

  it('shows the directory of all sites grouped by organization kind on the bare local address', async () => {
    const reply = await get(server.port, '/')
    expect(reply.status).toBe(200)
    for (const label of ['县（市）', '区', '市直部门']) expect(reply.body).toContain(label)
    expect(reply.body).toContain('href="/s/fgw/"')
  })

  it('answers unknown hosts and site codes with a clear page, never a stack trace', async () => {
    const unknown = await get(server.port, '/news/', { host: 'nope.example.com' })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toContain('未找到该网站')
    expect(unknown.body).toContain('nope.example.com')
    const code = await get(server.port, '/s/no-such-site/')
    expect(code.status).toBe(404)
    expect(code.body).toContain('no-such-site')
    expect(unknown.body + code.body).not.toMatch(/at .*\.ts:\d+|Error:/)
  })

  it('renders 404 in the site theme and redirects column paths without a slash', async () => {
    const missing = await fgw('/no-such-column/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('theme-department')
    expect(missing.body).toContain('页面不存在')
    const redirect = await fgw('/gzdt')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.location).toBe('/gzdt/')
  })

  it('leaves reserved paths (search, admin, api) to the next handler', async () => {
    expect((await fgw('/search?q=x')).status).toBe(418)
    expect((await get(server.port, '/s/fgw/search?q=x')).status).toBe(418)
  })
})

describe('page types', () => {
  it('column page: list, child columns, pagination, RSS; bad page numbers get a clear 400', async () => {
    const first = await fgw('/gzdt/')
    expect(first.status).toBe(200)
    expect(first.body).toContain('<h1>工作动态</h1>')
    expect(first.body).toContain('本单位动态') // child column
    expect(first.body).toMatch(/<a href="\/gzdt\/[a-z]+\/\d+\.html">/)
    expect(first.body).toContain('<link rel="canonical" href="https://fgw.yulin.gov.cn/gzdt/">')
    const bad = await fgw('/gzdt/?page=abc')
    expect(bad.status).toBe(400)
    expect(bad.body).toContain('page must be a positive integer')
    const rss = await fgw('/gzdt/rss.xml')
    expect(rss.headers['content-type']).toContain('application/rss+xml')
    expect(rss.body).toContain('<link>https://fgw.yulin.gov.cn/gzdt/</link>')
  })

  it('article page: body, Open Graph, canonical URL; wrong column path redirects to the right one', async () => {
    const doc = await publish(ids.fgwNews, '发改委召开季度工作会议')
    const reply = await fgw(`/gzdt/bdwdt/${doc.id}.html`)
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<h1>发改委召开季度工作会议</h1>')
    expect(reply.body).toContain('发改委召开季度工作会议正文')
    expect(reply.body).toContain('<meta property="og:type" content="article">')
    expect(reply.body).toContain(`<link rel="canonical" href="https://fgw.yulin.gov.cn/gzdt/bdwdt/${doc.id}.html">`)
    const wrong = await fgw(`/tzgg/${doc.id}.html`)
    expect(wrong.status).toBe(301)
    expect(wrong.headers.location).toBe(`/gzdt/bdwdt/${doc.id}.html`)
    expect((await get(server.port, `/s/www/gzdt/bdwdt/${doc.id}.html`)).status).toBe(404) // another site's article
  })

  it('policy article shows its disclosure metadata; the catalogue filters by topic, publisher and year', async () => {
    const doc = await publish(ids.fgwPolicy, '关于印发价格监测办法的通知', {
      disclosure: { documentNumber: '玉发改〔2024〕9号', topic: '综合政务', publisher: '玉林市发展和改革委员会', validity: 'valid' },
    })
    const page = await fgw(`/zcwj/gfxwj/${doc.id}.html`)
    for (const label of ['索引号', '发布机构', '文号', '主题分类', '成文日期', '发布日期', '有效性']) expect(page.body).toContain(label)
    expect(page.body).toContain('玉发改〔2024〕9号')
    const year = new Date().getFullYear()
    const catalogue = await fgw(`/zfxxgk/?topic=${encodeURIComponent('综合政务')}&year=${year}`)
    expect(catalogue.status).toBe(200)
    expect(catalogue.body).toContain('关于印发价格监测办法的通知')
    expect(catalogue.body).toContain('玉发改〔2024〕9号')
    const other = await fgw(`/zfxxgk/?topic=${encodeURIComponent('卫生、体育')}&year=${year}`)
    expect(other.body).not.toContain('关于印发价格监测办法的通知')
    expect((await fgw('/zfxxgk/?year=20x4')).status).toBe(400)
    expect((await fgw('/gkml/')).status).toBe(200) // fixed path, same catalogue
  })

  it('site map, sitemap.xml and robots.txt', async () => {
    const html = await fgw('/sitemap.html')
    expect(html.body).toContain('<h1>网站地图</h1>')
    expect(html.body).toContain('规范性文件')
    const xml = await fgw('/sitemap.xml')
    expect(xml.body).toContain('<loc>https://fgw.yulin.gov.cn/</loc>')
    expect(xml.body).toMatch(/<loc>https:\/\/fgw\.yulin\.gov\.cn\/[a-z/]+\/\d+\.html<\/loc>/)
    const robots = await fgw('/robots.txt')
    expect(robots.body).toContain('Sitemap: https://fgw.yulin.gov.cn/sitemap.xml')
  })

  it('portal home lists unit sites by kind and the group total of visits', async () => {
    const home = await get(server.port, '/', { host: 'www.yulin.gov.cn' })
    expect(home.body).toContain('站群导航')
    expect(home.body).toContain('fgw.yulin.gov.cn')
    expect(home.body).toContain('站群累计访问量')
  })
})

describe('only published content', () => {
  it('drafts, scheduled and withdrawn articles are invisible', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: '草稿不可见', column: ids.fgwNews, state: 'draft', body: body(paragraph('x')) } as never,
    })
    const scheduled = await publish(ids.fgwNews, '定时发布不可见', { publishedAt: new Date(Date.now() + 86_400_000).toISOString() })
    const withdrawn = await publish(ids.fgwNews, '撤回不可见')
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { state: 'withdrawn', _status: 'draft' } as never })
    for (const [name, doc] of Object.entries({ draft, scheduled, withdrawn })) expect((await fgw(`/gzdt/bdwdt/${doc.id}.html`)).status, name).toBe(404)
    const list = await fgw('/gzdt/bdwdt/')
    for (const title of ['草稿不可见', '定时发布不可见', '撤回不可见']) expect(list.body).not.toContain(title)
  })

  it('an editor preview link shows the draft in the theme; a tampered link is refused', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: '预览中的草稿', column: ids.fgwNews, state: 'draft', body: body(paragraph('草稿正文')) } as never,
    })
    const path = sites.previewPath(draft.id)
    const reply = await get(server.port, path)
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.body).toContain('预览中的草稿')
    expect(reply.body).toContain('theme-department')
    expect(reply.body).toContain('noindex')
    const tampered = await get(server.port, `${path.slice(0, -3)}xyz`)
    expect(tampered.status).toBe(403)
    expect(tampered.body).toContain('预览链接无效')
  })

  it('malicious rich text is neutralised on the page', async () => {
    const doc = await publish(ids.fgwNews, '恶意内容测试', {
      body: body(
        paragraph('<script>alert(1)</script>'),
        {
          type: 'paragraph',
          version: 1,
          children: [
            {
              type: 'link',
              version: 1,
              fields: { url: 'javascript:alert(2)', linkType: 'custom' },
              children: [{ type: 'text', text: '链接', format: 0, version: 1 }],
            },
          ],
        },
        { type: 'html', html: '<svg onload=alert(3)>' },
      ),
    })
    const reply = await fgw(`/gzdt/bdwdt/${doc.id}.html`)
    const article = reply.body.slice(reply.body.indexOf('<div class="article-body">'), reply.body.indexOf('</article>'))
    expect(article).toContain('&lt;script&gt;')
    expect(article).not.toMatch(/<script|javascript:|<svg|onload/i)
  })
})

describe('cache', () => {
  it('serves hits with the same ETag, 304 on revalidation, brotli and gzip variants', async () => {
    const first = await fgw('/tzgg/')
    const second = await fgw('/tzgg/', { 'accept-encoding': 'br' })
    expect(second.headers['content-encoding']).toBe('br')
    expect(second.headers.etag).toBe(first.headers.etag)
    expect((await fgw('/tzgg/', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip')
    const notModified = await fgw('/tzgg/', { 'if-none-match': String(first.headers.etag) })
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBe('')
    expect(first.headers['content-security-policy']).toContain("script-src 'self'")
    expect(sites.cache.keys()).toContain('fgw.yulin.gov.cn/tzgg/')
  })

  it('publishing, editing and withdrawing change the affected pages on the next request', async () => {
    // Warm the cache: column list, its parent list, the site home.
    await fgw('/gzdt/bdwdt/')
    await fgw('/gzdt/')
    await fgw('/')
    const doc = await publish(ids.fgwNews, '新发布的动态甲')
    for (const path of ['/gzdt/bdwdt/', '/gzdt/', '/']) expect((await fgw(path)).body, path).toContain('新发布的动态甲')
    const articlePath = `/gzdt/bdwdt/${doc.id}.html`
    expect((await fgw(articlePath)).body).toContain('新发布的动态甲')
    await payload.update({ collection: 'articles', id: doc.id, data: { title: '修改后的动态乙' } as never })
    for (const path of [articlePath, '/gzdt/bdwdt/', '/gzdt/', '/']) {
      const reply = await fgw(path)
      expect(reply.body, path).toContain('修改后的动态乙')
      expect(reply.body, path).not.toMatch(/>新发布的动态甲</)
    }
    await payload.update({ collection: 'articles', id: doc.id, data: { state: 'withdrawn', _status: 'draft' } as never })
    expect((await fgw(articlePath)).status).toBe(404)
    for (const path of ['/gzdt/bdwdt/', '/gzdt/', '/']) expect((await fgw(path)).body, path).not.toContain('修改后的动态乙')
  })

  it('a second process sharing the database picks up changes through the database poll', async () => {
    const other = await createPublicSites({ payload, background: false })
    const otherServer = await startSitesServer(other)
    await other.watcher.start()
    try {
      const doc = await publish(ids.fgwNews, '跨进程原标题')
      const path = `/gzdt/bdwdt/${doc.id}.html`
      expect((await get(otherServer.port, path, { host: 'fgw.yulin.gov.cn' })).body).toContain('跨进程原标题')
      expect(other.cache.keys()).toContain(`fgw.yulin.gov.cn${path}`)
      await payload.update({ collection: 'articles', id: doc.id, data: { title: '跨进程新标题' } as never })
      // The other process has no hook on this write; its cached page is stale until it polls.
      expect((await get(otherServer.port, path, { host: 'fgw.yulin.gov.cn' })).body).toContain('跨进程原标题')
      await other.watcher.pollNow()
      expect((await get(otherServer.port, path, { host: 'fgw.yulin.gov.cn' })).body).toContain('跨进程新标题')
    } finally {
      other.watcher.stop()
      await otherServer.close()
    }
  })

  it('serves theme assets immutable and refuses path traversal', async () => {
    const home = await fgw('/')
    const css = /href="(\/_theme\/department\/department\.[0-9a-f]+\.css)"/.exec(home.body)![1]
    const asset = await fgw(css)
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await fgw('/_theme/department/../../package.json')).status).toBe(400)
    expect((await fgw('/_theme/department/%2e%2e/%2e%2e/package.json')).status).toBe(400)
    expect((await fgw('/_theme/department/department.css')).status).toBe(404)
    const siteCss = /href="(\/_site\/fgw\.[0-9a-f]+\.css)"/.exec(home.body)![1]
    expect((await fgw(siteCss)).body).toMatch(/--primary:#[0-9a-fA-F]{6}/)
  })
})

describe('service guides', () => {
  it('flags guides missing elements and lists guides of all units on the portal', async () => {
    const fgwSite = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1 })).docs[0]
    const organization = fgwSite.organization as number
    const partial = await payload.create({
      collection: 'service-guides' as never,
      data: { title: '企业投资项目备案', organization, place: '市政务服务中心', _status: 'published', topics: ['business'] } as never,
    })
    expect((partial as { elementsComplete: boolean }).elementsComplete).toBe(false)
    expect((partial as { missingElements: string }).missingElements).toContain('设定依据')
    const complete = await payload.create({
      collection: 'service-guides' as never,
      data: {
        title: '价格认定',
        organization,
        legalBasis: '《价格认定规定》',
        conditions: '涉案财物',
        materials: '申请书\n证明材料',
        process: '受理\n认定\n出具结论',
        place: '市政务服务中心',
        hours: '工作日 9:00-17:00',
        phone: '0775-2800000',
        onlineUrl: 'https://zwfw.example.gov.cn/x',
        _status: 'published',
        topics: ['business'],
      } as never,
    })
    expect((complete as { elementsComplete: boolean }).elementsComplete).toBe(true)
    const fgwCatalogue = await fgw('/bsfw/')
    expect(fgwCatalogue.body).toContain('企业投资项目备案')
    expect(fgwCatalogue.body).toContain('价格认定')
    const portal = await get(server.port, '/s/www/bsfw/?by=topic')
    expect(portal.body).toContain('企业开办')
    expect(portal.body).toContain('价格认定')
    const guide = await fgw(`/bsfw/g${(complete as { id: number }).id}.html`)
    expect(guide.body).toContain('《价格认定规定》')
    expect(guide.body).toContain('<p>申请书</p><p>证明材料</p>')
    expect((await get(server.port, `/s/beiliu/bsfw/g${(complete as { id: number }).id}.html`)).status).toBe(404) // not a Beiliu guide
    expect((await fgw('/bsfw/?by=nonsense')).status).toBe(400)
  })
})

describe('visit statistics', () => {
  it('N requests to an article raise its count by N once the batch is flushed', async () => {
    const doc = await publish(ids.fgwNews, '计数文章')
    const path = `/gzdt/bdwdt/${doc.id}.html`
    const count = async () => {
      const rows = await payload.find({
        collection: 'page-views' as never,
        where: { and: [{ level: { equals: 'article' } }, { article: { equals: doc.id } }] } as never,
        pagination: false,
        depth: 0,
      })
      return (rows.docs as unknown as Array<{ count: number }>).reduce((sum, r) => sum + r.count, 0)
    }
    await sites.pageViews.flush()
    const before = await count()
    const n = 7
    for (let i = 0; i < n; i++) expect((await fgw(path)).status).toBe(200) // first a miss, then cache hits
    expect(await count()).toBe(before) // nothing written on the request path
    await sites.pageViews.flush()
    expect(await count()).toBe(before + n)
    for (let i = 0; i < 3; i++) await fgw(path)
    await sites.pageViews.flush()
    expect(await count()).toBe(before + n + 3)
  })

  it('the timer writes site and column counts every interval and article counts only once their longer interval has passed', async () => {
    const doc = await publish(ids.fgwNews, '文章计数间隔')
    const site = (doc as unknown as { site: number | { id: number } }).site
    const siteId = typeof site === 'object' ? site.id : site
    const counter = new PageViewCounter(payload, { flushIntervalMs: 60_000, articleFlushIntervalMs: 300, maxPending: 1000 })
    const rows = async (level: string, where: Record<string, unknown>) => {
      const found = await payload.find({
        collection: 'page-views' as never,
        where: { and: [{ instance: { equals: counter.instance } }, { level: { equals: level } }, where] } as never,
        pagination: false,
        depth: 0,
      })
      return (found.docs as unknown as Array<{ count: number }>).reduce((sum, r) => sum + r.count, 0)
    }
    for (let i = 0; i < 3; i++) counter.record({ siteId, columnId: ids.fgwNews, articleId: doc.id })
    await counter.flushDue()
    expect(await rows('site', { site: { equals: siteId } })).toBe(3)
    expect(await rows('column', { column: { equals: ids.fgwNews } })).toBe(3)
    expect(await rows('article', { article: { equals: doc.id } })).toBe(0) // kept, not lost
    counter.record({ siteId, columnId: ids.fgwNews, articleId: doc.id })
    await new Promise((resolve) => setTimeout(resolve, 350))
    await counter.flushDue()
    expect(await rows('article', { article: { equals: doc.id } })).toBe(4)
    expect(await rows('site', { site: { equals: siteId } })).toBe(4)
    await counter.stop()
  })

  it('the SQLite bulk write of a flush stores each row, refuses only the bad ones, and reads back through the Local API', async () => {
    const doc = await publish(ids.fgwNews, '批量计数文章')
    const siteId = (doc as unknown as { site: number | { id: number } }).site
    const site = typeof siteId === 'object' ? siteId.id : siteId
    const now = new Date().toISOString()
    const row = { day: now.slice(0, 10), level: 'article', site, column: ids.fgwNews, article: doc.id, instance: 'bulk-test', count: 5 }
    const first = writePageViewCounts(payload, [{ insert: row }, { insert: { ...row, article: 999_999_999 } }], now)
    if (payload.db.name !== 'sqlite') return expect(first).toBeUndefined() // one adapter transaction there
    expect(first!.map((o) => o.ok)).toEqual([true, false]) // the unknown article breaks its foreign key alone
    const id = (first![0] as { id: number }).id
    const second = writePageViewCounts(
      payload,
      [
        { id, count: 9 },
        { id: 999_999_999, count: 1 },
      ],
      now,
    )
    expect(second!.map((o) => o.ok)).toEqual([true, false]) // a row that is gone is reported, not created
    const stored = (await payload.findByID({ collection: 'page-views' as never, id, depth: 0 })) as unknown as {
      count: number
      article: number
      instance: string
    }
    expect([stored.count, stored.article, stored.instance]).toEqual([9, doc.id, 'bulk-test'])
  })

  it('a flush whose batch holds a view of an article deleted since still writes every other count, once', async () => {
    const keep = await publish(ids.fgwNews, '保留计数文章')
    const gone = await publish(ids.fgwNews, '删除计数文章')
    const siteId = (keep as unknown as { site: number | { id: number } }).site
    const site = typeof siteId === 'object' ? siteId.id : siteId
    const count = async (articleId: number | string) => {
      const rows = await payload.find({
        collection: 'page-views' as never,
        where: { and: [{ level: { equals: 'article' } }, { article: { equals: articleId } }] } as never,
        pagination: false,
        depth: 0,
      })
      return (rows.docs as unknown as Array<{ count: number }>).reduce((sum, r) => sum + r.count, 0)
    }
    await sites.pageViews.flush()
    const logged = vi.spyOn(console, 'error')
    for (let round = 1; round <= 2; round++) {
      // Round 1 creates the rows, round 2 updates them: both in one transaction per flush.
      sites.pageViews.record({ siteId: site, columnId: ids.fgwNews, articleId: keep.id })
      sites.pageViews.record({ siteId: site, columnId: ids.fgwNews, articleId: keep.id })
      if (round === 1) {
        sites.pageViews.record({ siteId: site, columnId: ids.fgwNews, articleId: gone.id })
        await payload.delete({ collection: 'articles', id: gone.id })
      }
      await sites.pageViews.flush()
      expect(await count(keep.id)).toBe(2 * round)
    }
    // The deleted article's count is dropped with one error, not retried on every later flush.
    expect(logged.mock.calls.filter((call) => String(call[0]).includes('page-view flush failed')).length).toBeLessThanOrEqual(1)
    logged.mockRestore()
  })
})
