import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { packArchive } from './archive'
import { copyFile, linkOrCopy, listFiles } from './files'
import type { Locations } from './locations'
import { BackupError, hashFile, MANIFEST_FILE, MANIFEST_FORMAT, type CollectionCount, type FileEntry, type Manifest } from './manifest'
import { dumpPostgres, postgresToolsAvailable } from './postgres'
import { countSqlite, snapshotSqlite, type Progress } from './sqlite'
import type { CollectionTables } from './tables'

export interface BackupOptions {
  locations: Locations
  /** From collectionTables(config): what the manifest counts. */
  tables: CollectionTables[]
  /** `….tar.gz` / `….tgz` writes one archive; any other path a directory. Never overwritten. */
  out: string
  onProgress?: Progress
  log?: (line: string) => void
}

export interface BackupResult {
  path: string
  manifest: Manifest
  seconds: number
}

export const isArchivePath = (p: string) => /\.(tar\.gz|tgz)$/i.test(p)

function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
  return { name: pkg.name, version: pkg.version }
}

/**
 * Database first, then the search index, then media: an upload made meanwhile is an unused extra
 * file; the other order could leave the database pointing at files the backup lacks.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const { locations, onProgress = () => {}, log = () => {} } = options
  const out = path.resolve(options.out)
  if (existsSync(out)) throw new BackupError(`${out} already exists: choose another --out (a backup is never overwritten)`)
  const archive = isArchivePath(out)
  mkdirSync(path.dirname(out), { recursive: true })
  const staging = archive ? mkdtempSync(path.join(path.dirname(out), '.sitegroup-backup-')) : `${out}.partial`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  try {
    const database = await backUpDatabase(locations, options.tables, staging, onProgress)
    const search = await backUpSearchIndex(locations, staging, onProgress)
    const media = backUpMedia(locations, staging, archive, onProgress)
    const files = await hashAll(staging, onProgress)
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      app: appInfo(),
      database: { kind: locations.databaseKind, file: database.file },
      media,
      search,
      counts: database.counts,
      files,
    }
    writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
    if (archive) await packArchive(staging, [MANIFEST_FILE, ...files.map((f) => f.path)], out, onProgress)
    else renameSync(staging, out)
    log(`Backup written to ${out}`)
    return { path: out, manifest, seconds: Math.round((Date.now() - started) / 100) / 10 }
  } catch (error) {
    rmSync(out, { recursive: true, force: true })
    throw error
  } finally {
    if (archive || existsSync(staging)) rmSync(staging, { recursive: true, force: true })
  }
}

async function backUpDatabase(
  locations: Locations,
  tables: CollectionTables[],
  staging: string,
  onProgress: Progress,
): Promise<{ file: string; counts: Record<string, CollectionCount> }> {
  if (locations.databaseKind === 'sqlite') {
    const file = 'database/sitegroup.db'
    mkdirSync(path.join(staging, 'database'), { recursive: true })
    await snapshotSqlite(locations.databaseFile!, path.join(staging, file), onProgress)
    return { file, counts: countSqlite(path.join(staging, file), tables) }
  }
  if (locations.databaseKind === 'postgres') {
    const tools = postgresToolsAvailable()
    if (!tools.ok) throw new BackupError(`${tools.detail}; or back up by hand with pg_dump as docs/operations.md describes`)
    const file = 'database/postgres.dump'
    mkdirSync(path.join(staging, 'database'), { recursive: true })
    onProgress('database', 0, 1)
    const counts = await dumpPostgres(locations.databaseUri, path.join(staging, file), tables)
    onProgress('database', 1, 1)
    return { file, counts }
  }
  throw new BackupError(
    'MongoDB: back up the database with mongodump (docs/operations.md, "MongoDB"); npm run backup handles the embedded SQLite and PostgreSQL',
  )
}

async function backUpSearchIndex(locations: Locations, staging: string, onProgress: Progress): Promise<Manifest['search']> {
  if (!locations.searchIndexFile) return { included: false, reason: 'Meilisearch: rebuilt from the database by npm run search:reindex after a restore' }
  if (!existsSync(locations.searchIndexFile))
    return { included: false, reason: `no embedded index at ${locations.searchIndexFile}; restore rebuilds it from the database` }
  const file = 'search/index.db'
  mkdirSync(path.join(staging, 'search'), { recursive: true })
  await snapshotSqlite(locations.searchIndexFile, path.join(staging, file), onProgress, 'search index')
  return { included: true, file }
}

function backUpMedia(locations: Locations, staging: string, temporary: boolean, onProgress: Progress): Manifest['media'] {
  if (!locations.mediaDir)
    return { included: false, files: 0, reason: 'media are in the S3 bucket: protect them with bucket versioning or a bucket copy (docs/operations.md)' }
  const files = listFiles(locations.mediaDir)
  // A directory backup is kept: it gets copies, not links that an in-place edit would change.
  const place = temporary ? linkOrCopy : copyFile
  files.forEach((rel, i) => {
    place(path.join(locations.mediaDir!, rel), path.join(staging, 'media', rel))
    onProgress('media', i + 1, files.length)
  })
  return { included: true, files: files.length }
}

async function hashAll(dir: string, onProgress: Progress): Promise<FileEntry[]> {
  const files = listFiles(dir).filter((f) => f !== MANIFEST_FILE)
  const entries: FileEntry[] = []
  for (const [i, rel] of files.entries()) {
    entries.push({ path: rel, ...(await hashFile(path.join(dir, rel))) })
    onProgress('checksums', i + 1, files.length)
  }
  return entries
}
