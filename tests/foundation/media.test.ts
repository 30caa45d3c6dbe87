import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, userByEmail } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await bootPayload('media', { seeded: true })
})
afterAll(async () => payload?.destroy())

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 180, g: 40, b: 30 } } })
    .jpeg()
    .withMetadata({
      exif: { IFD0: { Make: 'SpyCam', Model: 'X1', ImageDescription: '玉林市民安镇' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 38/1 0/1' } },
    })
    .toBuffer()
}

describe('media', () => {
  it('writes WebP derivatives in three sizes and strips EXIF/GPS from every stored file', async () => {
    const input = await photoWithGps()
    expect((await sharp(input).metadata()).exif).toBeTruthy()
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const doc = await payload.create({
      collection: 'media',
      data: { alt: '玉林市政务服务中心大厅' },
      file: { data: input, mimetype: 'image/jpeg', name: 'photo.jpg', size: input.length },
      user: editor,
      overrideAccess: false,
    })
    expect((doc.organization as { id: unknown }).id ?? doc.organization).toBe(editor.organization)
    const sizes = doc.sizes as Record<string, { filename: string; width: number; mimeType: string }>
    expect(Object.keys(sizes).sort()).toEqual(['card', 'feature', 'thumbnail'])
    expect(sizes.thumbnail.width).toBe(320)
    expect(sizes.feature.mimeType).toBe('image/webp')
    const dir = payload.collections.media.config.upload.staticDir!
    for (const filename of [doc.filename!, ...Object.values(sizes).map((s) => s.filename)]) {
      const meta = await sharp(readFileSync(path.resolve(dir, filename))).metadata()
      expect(meta.exif, `${filename} keeps no EXIF`).toBeUndefined()
    }
  })

  it('refuses an image without alt text and uploads for another unit', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const input = await photoWithGps()
    await expect(
      payload.create({
        collection: 'media',
        data: {},
        file: { data: input, mimetype: 'image/jpeg', name: 'x.jpg', size: input.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/图片必须填写替代文本/)
    const rsj = (await payload.find({ collection: 'sites', where: { code: { equals: 'rsj' } }, limit: 1, overrideAccess: true })).docs[0]
    await expect(
      payload.create({
        collection: 'media',
        data: { alt: 'x', site: rsj.id },
        file: { data: input, mimetype: 'image/jpeg', name: 'y.jpg', size: input.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/素材只能归属本单位的网站/)
    expect((await payload.count({ collection: 'media', where: { filename: { in: ['x.jpg', 'y.jpg'] } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
