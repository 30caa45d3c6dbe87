import type { SanitizedConfig } from 'payload'

/** The application's Payload config; for serving a seeded SQLite file, the same with schema push off. */
export async function benchConfig(options: { push?: boolean } = {}): Promise<SanitizedConfig> {
  const uri = process.env.DATABASE_URI ?? ''
  const config = (await import('@payload-config')).default
  // Serving: never push the schema. Other collections may have been added since the bench
  // database was seeded, and SQLite schema pushes that rebuild tables fail on a populated file.
  if (options.push !== false || !uri.startsWith('file:')) return config
  const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
  // busyTimeout as src/db/adapter.ts sets it: several bench workers (and their page-view flushes) share the file.
  return { ...config, db: sqliteAdapter({ client: { url: uri }, push: false, busyTimeout: 5_000 }) }
}
