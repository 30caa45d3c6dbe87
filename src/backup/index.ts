/**
 * Backup // 备份 and restore // 恢复 of the embedded setup (SQLite database, embedded search index, media) and of
 * a PostgreSQL database through pg_dump; MongoDB is backed up with mongodump (docs/operations.md).
 * A backup is one .tar.gz (or a directory) with a manifest: time, app version, counts per
 * collection and the sha256 of every file.
 */
export { createBackup, isArchivePath, type BackupOptions, type BackupResult } from './backup'
export { restoreBackup, verifyFiles, type RestoreOptions, type RestoreResult } from './restore'
export { locationsFromEnv, type Locations } from './locations'
export { collectionTables, type CollectionTables } from './tables'
export { BackupError, readManifest, parseManifest, MANIFEST_FILE, type Manifest, type CollectionCount, type FileEntry } from './manifest'
export { compareWithManifest, countThroughPayload, formatCountTable, type CountRow } from './verify'
export { postgresToolsAvailable } from './postgres'
export { unpackArchive } from './archive'
export type { Progress } from './sqlite'
