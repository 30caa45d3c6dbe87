/** Media storage is chosen from the environment: local disk by default, @payloadcms/storage-s3 when S3_BUCKET is set. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Config, Plugin } from 'payload'
import { describe, expect, it } from 'vitest'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'
import { mediaStoragePlugin, s3SettingsFromEnv } from '../../src/storage'

const S3_ENV = { S3_BUCKET: 'media', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'cn-south-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }
const baseConfig = () => ({ collections: [{ slug: 'media', upload: { staticDir: 'data/media' }, fields: [] }] }) as unknown as Config

describe('media storage selection', () => {
  it('keeps media on disk without S3_BUCKET (an empty value counts as unset)', async () => {
    expect(s3SettingsFromEnv({})).toBeUndefined()
    expect(s3SettingsFromEnv({ S3_BUCKET: '' })).toBeUndefined()
    let loaded = false
    const config = baseConfig()
    const result = await mediaStoragePlugin({}, async () => ((loaded = true), () => (c: Config) => c))(config)
    // Only the S3 upload handler is named for the import map (see src/storage); the media collection is untouched.
    expect({ ...result, admin: undefined }).toEqual({ ...config, admin: undefined })
    expect(Object.keys(result.admin?.dependencies ?? {})).toEqual(['@payloadcms/storage-s3/client#S3ClientUploadHandler'])
    expect(loaded).toBe(false)
  })

  it('names the missing variables of a half-configured bucket instead of falling back to disk', async () => {
    expect(() => s3SettingsFromEnv({ S3_BUCKET: 'media', S3_ENDPOINT: 'http://minio:9000' })).toThrow('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are missing')
    await expect(mediaStoragePlugin({ S3_BUCKET: 'media' })(baseConfig())).rejects.toThrow(/S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are missing/)
  })

  it('applies storage-s3 to the media collection with the bucket, endpoint and keys from the environment', async () => {
    const calls: Array<Record<string, unknown>> = []
    const factory = (options: Record<string, unknown>): Plugin => {
      calls.push(options)
      return (config) => ({ ...config, custom: { storage: 's3' } })
    }
    const result = await mediaStoragePlugin(S3_ENV, async () => factory)(baseConfig())
    expect(result.custom).toEqual({ storage: 's3' })
    expect(calls).toEqual([
      {
        collections: { media: true },
        bucket: 'media',
        config: {
          endpoint: 'http://minio:9000',
          region: 'cn-south-1',
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        },
      },
    ])
  })

  it('payload.config.ts takes the storage from the environment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-storage-'))
    const script = `import('./payload.config.ts').then((m) => m.default).then((c) => { console.log(JSON.stringify({ staticDir: c.collections.find((x) => x.slug === 'media').upload.staticDir })); process.exit(0) }, (e) => { console.error(e.message); process.exit(3) })`
    const load = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', '-e', script], {
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URI: `file:${path.join(dir, 'x.db')}`,
          PAYLOAD_SECRET: 'storage-test',
          MEDIA_DIR: path.join(dir, 'media'),
          S3_BUCKET: '',
          ...extra,
        },
        timeout: 180_000,
      })
    const disk = load({})
    expect(disk.status, disk.stderr).toBe(0)
    expect(JSON.parse(disk.stdout.trim().split('\n').pop()!).staticDir).toBe(path.join(dir, 'media'))
    const s3 = load(S3_ENV)
    rmSync(dir, { recursive: true, force: true })
    expect(s3.status, s3.stderr).toBe(0)
  }, 400_000)
})
