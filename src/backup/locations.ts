import path from 'node:path'
import { databaseKind, defaultDatabaseUri, type DatabaseKind } from '../db/adapter'
import { sqliteFile } from '../db/bulk-sqlite'

/** Where the running installation keeps its state; read from the same variables the server reads. */
export interface Locations {
  databaseUri: string
  databaseKind: DatabaseKind
  /** SQLite only: the database file. */
  databaseFile?: string
  /** Local media directory; undefined when media live in an S3 bucket (backed up by the bucket's own versioning). */
  mediaDir?: string
  /** Embedded search index file; undefined with Meilisearch (rebuilt from the database after a restore). */
  searchIndexFile?: string
}

export function locationsFromEnv(env: Record<string, string | undefined> = process.env): Locations {
  const databaseUri = env.DATABASE_URI || defaultDatabaseUri()
  const kind = databaseKind(databaseUri)
  return {
    databaseUri,
    databaseKind: kind,
    databaseFile: kind === 'sqlite' ? sqliteFile(databaseUri) : undefined,
    mediaDir: env.S3_BUCKET ? undefined : path.resolve(env.MEDIA_DIR || 'data/media'),
    // Same rule as src/search/factory.ts (the default path there comes from search settings.json).
    searchIndexFile: env.MEILI_HOST ? undefined : path.resolve(env.SEARCH_INDEX_PATH || path.join(env.DATA_DIR || 'data', 'search', 'index.db')),
  }
}
