/**
 * An upload is private to its unit until a published document uses it (collections/media/visibility.ts):
 * the file URLs and the REST reads answer the public and other units only then.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startApiServer } from '../helpers/http'
import { bootPayload, DEMO_PASSWORD, userByEmail } from '../helpers/payload'

let payload: Payload
let api: { url: string; close: () => Promise<void> }
const auth: Record<string, string> = {}
type User = Awaited<ReturnType<typeof userByEmail>>
let editor: User
let reviewer: User

beforeAll(async () => {
  payload = await bootPayload('media-visibility', { seeded: true })
  api = await startApiServer()
  for (const email of ['editor@fgw.yulin.gov.cn', 'siteadmin@fgw.yulin.gov.cn', 'editor@rsj.yulin.gov.cn'])
    auth[email] = await login(api.url, email, DEMO_PASSWORD)
  editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
  reviewer = await userByEmail(payload, 'reviewer@fgw.yulin.gov.cn')
}, 240_000)
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
})

const as = (user: User) => ({ user, overrideAccess: false as const })
const get = (path: string, who?: string) => fetch(`${api.url}${path}`, { headers: who ? { authorization: auth[who] } : {} })

async function upload(name: string) {
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer()
  const doc = await payload.create({
    collection: 'media',
    data: { alt: '政策解读配图' },
    file: { data, mimetype: 'image/png', name, size: data.length },
    ...as(editor),
  })
  const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null }>)
    .map((s) => s.filename!)
    .filter(Boolean)
  return { id: doc.id, files: [doc.filename!, ...sizes] }
}

/** Status of every file URL of the upload, and whether a REST read by id finds it. */
async function seenBy(media: { id: number | string; files: string[] }, who?: string) {
  const files = await Promise.all(media.files.map(async (f) => (await get(`/api/media/file/${encodeURIComponent(f)}`, who)).status))
  const list = (await (await get(`/api/media?where[id][equals]=${media.id}&depth=0`, who)).json()) as { docs?: unknown[] }
  return { files, listed: list.docs?.length ?? 0 }
}
const hidden = (seen: { files: number[]; listed: number }) => seen.files.every((s) => s === 403 || s === 404) && seen.listed === 0
const visible = (seen: { files: number[]; listed: number }) => seen.files.every((s) => s === 200) && seen.listed === 1

