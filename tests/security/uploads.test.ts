/**
 * Hostile uploads through the media collection (Local API as the admin uses it) and how stored
 * files are served back over HTTP: polyglots, appended HTML, script-carrying SVG, pixel bombs,
 * mismatched extensions, oversized files and path-like names — refused or neutralised, and a
 * refusal stores nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userByEmail } from '../helpers/payload'
import { bootSecurityServer, raw, type SecurityServer } from './server'

let server: SecurityServer
let editor: Awaited<ReturnType<typeof userByEmail>>
beforeAll(async () => {
  server = await bootSecurityServer('security-uploads')
  editor = await userByEmail(server.payload, 'editor@fgw.yulin.gov.cn')
})
afterAll(async () => server?.close())

const mediaDir = () => server.payload.collections.media.config.upload.staticDir!
const files = () => readdirSync(mediaDir()).sort()
const upload = (name: string, data: Buffer, mimetype = 'image/png', alt = '测试图片') =>
  server.payload.create({ collection: 'media', data: { alt }, file: { data, mimetype, name, size: data.length }, user: editor, overrideAccess: false })
/** How the public gets the file once a published document uses it (collections/media/visibility.ts). */
async function servedPublicly(doc: { id: number | string; filename?: string | null }) {
  await server.payload.update({
    collection: 'media',
    id: doc.id,
    data: { publicFrom: new Date(Date.now() - 1000).toISOString() } as never,
    overrideAccess: true,
  })
  return raw(server.port, 'GET', `/api/media/file/${encodeURIComponent(doc.filename!)}`)
}
const count = async () => (await server.payload.count({ collection: 'media', overrideAccess: true })).totalDocs

const png = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer()

/** A valid PNG whose header claims other dimensions (the CRC fixed, so decoders believe it). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const data = Buffer.from(await png(8, 8))
  data.writeUInt32BE(width, 16)
  data.writeUInt32BE(height, 20)
  data.writeUInt32BE(crc32(data.subarray(12, 29)) >>> 0, 29)
  return data
}

/** Refused with a message in the admin's language, and nothing stored: no document, no file. */
async function expectRefused(attempt: () => Promise<unknown>, message: RegExp) {
  const docs = await count()
  const before = files()
  await expect(attempt()).rejects.toThrow(message)
  expect(await count()).toBe(docs)
  expect(files()).toEqual(before)
}

describe('upload type is decided by content', () => {
  it('refuses an extension that does not match the content, both ways', async () => {
    const image = await png()
    await expectRefused(() => upload('report.pdf', image, 'application/pdf'), /扩展名 \.pdf 与内容不符/)
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    await expectRefused(() => upload('photo.png', pdf, 'image/png'), /扩展名 \.png 与内容不符|不允许上传/)
  })

  it('refuses HTML, script and executables whatever they are called', async () => {
    await expectRefused(() => upload('page.png', Buffer.from('<!doctype html><script>alert(1)</script>'), 'image/png'), /无法从内容识别/)
    await expectRefused(() => upload('page.html', Buffer.from('<html><body onload=alert(1)>'), 'text/html'), /无法从内容识别/)
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200), Buffer.from('PE\0\0')])
    await expectRefused(() => upload('setup.jpg', exe, 'image/jpeg'), /不允许上传|无法从内容识别|扩展名/)
  })

  it('neutralises a PNG with HTML appended: the stored file is a clean re-encoded picture', async () => {
    const payloadHtml = '<html><script>alert(document.cookie)</script></html>'
    const polyglot = Buffer.concat([await png(), Buffer.from(payloadHtml)])
    const doc = await upload('notice.png', polyglot)
    const stored = readFileSync(path.join(mediaDir(), doc.filename!))
    expect(stored.includes(Buffer.from('<script'))).toBe(false)
    expect((await sharp(stored).metadata()).format).toBe('png')
    const served = await servedPublicly(doc)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
  })

  it('neutralises or refuses a GIF/JavaScript polyglot', async () => {
    // "GIF89a/*" opens a JS comment; the image data closes it and a statement follows.
    const gif = Buffer.from(
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer(),
    )
    const polyglot = Buffer.concat([Buffer.from('GIF89a/*'), gif.subarray(8), Buffer.from('*/=alert(document.domain);//')])
    const docs = await count()
    const outcome = await upload('banner.gif', polyglot, 'image/gif').then(
      (doc) => ({ doc }),
      (error: Error) => ({ error }),
    )
    if ('error' in outcome) {
      expect(outcome.error.message).toMatch(/损坏|尺寸过大/)
      expect(await count()).toBe(docs)
    } else {
      const stored = readFileSync(path.join(mediaDir(), outcome.doc.filename!))
      expect(stored.includes(Buffer.from('alert('))).toBe(false)
      expect(stored.subarray(0, 8).toString('latin1')).not.toBe('GIF89a/*')
    }
  })
})

