import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations as postgresMigrations } from '../../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../../migrations/sqlite/index'

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
    return postgresAdapter({
      pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX || 10) },
      migrationDir: path.resolve('migrations/postgres'),
      prodMigrations: postgresMigrations,
    })
  }
  if (kind === 'mongodb') return mongooseAdapter({ url: uri })
  return sqliteAdapter({
    client: { url: uri },
    migrationDir: path.resolve('migrations/sqlite'),
    prodMigrations: sqliteMigrations,
  })
}
