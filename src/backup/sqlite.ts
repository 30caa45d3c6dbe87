import { existsSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { CollectionCount } from './manifest'
import { BackupError } from './manifest'
import type { CollectionTables } from './tables'

export type Progress = (step: string, done: number, total: number) => void

/**
 * Copies a live SQLite database (WAL mode, other processes writing) with SQLite's online backup
 * API. SQLite restarts a stepwise backup whenever another connection writes between two steps;
 * under steady writes it might never finish, so after the first restart the rest is copied in one
 * step — that step holds a read snapshot, which in WAL mode does not block the writers.
 */
export async function snapshotSqlite(source: string, target: string, onProgress: Progress = () => {}, step = 'database'): Promise<void> {
  if (!existsSync(source)) throw new BackupError(`No database at ${source}: check DATABASE_URI / DATA_DIR`)
  rmSync(target, { force: true })
  // Not read-only: a read-only connection cannot open a WAL database whose -shm file is missing.
  const db = new Database(source, { fileMustExist: true, timeout: 30_000 })
  try {
    let lastRemaining = Infinity
    let oneStep = false
    const done = await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > lastRemaining) oneStep = true
        lastRemaining = remainingPages
        onProgress(step, totalPages - remainingPages, totalPages)
        return oneStep ? 0x7fffffff : Math.max(256, Math.ceil(totalPages / 50))
      },
    })
    onProgress(step, done.totalPages, done.totalPages)
  } finally {
    db.close()
  }
  const copy = new Database(target)
  try {
    // The copy is a standalone file: no -wal/-shm beside it in the backup.
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new BackupError(`The copy of ${source} failed SQLite's integrity check: ${check}`)
  } finally {
    copy.close()
  }
}

/** Row counts per collection read from a snapshot file, so the manifest describes exactly what the backup holds. */
export function countSqlite(file: string, tables: CollectionTables[]): Record<string, CollectionCount> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const existing = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name))
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
    const counts: Record<string, CollectionCount> = {}
    for (const t of tables) {
      // A collection added since the schema was last migrated has no table yet: it holds nothing.
      counts[t.slug] = { docs: existing.has(t.table) ? count(t.table) : 0 }
      if (t.versionsTable && existing.has(t.versionsTable)) counts[t.slug].versions = count(t.versionsTable)
    }
    return counts
  } finally {
    db.close()
  }
}

/** True when the file exists and holds at least one table (an empty file created by a first start counts as empty). */
export function sqliteHasTables(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n > 0
  } finally {
    db.close()
  }
}
