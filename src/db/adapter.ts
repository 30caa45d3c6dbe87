import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations as postgresMigrations } from '../../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../../migrations/sqlite/index'
import { sqliteFile } from './bulk-sqlite'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const defaultDatabaseUri = () => `file:${path.resolve(process.env.DATA_DIR || 'data', 'sitegroup.db')}`

export function databaseKind(uri = process.env.DATABASE_URI || ''): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  return 'sqlite'
}

/**
 * No DATABASE_URI: embedded SQLite under data/. postgres:// and mongodb:// select Payload's
 * adapters. SQL schemas come from migrations in production (run at start through prodMigrations);
 * in development and tests Payload pushes the schema.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI || defaultDatabaseUri()): DatabaseAdapterObj {
  const kind = databaseKind(uri)
  if (kind === 'postgres') {
    return withPoolErrorHandler(
      postgresAdapter({
        pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX || 10) },
        migrationDir: path.resolve('migrations/postgres'),
        prodMigrations: postgresMigrations,
      }),
    )
  }
  if (kind === 'mongodb') return mongooseAdapter({ url: uri })
  enableWriteAheadLog(uri)
  return sqliteAdapter({
    client: { url: uri },
    // Several app processes may share one file (README, "Several instances"): a write that meets
    // another process's commit waits for it instead of failing at once (the default is 0).
    busyTimeout: 5_000,
    migrationDir: path.resolve('migrations/sqlite'),
    prodMigrations: sqliteMigrations,
  })
}

/**
 * WAL lets readers in other processes (several app servers on one file, backups, the search
 * reconcile) proceed while one writes; without it they fail with "database is locked". The mode is
 * stored in the file, so setting it once before Payload connects is enough.
 */
function enableWriteAheadLog(uri: string) {
  if (!uri.startsWith('file:')) return
  const file = sqliteFile(uri)
  mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { timeout: 10_000 })
  try {
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

/**
 * node-postgres emits 'error' on the pool when the server ends an idle connection (a restart, an
 * administrator's pg_terminate_backend); with no listener that event crashes the process. Payload's
 * adapter listens on the first client only, so the pool gets one here: the broken client is
 * dropped by the pool and the next query opens a fresh connection.
 */
function withPoolErrorHandler(base: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as ReturnType<DatabaseAdapterObj['init']> & { pool?: { on(event: 'error', listener: (error: Error) => void): void } }
      const connect = adapter.connect
      adapter.connect = async function (this: typeof adapter, options) {
        await connect?.call(this, options)
        this.pool?.on('error', (error) => args.payload.logger.warn(`PostgreSQL connection lost (${error.message}); the pool reconnects on the next query`))
      }
      return adapter
    },
  }
}
