import { spawn, spawnSync } from 'node:child_process'
import pg from 'pg'
import { BackupError, type CollectionCount } from './manifest'
import type { CollectionTables } from './tables'

/**
 * pg_dump/pg_restore with the connection in environment variables rather than on the command
 * line, where every user of the machine could read the password in the process list.
 */
function connectionEnv(uri: string): NodeJS.ProcessEnv {
  const url = new URL(uri)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  }
  const sslmode = url.searchParams.get('sslmode')
  if (sslmode) env.PGSSLMODE = sslmode
  return env
}

export function postgresToolsAvailable(): { ok: boolean; detail: string } {
  for (const tool of ['pg_dump', 'pg_restore']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' })
    if (probe.error || probe.status !== 0) return { ok: false, detail: `${tool} is not installed (Debian: apt-get install postgresql-client)` }
  }
  return { ok: true, detail: spawnSync('pg_dump', ['--version'], { encoding: 'utf8' }).stdout.trim() }
}

function run(tool: string, args: string[], uri: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: connectionEnv(uri), stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
    child.on('error', (e) => reject(new BackupError(`${tool} could not start: ${e.message}`)))
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim()}`))))
  })
}

async function withClient<T>(uri: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: uri })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupError(`Cannot connect to PostgreSQL (${new URL(uri).host}): ${(error as Error).message}`)
  }
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * pg_dump in custom format and the row counts for the manifest, both from one exported snapshot,
 * so the counts describe exactly what the dump holds while the server keeps writing.
 */
export async function dumpPostgres(uri: string, target: string, tables: CollectionTables[]): Promise<Record<string, CollectionCount>> {
  return withClient(uri, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
      const dump = run('pg_dump', ['--format=custom', `--snapshot=${rows[0].id}`, `--file=${target}`], uri)
      dump.catch(() => {}) // awaited below; a counting error must not leave its rejection unhandled
      const existing = new Set(
        (await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`)).rows.map(
          (r) => r.name,
        ),
      )
      const counts: Record<string, CollectionCount> = {}
      const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)
      for (const t of tables) {
        // A collection added since the schema was last migrated has no table yet: it holds nothing.
        counts[t.slug] = { docs: existing.has(t.table) ? await count(t.table) : 0 }
        if (t.versionsTable && existing.has(t.versionsTable)) counts[t.slug].versions = await count(t.versionsTable)
      }
      await dump
      return counts
    } finally {
      await client.query('ROLLBACK')
    }
  })
}

export async function postgresHasTables(uri: string): Promise<boolean> {
  return withClient(uri, async (client) => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`)
    return Number(rows[0].n) > 0
  })
}

/** Restores a custom-format dump; `replace` drops the objects the dump recreates (after the caller saved them). */
export async function restorePostgres(uri: string, dumpFile: string, options: { replace: boolean }): Promise<void> {
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${decodeURIComponent(new URL(uri).pathname.slice(1))}`]
  if (options.replace) args.push('--clean', '--if-exists')
  await run('pg_restore', [...args, dumpFile], uri)
}

/** A safety copy of the database about to be replaced by `restore --force`. */
export async function saveAsidePostgres(uri: string, target: string): Promise<void> {
  await run('pg_dump', ['--format=custom', `--file=${target}`], uri)
}