describe('media visibility follows publication', () => {
  it('keeps a new upload, and the draft using it, to its own unit until a reviewer publishes the article', async () => {
    const media = await upload('draft-policy-figure.png')
    expect(media.files.length).toBeGreaterThan(1) // the original and its WebP sizes
    expect(hidden(await seenBy(media))).toBe(true)
    expect(hidden(await seenBy(media, 'editor@rsj.yulin.gov.cn'))).toBe(true)
    expect(visible(await seenBy(media, 'editor@fgw.yulin.gov.cn'))).toBe(true)

    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ 'site.code': { equals: 'fgw' } }, { category: { equals: 'news' } }] } as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: media.id, fields: null }],
      },
    }
    const article = await payload.create({
      collection: 'articles',
      data: { title: '图解：年度重点项目', column: column.id, cover: media.id, body } as never,
      draft: true,
      ...as(editor),
    })
    expect(hidden(await seenBy(media))).toBe(true)

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } as never, ...as(reviewer) })
    expect(visible(await seenBy(media))).toBe(true)
    expect(visible(await seenBy(media, 'editor@rsj.yulin.gov.cn'))).toBe(true)
    const stored = await payload.findByID({ collection: 'media', id: media.id, depth: 0, overrideAccess: true })
    expect(new Date(String(stored.publicFrom)).getTime()).toBeLessThanOrEqual(Date.now())
  })

  it('makes files embedded only in the rich text public too, and not a file the article does not use', async () => {
    const used = await upload('body-only.png')
    const unused = await upload('not-used.png')
    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ 'site.code': { equals: 'fgw' } }, { category: { equals: 'news' } }] } as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: used.id, fields: null }],
          },
        ],
      },
    }
    await payload.create({ collection: 'articles', data: { title: '正文插图测试', column: column.id, body, _status: 'published' } as never, ...as(reviewer) })
    expect(visible(await seenBy(used))).toBe(true)
    expect(hidden(await seenBy(unused))).toBe(true)
  })

  it('lets a site admin publish or withdraw a file by hand, but not an editor', async () => {
    const media = await upload('manual.png')
    const byEditor = await fetch(`${api.url}/api/media/${media.id}`, {
      method: 'PATCH',
      headers: { authorization: auth['editor@fgw.yulin.gov.cn'], 'content-type': 'application/json' },
      body: JSON.stringify({ publicFrom: new Date().toISOString() }),
    })
    expect(byEditor.status).toBe(403) // a field the user may not set is refused, naming it (src/access/request-guards.ts)
    expect(await byEditor.text()).toContain('publicFrom')
    expect(hidden(await seenBy(media))).toBe(true)
    const patch = (publicFrom: string | null) =>
      fetch(`${api.url}/api/media/${media.id}`, {
        method: 'PATCH',
        headers: { authorization: auth['siteadmin@fgw.yulin.gov.cn'], 'content-type': 'application/json' },
        body: JSON.stringify({ publicFrom }),
      })
    expect((await patch(new Date(Date.now() - 1000).toISOString())).status).toBe(200)
    expect(visible(await seenBy(media))).toBe(true)
    expect((await patch(null)).status).toBe(200)
    expect(hidden(await seenBy(media))).toBe(true)
    // A future time keeps it private until then.
    expect((await patch(new Date(Date.now() + 3_600_000).toISOString())).status).toBe(200)
    expect(hidden(await seenBy(media))).toBe(true)
  })

  it('makes a site logo public when it is set', async () => {
    const admin = await userByEmail(payload, 'admin@yulin.gov.cn')
    const data = await sharp({ create: { width: 400, height: 120, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer()
    const logo = await payload.create({
      collection: 'media',
      data: { alt: '发改委标志' },
      file: { data, mimetype: 'image/png', name: 'fgw-logo.png', size: data.length },
      ...as(admin),
    })
    expect(hidden(await seenBy({ id: logo.id, files: [logo.filename!] }))).toBe(true)
    const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    await payload.update({ collection: 'sites', id: site.id, data: { settings: { ...(site.settings as object), logo: logo.id } } as never, ...as(admin) })
    expect(visible(await seenBy({ id: logo.id, files: [logo.filename!] }))).toBe(true)
  })

  it("refuses another unit's unpublished file in an article (cover, attachment or body), so publishing cannot expose it", async () => {
    const rsjEditor = await userByEmail(payload, 'editor@rsj.yulin.gov.cn')
    const data = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .png()
      .toBuffer()
    const secret = await payload.create({
      collection: 'media',
      data: { alt: '人社局内部图' },
      file: { data, mimetype: 'image/png', name: 'rsj-internal.png', size: data.length },
      ...as(rsjEditor),
    })
    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ 'site.code': { equals: 'fgw' } }, { category: { equals: 'news' } }] } as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: secret.id, fields: null }],
      },
    }
    const post = (extra: Record<string, unknown>) =>
      fetch(`${api.url}/api/articles?draft=true`, {
        method: 'POST',
        headers: { authorization: auth['editor@fgw.yulin.gov.cn'], 'content-type': 'application/json' },
        body: JSON.stringify({ title: '引用他单位素材', column: column.id, ...extra }),
      })
    for (const extra of [{ cover: secret.id }, { attachments: [secret.id] }, { body }]) {
      const res = await post(extra)
      expect(res.status, JSON.stringify(Object.keys(extra))).toBe(403)
      expect(JSON.stringify(await res.json())).toContain('属于其他单位且尚未公开')
    }
    expect((await payload.count({ collection: 'articles', where: { title: { equals: '引用他单位素材' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect(hidden(await seenBy({ id: secret.id, files: [secret.filename!] }))).toBe(true)
    // Once rsj publishes it, anyone may use it.
    await payload.update({ collection: 'media', id: secret.id, data: { publicFrom: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
    expect((await post({ cover: secret.id })).status).toBe(201)
  })
})

/**
 * Issue 25: a file a reference made public is private again once no published document shows it
 * (logo, cover, attachment, body image; removed, withdrawn, deleted); one its unit published by
 * hand stays public. collections/media/visibility.ts, docs/security.md "Files".
 */
describe('media visibility follows the references back', () => {
  const fgwColumn = async () =>
    (
      await payload.find({
        collection: 'columns',
        where: { and: [{ 'site.code': { equals: 'fgw' } }, { category: { equals: 'news' } }] } as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
  const body = (id: number | string) => ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: id, fields: null }],
        },
      ],
    },
  })
  const publish = async (title: string, data: Record<string, unknown>) =>
    payload.create({ collection: 'articles', data: { title, column: (await fgwColumn()).id, _status: 'published', ...data } as never, ...as(reviewer) })

  it('a logo taken off makes its file private again, unless a published article still shows it', async () => {
    const admin = await userByEmail(payload, 'siteadmin@fgw.yulin.gov.cn')
    const logo = await upload('logo-then-removed.png')
    const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    const settings = site.settings as Record<string, unknown>
    await payload.update({ collection: 'sites', id: site.id, data: { settings: { ...settings, logo: logo.id } } as never, ...as(admin) })
    expect(visible(await seenBy(logo))).toBe(true)
    const article = await publish('标志也用在文章里', { cover: logo.id })
    await payload.update({ collection: 'sites', id: site.id, data: { settings: { ...settings, logo: null } } as never, ...as(admin) })
    expect(visible(await seenBy(logo)), 'the published article still shows it').toBe(true)
    await payload.delete({ collection: 'articles', id: article.id, ...as(reviewer) })
    expect(hidden(await seenBy(logo)), 'no published reference is left').toBe(true)
  })

  it('withdrawing, deleting or editing the article out makes a cover, an attachment and a body image private again', async () => {
    const cover = await upload('cover-withdrawn.png')
    const attachment = await upload('attachment-removed.png')
    const inBody = await upload('body-deleted.png')
    const a = await publish('封面撤回', { cover: cover.id })
    const b = await publish('附件移除', { attachments: [attachment.id] })
    const c = await publish('正文插图一', { body: body(inBody.id) })
    const d = await publish('正文插图二', { body: body(inBody.id) })
    for (const m of [cover, attachment, inBody]) expect(visible(await seenBy(m))).toBe(true)

    await payload.update({ collection: 'articles', id: a.id, data: { state: 'withdrawn' } as never, ...as(reviewer) })
    expect(hidden(await seenBy(cover)), 'withdrawn').toBe(true)
    await payload.update({ collection: 'articles', id: a.id, data: { _status: 'published', state: 'published' } as never, ...as(reviewer) })
    expect(visible(await seenBy(cover)), 'published again').toBe(true)

    // A draft of the live article without the file changes nothing public; publishing it does.
    await payload.update({ collection: 'articles', id: b.id, data: { attachments: [] } as never, draft: true, ...as(reviewer) })
    expect(visible(await seenBy(attachment)), 'a draft save leaves the live article as it was').toBe(true)
    await payload.update({ collection: 'articles', id: b.id, data: { attachments: [], _status: 'published' } as never, ...as(reviewer) })
    expect(hidden(await seenBy(attachment)), 'edited out of the live article').toBe(true)

    await payload.delete({ collection: 'articles', id: c.id, ...as(reviewer) })
    expect(visible(await seenBy(inBody)), 'another published article still embeds it').toBe(true)
    await payload.delete({ collection: 'articles', id: d.id, ...as(reviewer) })
    expect(hidden(await seenBy(inBody)), 'the last embedding article is gone').toBe(true)
  })

  it('a file its unit published by hand stays public when the references go', async () => {
    const media = await upload('published-by-hand.png')
    const res = await fetch(`${api.url}/api/media/${media.id}`, {
      method: 'PATCH',
      headers: { authorization: auth['siteadmin@fgw.yulin.gov.cn'], 'content-type': 'application/json' },
      body: JSON.stringify({ publicFrom: new Date(Date.now() - 1000).toISOString() }),
    })
    expect(res.status).toBe(200)
    const article = await publish('手动公开的文件', { cover: media.id })
    await payload.delete({ collection: 'articles', id: article.id, ...as(reviewer) })
    expect(visible(await seenBy(media))).toBe(true)
    // The flag is the server's: a client cannot claim it.
    const other = await upload('claims-by-hand.png')
    await fetch(`${api.url}/api/media/${other.id}`, {
      method: 'PATCH',
      headers: { authorization: auth['editor@fgw.yulin.gov.cn'], 'content-type': 'application/json' },
      body: JSON.stringify({ publishedByOwner: true }),
    })
    expect((await payload.findByID({ collection: 'media', id: other.id, depth: 0, overrideAccess: true })).publishedByOwner).toBeFalsy()
  })
})
