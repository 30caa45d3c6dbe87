import { existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unpackArchive } from './archive'
import { copyFile, isNonEmptyDir, listFiles, moveInto, stamp } from './files'
import type { Locations } from './locations'
import { BackupError, hashFile, MANIFEST_FILE, readManifest, type Manifest } from './manifest'
import { postgresHasTables, postgresToolsAvailable, restorePostgres, saveAsidePostgres } from './postgres'
import { sqliteHasTables, type Progress } from './sqlite'

export interface RestoreOptions {
  /** A backup archive (.tar.gz) or backup directory. */
  source: string
  locations: Locations
  /** Replace an existing database and media; what was there is kept beside it, never deleted. */
  force?: boolean
  onProgress?: Progress
  log?: (line: string) => void
}

export interface RestoreResult {
  manifest: Manifest
  /** Where the replaced database and media were moved (with --force). */
  keptAside: string[]
  seconds: number
}

/**
 * Everything is checked before anything is written: the targets are empty (or --force), the
 * backup unpacks, every file matches its checksum and nothing unlisted is present.
 * The server must be stopped: it would keep the replaced database open.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now()
  const { locations, force = false, onProgress = () => {}, log = () => {} } = options
  const source = path.resolve(options.source)
  if (!existsSync(source)) throw new BackupError(`No backup at ${source}`)
  if (locations.databaseKind === 'mongodb') throw new BackupError('MongoDB: restore the database with mongorestore (docs/operations.md, "MongoDB")')
  const occupied = await occupiedTargets(locations)
  if (occupied.length && !force) {
    throw new BackupError(
      `Refusing to overwrite existing data: ${occupied.join('; ')}. Stop the server and run again with --force to replace it (the current data is kept beside it, not deleted).`,
    )
  }

  const fromArchive = statSync(source).isFile()
  const stagingRoot = locations.databaseFile ? path.dirname(locations.databaseFile) : locations.mediaDir ? path.dirname(locations.mediaDir) : os.tmpdir()
  mkdirSync(stagingRoot, { recursive: true })
  const dir = fromArchive ? mkdtempSync(path.join(stagingRoot, '.sitegroup-restore-')) : source
  try {
    if (fromArchive) await unpackArchive(source, dir, onProgress)
    const manifest = readManifest(dir)
    if (manifest.database.kind !== locations.databaseKind) {
      throw new BackupError(
        `The backup holds a ${manifest.database.kind} database but DATABASE_URI selects ${locations.databaseKind}: point DATABASE_URI at a ${manifest.database.kind} database`,
      )
    }
    await verifyFiles(dir, manifest, onProgress)

    const keptAside = await keepAside(locations, occupied.length > 0, path.dirname(source))
    for (const kept of keptAside) log(`Kept the replaced data at ${kept}`)
    await placeDatabase(dir, manifest, locations)
    placeMedia(dir, manifest, locations, fromArchive, onProgress)
    placeSearchIndex(dir, manifest, locations, log)
    return { manifest, keptAside, seconds: Math.round((Date.now() - started) / 100) / 10 }
  } finally {
    if (fromArchive) rmSync(dir, { recursive: true, force: true })
  }
}

async function occupiedTargets(locations: Locations): Promise<string[]> {
  const found: string[] = []
  if (locations.databaseKind === 'sqlite' && sqliteHasTables(locations.databaseFile!)) found.push(`the database ${locations.databaseFile} has tables`)
  if (locations.databaseKind === 'postgres') {
    const tools = postgresToolsAvailable()
    if (!tools.ok) throw new BackupError(tools.detail)
    if (await postgresHasTables(locations.databaseUri)) found.push(`the PostgreSQL database ${new URL(locations.databaseUri).pathname.slice(1)} has tables`)
  }
  if (locations.mediaDir && isNonEmptyDir(locations.mediaDir)) found.push(`the media directory ${locations.mediaDir} is not empty`)
  return found
}

export async function verifyFiles(dir: string, manifest: Manifest, onProgress: Progress = () => {}): Promise<void> {
  const listed = new Set(manifest.files.map((f) => f.path))
  const extra = listFiles(dir).filter((f) => f !== MANIFEST_FILE && !listed.has(f))
  if (extra.length) throw new BackupError(`The backup holds files its manifest does not list (tampered or mixed up?): ${extra.slice(0, 5).join(', ')}`)
  for (const [i, entry] of manifest.files.entries()) {
    const file = path.join(dir, entry.path)
    if (!existsSync(file)) throw new BackupError(`The backup lacks ${entry.path}, listed in its manifest`)
    const actual = await hashFile(file)
    if (actual.sha256 !== entry.sha256 || actual.bytes !== entry.bytes) {
      throw new BackupError(
        `Checksum mismatch for ${entry.path}: the backup is damaged (expected ${entry.bytes} bytes, sha256 ${entry.sha256.slice(0, 12)}…; found ${actual.bytes} bytes, ${actual.sha256.slice(0, 12)}…). Nothing was restored.`,
      )
    }
    onProgress('verify', i + 1, manifest.files.length)
  }
}

async function keepAside(locations: Locations, occupied: boolean, backupDir: string): Promise<string[]> {
  if (!occupied) return []
  const kept: string[] = []
  const suffix = `.before-restore-${stamp()}`
  if (locations.databaseKind === 'sqlite' && sqliteHasTables(locations.databaseFile!)) {
    for (const ext of ['', '-wal', '-shm']) {
      const file = locations.databaseFile! + ext
      if (existsSync(file)) renameSync(file, file + suffix)
    }
    kept.push(locations.databaseFile! + suffix)
  }
  if (locations.databaseKind === 'postgres' && (await postgresHasTables(locations.databaseUri))) {
    const file = path.join(backupDir, `postgres${suffix}.dump`)
    await saveAsidePostgres(locations.databaseUri, file)
    kept.push(file)
  }
  if (locations.mediaDir && isNonEmptyDir(locations.mediaDir)) {
    renameSync(locations.mediaDir, locations.mediaDir + suffix)
    kept.push(locations.mediaDir + suffix)
  }
  return kept
}

async function placeDatabase(dir: string, manifest: Manifest, locations: Locations): Promise<void> {
  const dump = path.join(dir, manifest.database.file)
  if (locations.databaseKind === 'postgres') return restorePostgres(locations.databaseUri, dump, { replace: await postgresHasTables(locations.databaseUri) })
  const target = locations.databaseFile!
  // Copy beside the target, then rename: the database file is either absent or complete.
  copyFile(dump, `${target}.restoring`)
  for (const ext of ['-wal', '-shm']) rmSync(target + ext, { force: true })
  renameSync(`${target}.restoring`, target)
}

function placeMedia(dir: string, manifest: Manifest, locations: Locations, temporary: boolean, onProgress: Progress): void {
  if (!manifest.media.included || !locations.mediaDir) return
  const files = manifest.files.filter((f) => f.path.startsWith('media/'))
  if (temporary && existsSync(locations.mediaDir) && !isNonEmptyDir(locations.mediaDir)) rmdirSync(locations.mediaDir)
  if (temporary && !existsSync(locations.mediaDir) && existsSync(path.join(dir, 'media'))) {
    moveInto(path.join(dir, 'media'), locations.mediaDir)
    onProgress('media', files.length, files.length)
    return
  }
  mkdirSync(locations.mediaDir, { recursive: true })
  files.forEach((f, i) => {
    copyFile(path.join(dir, f.path), path.join(locations.mediaDir!, f.path.slice('media/'.length)))
    onProgress('media', i + 1, files.length)
  })
}

function placeSearchIndex(dir: string, manifest: Manifest, locations: Locations, log: (line: string) => void): void {
  if (!manifest.search.included || !manifest.search.file || !locations.searchIndexFile) {
    log(`Search index not in the backup (${manifest.search.reason ?? 'not included'}): it is rebuilt from the database next`)
    return
  }
  const target = locations.searchIndexFile
  copyFile(path.join(dir, manifest.search.file), `${target}.restoring`)
  for (const ext of ['', '-wal', '-shm']) rmSync(target + ext, { force: true })
  renameSync(`${target}.restoring`, target)
}
