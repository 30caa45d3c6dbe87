/**
 * npm run restore -- <backup.tar.gz | backup-dir> [--force]
 * Restores a backup made by `npm run backup` into the locations the environment names
 * (DATABASE_URI, DATA_DIR, MEDIA_DIR, SEARCH_INDEX_PATH). Stop the server first. Refuses to
 * replace existing data unless --force (which keeps the replaced data beside it), verifies every
 * checksum before writing anything, then checks the counts through Payload and brings the search
 * index in line with the restored database.
 */

import '../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { parseArgs } from 'node:util'
import { BackupError, compareWithManifest, formatCountTable, locationsFromEnv, restoreBackup } from '../src/backup'
import { progressPrinter } from './progress'

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true })
if (positionals.length !== 1) {
  console.error('Usage: npm run restore -- <backup.tar.gz | backup-directory> [--force]')
  process.exit(2)
}
const progress = progressPrinter()
try {
  const result = await restoreBackup({
    source: positionals[0],
    locations: locationsFromEnv(),
    force: values.force,
    onProgress: progress.update,
    log: (line) => console.log(line),
  })
  progress.stop()
  const { manifest } = result
  console.log(
    `Restored the backup of ${manifest.createdAt} (${manifest.app.name} ${manifest.app.version}) in ${result.seconds} s; checking it through Payload…`,
  )
  // Loaded only now: loading the config opens (and would create) the database file.
  process.env.JOBS_AUTORUN = 'false'
  // As `npm start` runs it: migrations bring an older backup's schema up to date; a dev-mode schema push never touches it.
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: 'production' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const rows = await compareWithManifest(payload, manifest)
  console.log(formatCountTable(rows))
  const bad = rows.filter((r) => !r.ok)
  if (bad.length) throw new BackupError(`${bad.length} collection(s) differ from the backup's manifest: ${bad.map((r) => r.collection).join(', ')}`)
  const { searchIndexerFor } = await import('../src/search')
  const report = await searchIndexerFor(payload).reconcile((done, total) => progress.update('search index', done, total))
  progress.stop()
  console.log(`Search index in line with the database: ${report.indexed} documents indexed, ${report.removed} stale entries removed.`)
  console.log(`Media: ${manifest.media.included ? `${manifest.media.files} files restored` : manifest.media.reason}. Restore complete; start the server.`)
  process.exit(0)
} catch (error) {
  progress.stop()
  console.error(error instanceof BackupError ? `Restore failed: ${error.message}` : error)
  process.exit(1)
}
