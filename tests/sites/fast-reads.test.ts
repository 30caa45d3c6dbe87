/**
 * The public pages' adapter-level reads (src/sites/fast-reads.ts) against the Local API they
 * replace: the same pages must come out byte for byte, and nothing unpublished may slip through.
 */
import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setPublicReadPath, publicReadPath, type PublicSites } from '../../src/sites/index'
import { body, bootSites, get, paragraph, type TestServer } from './boot'

let payload: Payload
let sites: PublicSites
let server: TestServer
const ids: Record<string, number> = {}

const uploadNode = (id: number) => ({ type: 'upload', version: 3, relationTo: 'media', value: id, fields: null, format: '', id: `u${id}` })

async function columnId(siteCode: string, path: string): Promise<number> {
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: siteCode } }, depth: 0, limit: 1 })).docs[0]
  const found = (await payload.find({ collection: 'columns', where: { and: [{ site: { equals: site.id } }, { path: { equals: path } }] }, depth: 0, limit: 1 }))
    .docs[0]
  if (!found) throw new Error(`column ${siteCode}/${path} not found`)
  return found.id as number
}

async function publish(column: number, title: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'articles',
    data: { title, column, state: 'published', _status: 'published', body: body(paragraph(`${title}正文`)), ...extra } as never,
    depth: 0,
  })
}

async function image(alt: string) {
  const data = await sharp({ create: { width: 1400, height: 700, channels: 3, background: '#1f4e8c' } })
    .png()
    .toBuffer()
  return payload.create({ collection: 'media', data: { alt } as never, file: { data, mimetype: 'image/png', name: `${alt}.png`, size: data.length }, depth: 0 })
}

const fgw = (path: string) => get(server.port, path, { host: 'fgw.yulin.gov.cn' })
/** The portal's visit counter grows with every page served; everything else must be identical. */
const comparable = (html: string) => html.replace(/站群累计访问量：<strong>\d+<\/strong>/, '')

async function bothPaths(host: string, path: string) {
  setPublicReadPath(payload, 'local-api')
  const reference = await get(server.port, path, { host })
  setPublicReadPath(payload, 'adapter')
  const fast = await get(server.port, path, { host })
  return { reference, fast }
}

beforeAll(async () => {
  // Cache off: every request below reads the database, as in the uncached benchmark.
  ;({ payload, sites, server } = await bootSites('sites-fast-reads', { cache: { enabled: false } }))
  ids.news = await columnId('fgw', 'gzdt/bdwdt')
  const cover = await image('封面图片')
  const inline = await image('正文图片')
  const attachment = await image('附件图片')
  ids.cover = cover.id as number
  const article = await publish(ids.news, '带图片和附件的文章', {
    cover: cover.id,
    attachments: [attachment.id],
    body: body(paragraph('正文第一段'), uploadNode(inline.id as number)),
    summary: '摘要',
  })
  ids.illustrated = article.id as number
}, 600_000)
afterAll(async () => {
  await server?.close()
  await sites?.close()
  await payload?.destroy()
})

