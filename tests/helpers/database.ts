import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'

/** Tests run on SQLite, or on the PostgreSQL server named by TEST_DATABASE_URI (CI runs both). */
export const testDatabaseKind = (): 'sqlite' | 'postgres' => (process.env.TEST_DATABASE_URI?.startsWith('postgres') ? 'postgres' : 'sqlite')
export const TEST_DIR = path.resolve('data/test')
export const TEMPLATE = 'sitegroup_template_yulin'

function serverUri(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URI!)
  url.pathname = `/${database}`
  return url.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUri('postgres') })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A new empty database, or a copy of the seeded Yulin template made by tests/global-setup.ts. */
export async function freshDatabaseUri(label: string, options: { seeded?: boolean } = {}): Promise<string> {
  const name = `t_${label.replace(/\W+/g, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`
  if (testDatabaseKind() === 'postgres') {
    await admin((c) => c.query(`CREATE DATABASE "${name}"${options.seeded ? ` TEMPLATE "${TEMPLATE}"` : ''}`))
    return serverUri(name)
  }
  mkdirSync(TEST_DIR, { recursive: true })
  const file = path.join(TEST_DIR, `${name}.db`)
  if (options.seeded) {
    const template = path.join(TEST_DIR, `${TEMPLATE}.db`)
    if (!existsSync(template)) throw new Error(`Seeded template ${template} missing: run tests through vitest (globalSetup builds it)`)
    copyFileSync(template, file)
  }
  return `file:${file}`
}

/**
 * A seed process may exit without closing SQLite, leaving committed pages in the write-ahead log:
 * fold them into the file before it is copied or renamed (deleting the log would lose them).
 */
export function foldWriteAheadLog(file: string): void {
  const db = new Database(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
}

/**
 * Builds a template database file once: parallel test files wait on a directory lock while one
 * of them runs `build(buildingFile)`; the result is renamed into place only when complete.
 */
export async function buildTemplateOnce(file: string, build: (building: string) => Promise<void>): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true })
  const lock = `${file}.lock`
  for (;;) {
    if (existsSync(file)) return file
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 2000))
    }
  }
  try {
    const building = `${file}.building`
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(building + suffix, { force: true })
    await build(building)
    foldWriteAheadLog(building)
    renameSync(building, file)
    return file
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export async function templateUri(): Promise<string> {
  if (testDatabaseKind() === 'postgres') return serverUri(TEMPLATE)
  mkdirSync(TEST_DIR, { recursive: true })
  return `file:${path.join(TEST_DIR, `${TEMPLATE}.db`)}`
}

export async function recreateTemplate(): Promise<string> {
  if (testDatabaseKind() === 'postgres') {
    await admin(async (c) => {
      await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${TEMPLATE}'`)
      await c.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`)
      await c.query(`CREATE DATABASE "${TEMPLATE}"`)
    })
  }
  return templateUri()
}

export async function markTemplateReady(): Promise<void> {
  if (testDatabaseKind() === 'postgres') await admin((c) => c.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${TEMPLATE}'`))
}
