import type { SanitizedConfig } from 'payload'
import { readFileSync } from 'node:fs'

/**
 * The application's Payload config, plus service-guides and page-views when payload.config.ts
 * does not register them yet (the public pages read both).
 */
export async function benchConfig(options: { push?: boolean } = {}): Promise<SanitizedConfig> {
  const uri = process.env.DATABASE_URI ?? ''
  // Serving: never push the schema. Other collections may have been added since the bench
  // database was seeded, and SQLite schema pushes that rebuild tables fail on a populated file.
  const noPush = options.push === false && uri.startsWith('file:')
  const text = ['payload.config.ts', 'collections/index.ts'].map((f) => readFileSync(f, 'utf8')).join('\n')
  if (/ServiceGuides/.test(text) && /PageViews/.test(text) && !noPush) return (await import('@payload-config')).default
  const { buildConfig } = await import('payload')
  const [{ lexicalEditor }, { default: sharp }, { collections }, { GroupSettings }, { databaseAdapter }, { i18n }, { ServiceGuides }, { PageViews }] =
    await Promise.all([
      import('@payloadcms/richtext-lexical'),
      import('sharp'),
      import('../../collections'),
      import('../../globals/group-settings'),
      import('../../src/db/adapter'),
      import('../../src/i18n'),
      import('../../collections/service-guides'),
      import('../../collections/page-views'),
    ])
  return buildConfig({
    admin: { user: 'users', avatar: 'default' },
    collections: [
      ...collections.filter((c) => !c.slug.startsWith('payload-') && c.slug !== 'service-guides' && c.slug !== 'page-views'),
      ServiceGuides,
      PageViews,
    ],
    globals: [GroupSettings],
    editor: lexicalEditor(),
    secret: process.env.PAYLOAD_SECRET || 'bench',
    // busyTimeout as src/db/adapter.ts sets it: several bench workers (and their page-view flushes) share the file.
    db: noPush ? (await import('@payloadcms/db-sqlite')).sqliteAdapter({ client: { url: uri }, push: false, busyTimeout: 5_000 }) : databaseAdapter(),
    sharp,
    i18n,
    typescript: { autoGenerate: false },
    telemetry: false,
  })
}
