/**
 * npm run backup / restore on PostgreSQL: pg_dump from one exported snapshot while rows keep
 * arriving (the manifest counts match the dump exactly), restore into an empty database, refusal
 * of a database that holds tables, and --force keeping a dump of what it replaces. Runs against
 * BACKUP_TEST_POSTGRES_URI or TEST_DATABASE_URI or the local server (postgres:postgres@127.0.0.1);
 * skipped with the reason when pg_dump or the server is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackup, locationsFromEnv, postgresToolsAvailable, restoreBackup, type CollectionTables } from '../../src/backup'

const serverUri =
  process.env.BACKUP_TEST_POSTGRES_URI ||
  (process.env.TEST_DATABASE_URI?.startsWith('postgres') ? process.env.TEST_DATABASE_URI : 'postgres://postgres:postgres@127.0.0.1:5432/postgres')
const uriFor = (database: string) => Object.assign(new URL(serverUri), { pathname: `/${database}` }).toString()
const suffix = `${process.pid}_${Date.now().toString(36)}`
const SOURCE = `sitegroup_backup_src_${suffix}`
const TARGET = `sitegroup_backup_dst_${suffix}`

async function withClient<T>(uri: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function availability(): Promise<string | undefined> {
  const tools = postgresToolsAvailable()
  if (!tools.ok) return tools.detail
  try {
    await withClient(serverUri, (c) => c.query('SELECT 1'))
  } catch (error) {
    return `no PostgreSQL server at ${new URL(serverUri).host} (${(error as Error).message})`
  }
  return undefined
}
const unavailable = await availability()
if (unavailable) console.log(`Skipping the PostgreSQL backup test: ${unavailable}`)

const TABLES: CollectionTables[] = [
  { slug: 'articles', table: 'articles', versionsTable: '_articles_v' },
  { slug: 'letters', table: 'letters' },
  { slug: 'not-migrated-yet', table: 'not_migrated_yet' },
]
const work = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-pg-backup-'))
const contents = (uri: string) =>
  withClient(uri, async (c) => {
    const out: Record<string, string> = {}
    for (const table of ['articles', '_articles_v', 'letters']) out[table] = JSON.stringify((await c.query(`SELECT * FROM "${table}" ORDER BY id`)).rows)
    return out
  })

describe.skipIf(!!unavailable)('backup and restore on PostgreSQL', () => {
  const sourceEnv = { DATABASE_URI: uriFor(SOURCE), MEDIA_DIR: path.join(work, 'media'), MEILI_HOST: 'http://unused' }
  const targetEnv = { DATABASE_URI: uriFor(TARGET), MEDIA_DIR: path.join(work, 'restored-media'), MEILI_HOST: 'http://unused' }
  const archive = path.join(work, 'pg.tar.gz')

  beforeAll(async () => {
    await withClient(serverUri, async (c) => {
      await c.query(`CREATE DATABASE "${SOURCE}"`)
      await c.query(`CREATE DATABASE "${TARGET}"`)
    })
    await withClient(uriFor(SOURCE), async (c) => {
      await c.query(`CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, body jsonb, updated_at timestamptz DEFAULT now())`)
      await c.query(`CREATE TABLE _articles_v (id serial PRIMARY KEY, parent_id int REFERENCES articles(id), version_title text)`)
      await c.query(`CREATE TABLE letters (id serial PRIMARY KEY, subject text, content text)`)
      await c.query(`INSERT INTO articles (title, body) SELECT '文章' || g, jsonb_build_object('n', g) FROM generate_series(1, 500) g`)
      await c.query(`INSERT INTO _articles_v (parent_id, version_title) SELECT id, title FROM articles`)
      await c.query(`INSERT INTO letters (subject, content) VALUES ('来信', '关于备份的来信'), ('来信二', '第二封')`)
    })
    mkdirSync(path.join(work, 'media', 'sub'), { recursive: true })
    writeFileSync(path.join(work, 'media', 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
    writeFileSync(path.join(work, 'media', 'sub', 'b.pdf'), '%PDF-1.4 test')
  }, 120_000)

  afterAll(async () => {
    await withClient(serverUri, async (c) => {
      for (const db of [SOURCE, TARGET]) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
    }).catch(() => {})
    rmSync(work, { recursive: true, force: true })
  }, 120_000)

  it('dumps from one snapshot while rows keep arriving: the manifest counts equal the dump', async () => {
    let writing = true
    let written = 0
    const writer = withClient(uriFor(SOURCE), async (c) => {
      while (writing) {
        // One transaction per article and its version, as Payload writes them.
        await c.query('BEGIN')
        const { rows } = await c.query<{ id: number }>(`INSERT INTO articles (title) VALUES ('写入中' || $1) RETURNING id`, [written])
        await c.query(`INSERT INTO _articles_v (parent_id, version_title) VALUES ($1, 'v')`, [rows[0].id])
        await c.query('COMMIT')
        written++
      }
    })
    try {
      while (written < 5) await new Promise((r) => setTimeout(r, 20))
      const result = await createBackup({ locations: locationsFromEnv(sourceEnv), tables: TABLES, out: archive })
      expect(result.manifest.database).toEqual({ kind: 'postgres', file: 'database/postgres.dump' })
      expect(result.manifest.counts['not-migrated-yet']).toEqual({ docs: 0 })
      expect(result.manifest.counts.letters).toEqual({ docs: 2 })
      expect(result.manifest.counts.articles.docs).toBeGreaterThan(500)
      expect(result.manifest.media.files).toBe(2)
    } finally {
      writing = false
      await writer
    }
    expect(written).toBeGreaterThan(5)
  }, 300_000)

  it('restores into an empty database with the manifest counts and the media files', async () => {
    const { manifest } = await restoreBackup({ source: archive, locations: locationsFromEnv(targetEnv) })
    const counts = await withClient(uriFor(TARGET), async (c) => ({
      articles: Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n),
      versions: Number((await c.query('SELECT count(*) AS n FROM _articles_v')).rows[0].n),
      letters: Number((await c.query('SELECT count(*) AS n FROM letters')).rows[0].n),
    }))
    expect(counts).toEqual({ articles: manifest.counts.articles.docs, versions: manifest.counts.articles.versions, letters: 2 })
    // Every version row belongs to an article in the dump: no torn write.
    expect(counts.versions).toBe(counts.articles)
    const source = await contents(uriFor(SOURCE))
    const target = await contents(uriFor(TARGET))
    expect(target.letters).toBe(source.letters)
    const restoredArticles = JSON.parse(target.articles) as Array<{ id: number }>
    expect(JSON.stringify(JSON.parse(source.articles).slice(0, restoredArticles.length))).toBe(target.articles)
    expect(readFileSync(path.join(work, 'restored-media', 'a.png'))).toEqual(readFileSync(path.join(work, 'media', 'a.png')))
    expect(readFileSync(path.join(work, 'restored-media', 'sub', 'b.pdf'), 'utf8')).toBe('%PDF-1.4 test')
  }, 300_000)

  it('refuses a database that holds tables; --force keeps a dump of it and replaces it', async () => {
    rmSync(path.join(work, 'restored-media'), { recursive: true, force: true })
    await withClient(uriFor(TARGET), (c) => c.query(`INSERT INTO letters (subject, content) VALUES ('恢复后新写的', 'x')`))
    await expect(restoreBackup({ source: archive, locations: locationsFromEnv(targetEnv) })).rejects.toThrow(
      /Refusing to overwrite existing data: the PostgreSQL database sitegroup_backup_dst_\w+ has tables/,
    )
    const forced = await restoreBackup({ source: archive, locations: locationsFromEnv(targetEnv), force: true })
    expect(forced.keptAside).toHaveLength(1)
    expect(existsSync(forced.keptAside[0])).toBe(true)
    const letters = await withClient(uriFor(TARGET), async (c) => (await c.query('SELECT subject FROM letters ORDER BY id')).rows.map((r) => r.subject))
    expect(letters).toEqual(['来信', '来信二'])
  }, 300_000)
})