describe('fast reads', () => {
  it('are the default read path and can be switched back to the Local API', () => {
    expect(publicReadPath(payload)).toBe('adapter')
    setPublicReadPath(payload, 'local-api')
    expect(publicReadPath(payload)).toBe('local-api')
    setPublicReadPath(payload, 'adapter')
    expect(() => setPublicReadPath(payload, 'raw-sql' as never)).toThrow(/local-api/)
  })

  it('render the same HTML as the Local API for a sample of pages', async () => {
    const column = await fgw('/gzdt/')
    const listed = [...column.body.matchAll(/href="(\/gzdt\/[a-z/]+\/\d+\.html)"/g)].map((m) => m[1]).slice(0, 3)
    expect(listed.length).toBe(3)
    const pages: Array<[string, string]> = [
      ['www.yulin.gov.cn', '/'],
      ['fgw.yulin.gov.cn', '/'],
      ['www.beiliu.gov.cn', '/'],
      ['fgw.yulin.gov.cn', '/gzdt/'],
      ...(column.body.includes('/gzdt/?page=2') ? [['fgw.yulin.gov.cn', '/gzdt/?page=2'] as [string, string]] : []),
      ['fgw.yulin.gov.cn', '/gzdt/bdwdt/'],
      ['fgw.yulin.gov.cn', '/gkml/'],
      ['fgw.yulin.gov.cn', '/gzdt/rss.xml'],
      ['fgw.yulin.gov.cn', '/sitemap.xml'],
      ['fgw.yulin.gov.cn', `/gzdt/bdwdt/${ids.illustrated}.html`],
      ...listed.map((path): [string, string] => ['fgw.yulin.gov.cn', path]),
    ]
    for (const [host, path] of pages) {
      const { reference, fast } = await bothPaths(host, path)
      expect(reference.status, `${host}${path}`).toBe(200)
      expect(fast.status, `${host}${path}`).toBe(200)
      expect(comparable(fast.body), `${host}${path}`).toBe(comparable(reference.body))
    }
  })

  it('compute media URLs (original and sharp sizes) exactly as the Local API does', async () => {
    const { reference, fast } = await bothPaths('fgw.yulin.gov.cn', `/gzdt/bdwdt/${ids.illustrated}.html`)
    expect(fast.body).toBe(reference.body)
    // Cover, inline image and attachment all resolved: srcset with the WebP sizes, a file link.
    expect(fast.body).toMatch(/<source[^>]+type="image\/webp"[^>]+srcset="[^"]*\/api\/media\/file\/[^" ]+-320x\d+\.webp 320w/)
    expect(fast.body).toContain('alt="正文图片"')
    expect(fast.body).toMatch(/href="[^"]*\/api\/media\/file\/附件图片[^"]*\.png"|href="[^"]*\/api\/media\/file\/%E9%99%84%E4%BB%B6[^"]*\.png"/)
    const local = await payload.findByID({ collection: 'media', id: ids.cover, depth: 0 })
    expect(local.url).toBeTruthy()
    expect(fast.body).toContain(String(local.url))
  })

  it('never show drafts, withdrawn or not-yet-due articles', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: '快速读取草稿', column: ids.news, state: 'draft', body: body(paragraph('x')) } as never,
      depth: 0,
    })
    const scheduled = await publish(ids.news, '快速读取定时', { publishedAt: new Date(Date.now() + 86_400_000).toISOString() })
    const withdrawn = await publish(ids.news, '快速读取撤回')
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { state: 'withdrawn', _status: 'draft' } as never })
    const stateOnly = await publish(ids.news, '快速读取仅状态撤回')
    await payload.update({ collection: 'articles', id: stateOnly.id, data: { state: 'withdrawn' } as never })
    const visible = await publish(ids.news, '快速读取已发布')
    for (const path of ['local-api', 'adapter'] as const) {
      setPublicReadPath(payload, path)
      const list = (await fgw('/gzdt/bdwdt/')).body
      expect(list, path).toContain('快速读取已发布')
      for (const [name, doc] of Object.entries({ draft, scheduled, withdrawn, stateOnly })) {
        expect((await fgw(`/gzdt/bdwdt/${doc.id}.html`)).status, `${path} ${name}`).toBe(404)
        expect(list, `${path} ${name}`).not.toContain(`/${doc.id}.html`)
      }
      expect((await fgw(`/gzdt/bdwdt/${visible.id}.html`)).status, path).toBe(200)
    }
    setPublicReadPath(payload, 'adapter')
  })

  it('show a published article, not the draft saved on top of it', async () => {
    const doc = await publish(ids.news, '快速读取已发布版本')
    await payload.update({ collection: 'articles', id: doc.id, draft: true, data: { title: '快速读取未发布的修改' } as never })
    const page = await fgw(`/gzdt/bdwdt/${doc.id}.html`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('快速读取已发布版本')
    expect(page.body).not.toContain('快速读取未发布的修改')
  })

  it('show an edit on the next uncached request, in the article and in its lists', async () => {
    const doc = await publish(ids.news, '快速读取修改前', { body: body(paragraph('正文不含标题')) })
    expect((await fgw(`/gzdt/bdwdt/${doc.id}.html`)).body).toContain('快速读取修改前')
    await payload.update({ collection: 'articles', id: doc.id, data: { title: '快速读取修改后' } as never })
    const [article, list, parent] = await Promise.all([fgw(`/gzdt/bdwdt/${doc.id}.html`), fgw('/gzdt/bdwdt/'), fgw('/gzdt/')])
    for (const [name, reply] of Object.entries({ article, list, parent })) {
      expect(reply.body, name).toContain('快速读取修改后')
      const stale = reply.body.indexOf('快速读取修改前')
      expect(stale === -1 ? '' : reply.body.slice(stale - 200, stale + 50), name).toBe('')
    }
  })
})
