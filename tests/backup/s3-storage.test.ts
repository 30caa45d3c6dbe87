/**
 * Media on an S3-compatible store for real: @payloadcms/storage-s3 against s3rver (an S3 API server
 * in this process, storing on a temp directory), or against the store named by S3_TEST_ENDPOINT
 * (+ S3_TEST_BUCKET, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY) where one runs, e.g. MinIO.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer } from '../helpers/http'
import { bootPayload, userByEmail } from '../helpers/payload'

let payload: Payload
let api: { url: string; close: () => Promise<void> }
let s3rver: S3rver | undefined
let client: S3Client
let bucket: string
const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-s3-local-'))

beforeAll(async () => {
  if (process.env.S3_TEST_ENDPOINT) {
    bucket = process.env.S3_TEST_BUCKET ?? 'sitegroup-test'
    process.env.S3_ENDPOINT = process.env.S3_TEST_ENDPOINT
    process.env.S3_ACCESS_KEY_ID = process.env.S3_TEST_ACCESS_KEY_ID
    process.env.S3_SECRET_ACCESS_KEY = process.env.S3_TEST_SECRET_ACCESS_KEY
  } else {
    bucket = 'media'
    s3rver = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: mkdtempSync(path.join(os.tmpdir(), 'sitegroup-s3-')),
      configureBuckets: [{ name: bucket, configs: [] }],
    })
    const { port } = await s3rver.run()
    // s3rver accepts any key pair signed as S3RVER/S3RVER.
    Object.assign(process.env, { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
  }
  Object.assign(process.env, { S3_BUCKET: bucket, S3_REGION: 'us-east-1', MEDIA_DIR: mediaDir })
  client = new S3Client({
    endpoint: process.env.S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! },
  })
  payload = await bootPayload('s3-storage', { seeded: true })
  api = await startApiServer()
}, 240_000)
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
  await s3rver?.close()
})

const keys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!)

describe('media on S3 (@payloadcms/storage-s3)', () => {
  it('stores an upload and its WebP sizes in the bucket, serves it, and removes them with the document', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const input = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: '玉林市政务服务中心' },
      file: { data: input, mimetype: 'image/jpeg', name: 's3-photo.jpg', size: input.length },
      user: editor,
      overrideAccess: false,
    })
    // Sizes wider than the original are not generated (no enlargement): 1,200 px gives two.
    const files = [doc.filename!, ...Object.values(doc.sizes as Record<string, { filename: string | null }>).flatMap((s) => (s.filename ? [s.filename] : []))]
    expect(files).toHaveLength(3)

    const stored = await keys()
    for (const file of files) expect(stored, `${file} in the bucket`).toContain(file)
    // Nothing on the local disk: the bucket is the only copy.
    expect(existsSync(mediaDir) ? readdirSync(mediaDir).filter((f) => files.includes(f)) : []).toEqual([])
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: doc.filename! }))
    const bytes = Buffer.from(await object.Body!.transformToByteArray())
    expect((await sharp(bytes).metadata()).width).toBe(1200)

    // Served through Payload's file route (access control applies: private until published), from the bucket.
    expect((await fetch(`${api.url}/api/media/file/${encodeURIComponent(doc.filename!)}`)).status).toBe(403)
    await payload.update({ collection: 'media', id: doc.id, data: { publicFrom: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
    const served = await fetch(`${api.url}/api/media/file/${encodeURIComponent(doc.filename!)}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)

    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
    const left = await keys()
    for (const file of files) expect(left, `${file} removed from the bucket`).not.toContain(file)
    // Gone: no document names the file any more, so the public gets the same 403 as for a private file (existence is not told).
    expect((await fetch(`${api.url}/api/media/file/${encodeURIComponent(doc.filename!)}`)).status).toBe(403)
  })

  it('a refused upload leaves nothing in the bucket', async () => {
    const before = await keys()
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const input = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
    await expect(
      payload.create({
        collection: 'media',
        data: {},
        file: { data: input, mimetype: 'image/png', name: 'no-alt.png', size: input.length },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/替代文本/)
    expect(await keys()).toEqual(before)
    // A stray object cleaned by the test itself, so re-runs against a shared bucket start clean.
    for (const key of (await keys()).filter((k) => k.startsWith('no-alt'))) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
  })
})
