/**
 * The letter inbox's bulk insert on PostgreSQL: TEST_DATABASE_URI when it is a PostgreSQL server,
 * else the local one (postgres://postgres:postgres@127.0.0.1:5432/postgres) if it answers.
 */
import pg from 'pg'
import { describe } from 'vitest'
import { bootInteractionPayload } from './helpers/boot'
import { inboxBulkCases } from './helpers/inbox-bulk-cases'

const server = process.env.TEST_DATABASE_URI?.startsWith('postgres') ? process.env.TEST_DATABASE_URI : 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const reachable = await (async () => {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch (error) {
    console.warn(`SKIPPED: PostgreSQL bulk inbox insert — no PostgreSQL server at ${server.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message})`)
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
})()

describe.skipIf(!reachable)('letter inbox bulk insert (PostgreSQL)', () =>
  inboxBulkCases(() => {
    process.env.TEST_DATABASE_URI = server
    return bootInteractionPayload('inbox-bulk-pg')
  }, 'postgres'),
)
