import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import type { Payload } from 'payload'
import { freshDatabaseUri } from './database'

/**
 * Boots Payload on a fresh database for one test file. The database URI is read when the config is
 * imported, so it is set first; vitest runs each file in its own process.
 */
export async function bootPayload(label: string, options: { seeded?: boolean } = {}): Promise<Payload> {
  process.env.DATABASE_URI = await freshDatabaseUri(label, options)
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.MEDIA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'sitegroup-media-'))
  // Each test file gets its own search index; the shared default would mix test files' documents.
  process.env.SEARCH_INDEX_PATH ||= path.join(mkdtempSync(path.join(os.tmpdir(), 'sitegroup-search-')), 'index.db')
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

/** A logged-in user object as access functions see it (Local API with overrideAccess: false). */
export async function userByEmail(payload: Payload, email: string) {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, overrideAccess: true, limit: 1 })
  if (!docs[0]) throw new Error(`No user ${email}`)
  return { ...docs[0], collection: 'users' as const }
}

export const DEMO_PASSWORD = 'Demo#2026yl'
