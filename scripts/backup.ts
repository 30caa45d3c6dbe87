/**
 * npm run backup [-- --out /backups/name.tar.gz | --out /backups/name-dir]   (default data/backups/sitegroup-<time>.tar.gz)
 * Backs up the running installation (database, embedded search index, media) without stopping it.
 * Reads the same environment as the server (DATABASE_URI, DATA_DIR, MEDIA_DIR, SEARCH_INDEX_PATH).
 */

import '../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import path from 'node:path'
import { parseArgs } from 'node:util'
import config from '@payload-config'
import { BackupError, collectionTables, createBackup, locationsFromEnv } from '../src/backup'
import { progressPrinter } from './progress'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const out =
  values.out ||
  path.join(
    process.env.DATA_DIR || 'data',
    'backups',
    `sitegroup-${new Date()
      .toISOString()
      .replace(/[:.]/g, '-')
      .replace(/-\d{3}Z$/, 'Z')}.tar.gz`,
  )
const progress = progressPrinter()
try {
  const result = await createBackup({ locations: locationsFromEnv(), tables: collectionTables(await config), out, onProgress: progress.update })
  progress.stop()
  const { manifest } = result
  const totals = Object.values(manifest.counts)
  console.log(`Backup written to ${result.path} in ${result.seconds} s
  app:       ${manifest.app.name} ${manifest.app.version}
  database:  ${manifest.database.kind}, ${totals.reduce((n, c) => n + c.docs, 0)} documents and ${totals.reduce((n, c) => n + (c.versions ?? 0), 0)} versions in ${totals.length} collections
  search:    ${manifest.search.included ? 'embedded index included' : manifest.search.reason}
  media:     ${manifest.media.included ? `${manifest.media.files} files` : manifest.media.reason}
  files:     ${manifest.files.length}, each with its sha256 in manifest.json`)
  process.exit(0)
} catch (error) {
  progress.stop()
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error)
  process.exit(1)
}
