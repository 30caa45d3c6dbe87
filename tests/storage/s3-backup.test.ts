/**
 * Backups with media on S3: `npm run backup` copies the database, not the bucket (the bucket is
 * protected by the store itself, docs/operations.md "Media on S3"). The manifest says so, the
 * archive holds no media, and a restored database finds every file it names still in the bucket.
 * Runs against s3rver in this process, or the store named by S3_TEST_ENDPOINT (see tests/backup/s3-storage.test.ts).
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import Database from 'better-sqlite3'
import type { Payload } from 'payload'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectionTables, createBackup, locationsFromEnv, restoreBackup } from '../../src/backup'
import { sqliteFile } from '../../src/db/bulk-sqlite'
import { testDatabaseKind } from '../helpers/database'
import { bootPayload, userByEmail } from '../helpers/payload'

const sqlite = testDatabaseKind() === 'sqlite'
if (!sqlite) console.warn('[storage] S3 backup test skipped: it restores a SQLite backup (TEST_DATABASE_URI points elsewhere)')

const work = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-s3-backup-'))
let payload: Payload
let s3rver: S3rver | undefined
let client: S3Client
let bucket: string

beforeAll(async () => {
  if (!sqlite) return
  if (process.env.S3_TEST_ENDPOINT) {
    bucket = process.env.S3_TEST_BUCKET ?? 'sitegroup-test'
    Object.assign(process.env, {
      S3_ENDPOINT: process.env.S3_TEST_ENDPOINT,
      S3_ACCESS_KEY_ID: process.env.S3_TEST_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: process.env.S3_TEST_SECRET_ACCESS_KEY,
    })
  } else {
    bucket = 'media'
    s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(work, 's3'), configureBuckets: [{ name: bucket, configs: [] }] })
    const { port } = await s3rver.run()
    Object.assign(process.env, { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
  }
  Object.assign(process.env, { S3_BUCKET: bucket, S3_REGION: 'us-east-1', MEDIA_DIR: path.join(work, 'unused-media') })
  client = new S3Client({
    endpoint: process.env.S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! },
  })
  payload = await bootPayload('s3-backup', { seeded: true })
}, 240_000)
afterAll(async () => {
  await payload?.destroy()
  await s3rver?.close()
})

const keys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!)

describe.skipIf(!sqlite)('backup and restore with media on S3', () => {
  it('records that the bucket is not copied, and the restored database finds its files in the bucket', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const input = await sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 160, g: 40, b: 40 } } })
      .png()
      .toBuffer()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: '备份测试图片' },
      file: { data: input, mimetype: 'image/png', name: 's3-backup.png', size: input.length },
      user: editor,
      overrideAccess: false,
    })

    const locations = locationsFromEnv()
    expect(locations.mediaDir, 'S3 media have no local directory to back up').toBeUndefined()
    const out = path.join(work, 'backup')
    const { manifest } = await createBackup({ locations, tables: collectionTables(payload.config), out })
    expect(manifest.media).toMatchObject({ included: false, files: 0 })
    expect(manifest.media.reason).toMatch(/S3 bucket.*versioning/)
    expect(readdirSync(out)).not.toContain('media')

    // Restore into a new database location; the bucket is the same store.
    const restoredUri = `file:${path.join(work, 'restored', 'sitegroup.db')}`
    await restoreBackup({ source: out, locations: locationsFromEnv({ ...process.env, DATABASE_URI: restoredUri }) })
    const db = new Database(sqliteFile(restoredUri), { readonly: true })
    const row = db.prepare('SELECT * FROM media WHERE id = ?').get(doc.id) as Record<string, string | null>
    db.close()
    expect(row.filename).toBe(doc.filename)
    const named = Object.entries(row)
      .filter(([column, value]) => (column === 'filename' || /^sizes_.*_filename$/.test(column)) && value)
      .map(([, value]) => value!)
    expect(named.length).toBeGreaterThan(1) // the original and its WebP sizes
    const stored = await keys()
    for (const file of named) expect(stored, `${file} still in the bucket`).toContain(file)
    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
  }, 240_000)
})
