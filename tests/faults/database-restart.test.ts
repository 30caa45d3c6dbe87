/**
 * Fault: the database server drops every connection (as a PostgreSQL restart or failover does)
 * while the app serves. Requests in that moment may fail with an error, but the app recovers
 * without a restart: the connection pool replaces dead connections and later reads and writes work.
 * PostgreSQL only: an embedded SQLite file has no server to restart.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload } from '../helpers/payload'

const onPostgres = Boolean(process.env.TEST_DATABASE_URI?.startsWith('postgres'))
if (!onPostgres)
  console.log(
    'database-restart fault test skipped: it needs PostgreSQL (TEST_DATABASE_URI=postgres://…); SQLite is an embedded file with no server connections to drop',
  )

/** Until `attempt` succeeds or `ms` pass; returns the result and how many attempts failed. */
async function eventually<T>(attempt: () => Promise<T>, ms: number): Promise<{ value: T; failures: string[] }> {
  const started = Date.now()
  const failures: string[] = []
  for (;;) {
    try {
      return { value: await attempt(), failures }
    } catch (error) {
      failures.push((error as Error).message)
      if (Date.now() - started > ms) throw new Error(`no recovery after ${ms} ms; errors: ${failures.slice(-3).join(' | ')}`, { cause: error })
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

describe.skipIf(!onPostgres)('database connections dropped (PostgreSQL restart)', () => {
  let payload: Payload
  let database: string

  beforeAll(async () => {
    payload = await bootPayload('faults-db-restart', { seeded: true })
    database = new URL(process.env.DATABASE_URI!).pathname.slice(1)
  })

  afterAll(async () => {
    await payload?.destroy()
  })

  async function terminateBackends(): Promise<number> {
    const url = new URL(process.env.TEST_DATABASE_URI!)
    url.pathname = '/postgres'
    const admin = new pg.Client({ connectionString: url.toString() })
    await admin.connect()
    try {
      const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database,
      ])
      return rows.filter((row) => row.killed).length
    } finally {
      await admin.end()
    }
  }

  it('recovers without a restart after every connection was terminated', async () => {
    const before = await payload.count({ collection: 'articles', overrideAccess: true })
    expect(before.totalDocs).toBeGreaterThan(0)
    // Several reads at once so the pool holds more than one connection to kill.
    await Promise.all([1, 2, 3].map(() => payload.find({ collection: 'sites', limit: 1, depth: 0, overrideAccess: true })))

    const killed = await terminateBackends()
    expect(killed).toBeGreaterThan(0)

    // The next requests may fail, with a clear error rather than a hang; later ones must succeed.
    const read = await eventually(() => payload.count({ collection: 'articles', overrideAccess: true }), 30_000)
    console.log(`terminated ${killed} connections; ${read.failures.length} request(s) failed before recovery${read.failures[0] ? `: ${read.failures[0]}` : ''}`)
    expect(read.value.totalDocs).toBe(before.totalDocs)

    const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]!
    const column = (
      await payload.find({
        collection: 'columns',
        where: { and: [{ site: { equals: site.id } }, { path: { equals: 'gzdt/bdwdt' } }] },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]!
    const created = await payload.create({
      collection: 'articles',
      data: { title: '数据库重启后发布', column: column.id, state: 'published', _status: 'published' } as never,
      depth: 0,
      overrideAccess: true,
    })
    const stored = await payload.findByID({ collection: 'articles', id: created.id, depth: 0, overrideAccess: true })
    expect(stored.title).toBe('数据库重启后发布')
  }, 180_000)
})
