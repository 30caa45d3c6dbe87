/**
 * Seed, back up while an editor keeps publishing in another process, wipe, restore into a fresh
 * location, boot Payload on it and compare every collection (documents and versions), every
 * global and every media file byte for byte.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BackupError, locationsFromEnv, readManifest, restoreBackup, type Manifest } from '../../src/backup'
import { sqliteFile } from '../../src/db/bulk-sqlite'
import { EmbeddedSearchEngine, searchIndexerFor } from '../../src/search'
import { systemClock, submitLetter } from '../../src/interaction'
import { bootPayload } from '../helpers/payload'
import { dumpDatabase, type DatabaseDump } from './dump'
import { LineProcess, runTs } from './processes'

const work = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-backup-test-'))
let payload: Payload
let source: { databaseFile: string; mediaDir: string; searchIndexFile: string }
let sourceDump: DatabaseDump
let sourceMedia: Map<string, Buffer>
let sourceIndexCount: number
let writerStartedAt: string
let backupStartedAt: string
/** Whether the database adapter runs each save in a transaction (see the consistency test). */
let atomicWrites = false
let ackedBeforeBackup = 0
let ackedTotal = 0
const archiveA = path.join(work, 'backups', 'during-writes.tar.gz')
const directoryB = path.join(work, 'backups', 'quiet')

