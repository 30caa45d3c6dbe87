/**
 * The S3 switch needs no new admin build: whatever storage-s3 adds to the admin when S3_BUCKET is
 * set must already be named by the disk configuration, and so be in the generated import map.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { S3_CLIENT_HANDLER, mediaStoragePlugin } from '../../src/storage'

const S3_ENV = { S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }
const baseConfig = () => ({ collections: [{ slug: 'media', upload: { staticDir: 'data/media' }, fields: [] }] }) as unknown as Config
const adminPaths = (config: Config) => [
  ...Object.values(config.admin?.dependencies ?? {}).map((d) => d.path),
  ...(config.admin?.components?.providers ?? []).map((p) => (typeof p === 'string' ? p : (p as { path: string }).path)),
]

describe('S3 storage and the admin import map', () => {
  it('the real storage-s3 plugin is what S3_BUCKET applies, and it only adds the admin component the disk configuration already names', async () => {
    const withS3 = await mediaStoragePlugin(S3_ENV)(baseConfig())
    const onDisk = await mediaStoragePlugin({})(baseConfig())
    const added = [...new Set(adminPaths(withS3))]
    expect(added).toEqual([S3_CLIENT_HANDLER])
    for (const p of added) expect(adminPaths(onDisk), `${p} named without S3 too`).toContain(p)
    // The media collection got storage-s3's adapter hooks (file upload and deletion go to the bucket).
    const media = withS3.collections!.find((c) => c.slug === 'media')!
    expect(media.hooks?.afterDelete?.length).toBeGreaterThan(0)
    expect(onDisk.collections!.find((c) => c.slug === 'media')!.hooks?.afterDelete ?? []).toHaveLength(0)
  })

  it('the same handler name the plugin registers when it is switched off (the constant has not drifted)', () => {
    const config = s3Storage({ enabled: false, bucket: 'x', collections: { media: true }, config: {} })(baseConfig()) as Config
    expect(Object.keys(config.admin?.dependencies ?? {})).toEqual([S3_CLIENT_HANDLER])
  })

  it('the generated import map holds the S3 upload handler', () => {
    const importMap = readFileSync(path.resolve('src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap, 'run npm run generate:importmap').toContain(`"${S3_CLIENT_HANDLER}"`)
  })
})
