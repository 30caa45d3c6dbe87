import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { afterAll, describe, expect, it } from 'vitest'
import { BackupError, createBackup, isArchivePath, locationsFromEnv, parseManifest, unpackArchive } from '../../src/backup'

const work = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-manifest-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const valid = {
  format: 1,
  createdAt: '2026-11-22T06:00:00.000Z',
  app: { name: 'sitegroup', version: '0.1.0' },
  database: { kind: 'sqlite', file: 'database/sitegroup.db' },
  media: { included: true, files: 1 },
  search: { included: false, reason: 'x' },
  counts: { articles: { docs: 1, versions: 2 } },
  files: [{ path: 'media/a.png', bytes: 3, sha256: 'a'.repeat(64) }],
}

describe('manifest', () => {
  it('accepts a well-formed manifest', () => {
    expect(parseManifest(JSON.stringify(valid), 'm').counts.articles).toEqual({ docs: 1, versions: 2 })
  })

  it.each([['../etc/passwd'], ['/etc/passwd'], ['media/../../x'], ['media\\x'], ['./media/x']])('refuses a file path that leaves the backup: %s', (p) => {
    expect(() => parseManifest(JSON.stringify({ ...valid, files: [{ ...valid.files[0], path: p }] }), 'm')).toThrow(/outside the backup/)
  })

  it('refuses what is not a manifest, saying why', () => {
    expect(() => parseManifest('{', 'm.json')).toThrow(/m.json is not valid JSON/)
    expect(() => parseManifest(JSON.stringify({ ...valid, format: 2 }), 'm.json')).toThrow(/format/)
    expect(() => parseManifest(JSON.stringify({ ...valid, files: [{ path: 'a', bytes: 1, sha256: 'xyz' }] }), 'm.json')).toThrow(/files\.0\.sha256/)
    expect(() => parseManifest(JSON.stringify({ ...valid, counts: { a: { docs: -1 } } }), 'm.json')).toThrow(BackupError)
  })

  it('chooses an archive by the file name', () => {
    expect(isArchivePath('x/b.tar.gz')).toBe(true)
    expect(isArchivePath('x/b.TGZ')).toBe(true)
    expect(isArchivePath('x/b')).toBe(false)
  })
})

describe('archives', () => {
  it('unpacks plain files only: a symlink in an archive is not recreated', async () => {
    const dir = path.join(work, 'links')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'plain.txt'), 'ok')
    symlinkSync('/etc/passwd', path.join(dir, 'evil'))
    const archive = path.join(work, 'links.tar.gz')
    await tar.c({ gzip: true, file: archive, cwd: dir }, ['plain.txt', 'evil'])
    const out = path.join(work, 'links-out')
    mkdirSync(out)
    await unpackArchive(archive, out)
    expect(existsSync(path.join(out, 'plain.txt'))).toBe(true)
    expect(existsSync(path.join(out, 'evil'))).toBe(false)
  })

  it.skipIf(spawnSync('tar', ['--version']).status !== 0)('never writes outside the target for entries with ..', async () => {
    const base = path.join(work, 'dots')
    mkdirSync(path.join(base, 'inner'), { recursive: true })
    writeFileSync(path.join(base, 'escaped.txt'), 'bad')
    const archive = path.join(work, 'dots.tar.gz')
    expect(spawnSync('tar', ['-czPf', archive, '../escaped.txt'], { cwd: path.join(base, 'inner') }).status).toBe(0)
    const out = path.join(work, 'dots-out', 'deep')
    mkdirSync(out, { recursive: true })
    await unpackArchive(archive, out).catch(() => {})
    expect(existsSync(path.join(work, 'dots-out', 'escaped.txt'))).toBe(false)
  })

  it('refuses a truncated archive with a clear message', async () => {
    const archive = path.join(work, 'broken.tar.gz')
    writeFileSync(archive, Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]))
    const out = path.join(work, 'broken-out')
    mkdirSync(out)
    await expect(unpackArchive(archive, out)).rejects.toThrow(/is not a readable backup archive/)
  })

  it('never overwrites an existing backup and says where the database is missing', async () => {
    const existing = path.join(work, 'exists.tar.gz')
    writeFileSync(existing, 'x')
    const locations = locationsFromEnv({ DATABASE_URI: `file:${path.join(work, 'none.db')}`, MEDIA_DIR: path.join(work, 'media') })
    await expect(createBackup({ locations, tables: [], out: existing })).rejects.toThrow(/already exists/)
    await expect(createBackup({ locations, tables: [], out: path.join(work, 'new.tar.gz') })).rejects.toThrow(/No database at/)
    expect(existsSync(path.join(work, 'new.tar.gz'))).toBe(false)
    await expect(
      createBackup({ locations: locationsFromEnv({ DATABASE_URI: 'mongodb://127.0.0.1:1/x' }), tables: [], out: path.join(work, 'm.tar.gz') }),
    ).rejects.toThrow(/mongodump/)
  })
})