// Child processes do not push the dev schema: this process pushed it already, and a second
// push from another process races on SQLite (drizzle recreates indexes that exist).
const env = (overrides: Record<string, string> = {}) => ({ ...process.env, JOBS_AUTORUN: 'false', PAYLOAD_MIGRATING: 'true', ...overrides })
const fresh = (name: string) => {
  const dir = path.join(work, name)
  return {
    dir,
    env: env({
      DATABASE_URI: `file:${path.join(dir, 'sitegroup.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      SEARCH_INDEX_PATH: path.join(dir, 'search', 'index.db'),
    }),
  }
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort()
    : []

async function dumpOf(envFor: NodeJS.ProcessEnv): Promise<DatabaseDump> {
  const out = path.join(work, `dump-${Date.now()}.json`)
  const run = await runTs('tests/backup/dump-cli.ts', [out], envFor)
  expect(run.code, run.stderr.slice(-2000)).toBe(0)
  return JSON.parse(readFileSync(out, 'utf8')) as DatabaseDump
}

beforeAll(async () => {
  payload = await bootPayload('backup', { seeded: true })
  atomicWrites = Boolean((payload.db as unknown as { transactionOptions?: unknown }).transactionOptions)
  source = {
    databaseFile: sqliteFile(process.env.DATABASE_URI!),
    mediaDir: path.resolve(process.env.MEDIA_DIR!),
    searchIndexFile: path.resolve(process.env.SEARCH_INDEX_PATH!),
  }
  // Media: three images, each stored with its WebP derivatives.
  for (const [i, colour] of [
    [1, { r: 200, g: 30, b: 30 }],
    [2, { r: 30, g: 160, b: 60 }],
    [3, { r: 20, g: 40, b: 180 }],
  ] as const) {
    const data = await sharp({ create: { width: 900 + i * 50, height: 600, channels: 3, background: colour } })
      .png()
      .toBuffer()
    await payload.create({
      collection: 'media',
      data: { alt: `备份测试图片${i}` },
      file: { data, mimetype: 'image/png', name: `backup-${i}.png`, size: data.length },
      overrideAccess: true,
    })
  }
  // Letters through the public path (query code, deadline, history).
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
  const organization = typeof site.organization === 'object' ? (site.organization as { id: number }).id : site.organization
  for (let i = 1; i <= 3; i++) {
    await submitLetter(payload, {
      submission: {
        subject: `备份测试来信${i}`,
        category: 'consultation',
        content: `关于备份测试的第${i}封来信，内容足够长以通过校验。`,
        name: '张三',
        phone: '13877500000',
        publishable: true,
      } as never,
      route: 'site',
      siteId: site.id,
      organizationId: organization as number,
      clock: systemClock,
    })
  }
  // Article versions: edits and a draft on top of published articles.
  const articles = (await payload.find({ collection: 'articles', limit: 3, depth: 0, sort: 'id', overrideAccess: true })).docs
  for (const article of articles) {
    await payload.update({ collection: 'articles', id: article.id, data: { title: `${article.title}（修订）` } as never, overrideAccess: true })
    await payload.update({ collection: 'articles', id: article.id, data: { title: `${article.title}（草稿）` } as never, draft: true, overrideAccess: true })
  }
  await searchIndexerFor(payload).reconcile()
}, 600_000)

afterAll(async () => {
  await payload?.destroy().catch(() => {})
  rmSync(work, { recursive: true, force: true })
})

describe('backup while writing, wipe, restore', () => {
  it('backs up while another process keeps publishing; the archive has a manifest with counts and checksums', async () => {
    writerStartedAt = new Date().toISOString()
    const writer = new LineProcess('tests/backup/writer.ts', env())
    let backup: Awaited<ReturnType<typeof runTs>> | undefined
    try {
      await writer.waitFor((l) => l === 'acked 5', 240_000)
      ackedBeforeBackup = writer.acked()
      backupStartedAt = new Date().toISOString()
      backup = await runTs('scripts/backup.ts', ['--out', archiveA], env())
      const ackedAfterBackup = writer.acked()
      expect(backup.code, backup.stderr.slice(-3000)).toBe(0)
      expect(backup.stdout).toContain(`Backup written to ${archiveA}`)
      expect(ackedAfterBackup, 'the writer kept writing during the backup').toBeGreaterThan(ackedBeforeBackup)
    } finally {
      writer.child.kill('SIGTERM')
      expect(await writer.exited).toBe(0)
    }
    ackedTotal = Number((await writer.waitFor((l) => l.startsWith('done '), 60_000)).slice(5))
    expect(ackedTotal).toBeGreaterThan(ackedBeforeBackup)

    const quiet = await runTs('scripts/backup.ts', ['--out', directoryB], env())
    expect(quiet.code, quiet.stderr.slice(-3000)).toBe(0)
    console.log(
      `backup during writes: ${backup!.stdout.split('\n').find((l) => l.startsWith('Backup written'))}; writer acknowledged ${ackedBeforeBackup} before, ${ackedTotal} in all`,
    )
    console.log(
      `quiet backup: ${quiet.stdout
        .split('\n')
        .filter((l) => /^(Backup written| {2}database:| {2}media:)/.test(l))
        .join(' |')}`,
    )
    const manifest = readManifest(directoryB)
    expect(manifest.app).toEqual({ name: 'sitegroup', version: JSON.parse(readFileSync('package.json', 'utf8')).version })
    expect(manifest.database.kind).toBe('sqlite')
    expect(manifest.search.included).toBe(true)
    expect(manifest.counts.articles.docs).toBe((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs)
    expect(manifest.counts.articles.versions).toBe((await payload.countVersions({ collection: 'articles', overrideAccess: true })).totalDocs)
    expect(manifest.counts.letters.docs).toBe(3)
    expect(manifest.media.files).toBe(filesUnder(source.mediaDir).length)
    expect(manifest.media.files).toBeGreaterThanOrEqual(3)
    for (const entry of manifest.files) expect(sha(path.join(directoryB, entry.path)), entry.path).toBe(entry.sha256)

    // The reference: what Payload reads from the source once the writer has stopped.
    sourceDump = await dumpDatabase(payload)
    sourceMedia = new Map(filesUnder(source.mediaDir).map((f) => [f, readFileSync(path.join(source.mediaDir, f))]))
    expect(sourceMedia.size).toBe(manifest.media.files)
    const engine = new EmbeddedSearchEngine({ file: source.searchIndexFile, workers: 0 })
    sourceIndexCount = await engine.count()
    await engine.close()
    expect(sourceIndexCount).toBeGreaterThan(3000)

    // Wipe the source completely.
    await payload.destroy()
    for (const file of [source.databaseFile, source.searchIndexFile]) for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
    rmSync(source.mediaDir, { recursive: true, force: true })
  }, 900_000)

  it('restores the quiet backup onto an empty machine: every collection, version, global and media file is identical', async () => {
    const target = fresh('restored-quiet')
    const run = await runTs('scripts/restore.ts', [directoryB], target.env)
    expect(run.code, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0)
    expect(run.stdout).toMatch(/articles\s+\d+ \(\+\d+ versions\)\s+\d+ \(\+\d+ versions\)/)
    expect(run.stdout).not.toContain('MISMATCH')
    expect(run.stdout).toContain('Restore complete')

    const restored = await dumpOf(target.env)
    expect(Object.keys(restored.collections).sort()).toEqual(Object.keys(sourceDump.collections).sort())
    for (const [slug, expected] of Object.entries(sourceDump.collections)) {
      const actual = restored.collections[slug]
      expect(Object.keys(actual.docs).length, `${slug}: documents`).toBe(Object.keys(expected.docs).length)
      expect(actual.docs, `${slug}: document contents`).toEqual(expected.docs)
      expect(actual.versions, `${slug}: versions`).toEqual(expected.versions)
    }
    expect(restored.globals).toEqual(sourceDump.globals)
    expect(restored.collections.letters.docs).not.toEqual({})

    const mediaDir = path.join(target.dir, 'media')
    expect(filesUnder(mediaDir)).toEqual([...sourceMedia.keys()])
    for (const [file, bytes] of sourceMedia) expect(readFileSync(path.join(mediaDir, file)).equals(bytes), file).toBe(true)

    const engine = new EmbeddedSearchEngine({ file: path.join(target.dir, 'search', 'index.db'), workers: 0 })
    expect(await engine.count()).toBe(sourceIndexCount)
    await engine.close()
  }, 900_000)

  it('the backup taken during writes is consistent: everything acknowledged before it started, no torn writes', async () => {
    const target = fresh('restored-during-writes')
    const run = await runTs('scripts/restore.ts', [archiveA], target.env)
    expect(run.code, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0)
    expect(run.stdout).not.toContain('MISMATCH')
    const restored = await dumpOf(target.env)
    for (const [slug, expected] of Object.entries(sourceDump.collections)) {
      for (const part of ['docs', 'versions'] as const) {
        const before = expected[part] ?? {}
        const after = restored.collections[slug][part] ?? {}
        for (const [id, doc] of Object.entries(after)) {
          // The writer only creates, so whatever the snapshot holds is unchanged in the source —
          // except, without atomic saves (below), a document still being written at the snapshot.
          expect(before[id], `${slug} ${part} ${id} exists in the source`).toBeDefined()
          if (atomicWrites || before[id].c! < backupStartedAt) expect(doc.h, `${slug} ${part} ${id} content`).toBe(before[id].h)
        }
        for (const [id, doc] of Object.entries(before)) {
          if (!after[id]) expect(doc.c! >= writerStartedAt, `${slug} ${part} ${id} (created ${doc.c}) is missing though older than the backup`).toBe(true)
        }
      }
    }
    const written = Object.values(restored.collections.articles.docs)
      .map((d) => d.t)
      .filter((t): t is string => !!t?.startsWith('backup-writer-'))
      .sort()
    expect(written.length).toBeGreaterThanOrEqual(ackedBeforeBackup)
    expect(written.length).toBeLessThanOrEqual(ackedTotal)
    // A prefix of the writer's sequence: no gaps, so no write was half in the snapshot.
    expect(written).toEqual(Array.from({ length: written.length }, (_, i) => `backup-writer-${String(i + 1).padStart(6, '0')}`))
    // A save is atomic only when the adapter wraps it in a transaction: @payloadcms/db-sqlite does
    // not by default (transactionOptions unset), so the article in flight at the snapshot may be
    // there without its version row yet. Every earlier one must have it.
    const versionParents = new Set(Object.values(restored.collections.articles.versions ?? {}).map((v) => v.p))
    const writerArticles = Object.entries(restored.collections.articles.docs)
      .filter(([, d]) => d.t?.startsWith('backup-writer-'))
      .sort((x, y) => x[1].t!.localeCompare(y[1].t!))
    const mustHaveVersion = atomicWrites ? writerArticles : writerArticles.slice(0, -1)
    for (const [id, doc] of mustHaveVersion) expect(versionParents.has(id), `article ${id} (${doc.t}) has its version`).toBe(true)
  }, 900_000)

  it('refuses to overwrite a database that holds data, and --force keeps the replaced data', async () => {
    const target = fresh('restored-quiet')
    const databaseFile = path.join(target.dir, 'sitegroup.db')
    const before = sha(databaseFile)
    const refused = await runTs('scripts/restore.ts', [archiveA], target.env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Refusing to overwrite existing data')
    expect(refused.stderr).toContain('--force')
    expect(sha(databaseFile)).toBe(before)

    const forced = await restoreBackup({ source: archiveA, locations: locationsFromEnv(target.env), force: true })
    expect(forced.keptAside).toHaveLength(2)
    for (const kept of forced.keptAside) expect(existsSync(kept), kept).toBe(true)
    expect(sha(forced.keptAside[0])).toBe(before)
    const manifest = forced.manifest as Manifest
    const db = manifest.files.find((f) => f.path === manifest.database.file)!
    expect(sha(databaseFile)).toBe(db.sha256)
  }, 300_000)

  it('refuses a damaged backup before writing anything', async () => {
    const damaged = path.join(work, 'backups', 'damaged')
    cpSync(directoryB, damaged, { recursive: true })
    const manifest = readManifest(damaged)
    const image = manifest.files.find((f) => f.path.startsWith('media/'))!
    appendFileSync(path.join(damaged, image.path), 'x')
    const target = fresh('restored-damaged')
    await expect(restoreBackup({ source: damaged, locations: locationsFromEnv(target.env) })).rejects.toThrow(/Checksum mismatch for media\//)
    expect(existsSync(path.join(target.dir, 'sitegroup.db'))).toBe(false)
    expect(filesUnder(path.join(target.dir, 'media'))).toEqual([])

    rmSync(path.join(damaged, image.path))
    await expect(restoreBackup({ source: damaged, locations: locationsFromEnv(target.env) })).rejects.toThrow(BackupError)
    await expect(restoreBackup({ source: path.join(work, 'nope.tar.gz'), locations: locationsFromEnv(target.env) })).rejects.toThrow(/No backup at/)
  })
})