describe('SVG', () => {
  it('stores a script-carrying SVG sanitised and serves it as a sandboxed download', async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(document.cookie)</script><a xlink:href="javascript:alert(2)"><rect width="10" height="10" fill="#c00" onclick="alert(3)"/></a>
<foreignObject><iframe src="javascript:alert(4)"></iframe></foreignObject><circle cx="5" cy="5" r="2"/></svg>`
    const doc = await upload('logo.svg', Buffer.from(svg), 'image/svg+xml', '玉林市徽标')
    const stored = readFileSync(path.join(mediaDir(), doc.filename!), 'utf8')
    expect(stored).toContain('<circle')
    expect(stored).toContain('viewBox')
    expect(stored).not.toMatch(/<script|onload|onclick|javascript:|foreignObject|iframe/i)
    const served = await servedPublicly(doc)
    expect(served.status).toBe(200)
    expect(served.headers['content-disposition']).toMatch(/^attachment/)
    expect(served.headers['content-security-policy']).toMatch(/sandbox/)
    expect(served.headers['content-security-policy']).toMatch(/default-src 'none'/)
  })

  it('refuses SVG with entity definitions (XML bombs, external entities)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`
    await expectRefused(() => upload('bomb.svg', Buffer.from(bomb), 'image/svg+xml'), /SVG 文件无法安全处理/)
  })
})

describe('size and dimension limits', () => {
  it('refuses a 50,000 × 50,000 PNG bomb from its header, before decoding', async () => {
    const bomb = await pngClaiming(50_000, 50_000)
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(50_000)
    const started = Date.now()
    await expectRefused(() => upload('bomb.png', bomb), /图片尺寸过大（50000×50000）/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('refuses an image over 10 MB and names the limit', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(10 * 1024 * 1024 + 1)])
    await expectRefused(() => upload('huge.png', big), /上限为 10 MB/)
  })

  it('answers an upload request larger than any allowed file with 413 before reading it', async () => {
    const reply = await raw(
      server.port,
      'POST',
      '/api/media',
      { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * 1024 * 1024) },
      '',
    )
    expect(reply.status).toBe(413)
  })
})

describe('file names', () => {
  it('keeps only the last segment of a path-like name and stores inside the media folder', async () => {
    const doc = await upload('../../etc/passwd.png', await png())
    expect(doc.filename).toMatch(/^passwd(-\d+)?\.png$/)
    expect(files()).toContain(doc.filename)
    const encoded = await upload('..%2f..%2fboot.png', await png())
    expect(encoded.filename).not.toMatch(/\/|\\|\.\.|%/)
    const served = await servedPublicly(encoded)
    expect(served.status).toBe(200)
  })

  it('normalises Unicode to NFC, drops control and bidi characters, keeps Chinese, caps the length', async () => {
    const decomposed = '玉林市政务中心e\u0301'.normalize('NFD')
    const doc = await upload(`${decomposed}\u0007\u202e 大厅.PNG`, await png())
    expect(doc.filename).toBe('玉林市政务中心é 大厅.png')
    const long = await upload(`${'长'.repeat(300)}.png`, await png())
    expect(Array.from(long.filename!).length).toBeLessThanOrEqual(120)
    expect(Buffer.byteLength(long.filename!)).toBeLessThanOrEqual(180)
    expect(long.filename!.endsWith('.png')).toBe(true)
  })
})
