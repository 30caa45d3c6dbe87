/**
 * Fault: the server is killed with SIGKILL in the middle of a bulk publish. After a restart on the
 * same database file every article whose save had been acknowledged is there and published, the
 * database opens cleanly, and a search reconcile makes the (equally interrupted) index equal the
 * database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSearchIndexer, EmbeddedSearchEngine, searchSourcesOf } from '../../src/search/index'
import { freshDatabaseUri, testDatabaseKind } from '../helpers/database'
import { LineProcess } from '../backup/processes'

const KILL_AFTER = 8
const PREFIX = `sigkill-${process.pid}`

let dir: string
let databaseUri: string
let indexFile: string
let payload: Payload | undefined
let engine: EmbeddedSearchEngine | undefined
const acked = new Map<string, string>() // id → title

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-sigkill-'))
  indexFile = path.join(dir, 'index.db')
  databaseUri = await freshDatabaseUri('faults-sigkill', { seeded: true })
})

afterAll(async () => {
  await engine?.close()
  await payload?.destroy()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('server killed with SIGKILL during a bulk publish', () => {
  it('loses nothing acknowledged and the index reconciles to the database', async () => {
    // The copy of the template already has the schema: no process pushes it (PAYLOAD_MIGRATING).
    const env = {
      ...process.env,
      DATABASE_URI: databaseUri,
      SEARCH_INDEX_PATH: indexFile,
      MEDIA_DIR: path.join(dir, 'media'),
      JOBS_AUTORUN: 'false',
      PAYLOAD_MIGRATING: 'true',
      PAYLOAD_SECRET: 'faults-sigkill-secret',
      FAULT_TITLE_PREFIX: PREFIX,
    }
    const publisher = new LineProcess('tests/faults/bulk-publisher.ts', env)
    await publisher.waitFor((line) => line === 'ready', 240_000)
    await publisher.waitFor((line) => line.startsWith(`acked ${KILL_AFTER} `), 120_000)
    // Killed while the next save is in flight: no shutdown hook, no chance to flush anything.
    publisher.child.kill('SIGKILL')
    await publisher.exited
    for (const line of publisher.lines.filter((l) => l.startsWith('acked '))) {
      const [, n, id] = line.split(' ')
      acked.set(id!, `${PREFIX}-${n!.padStart(5, '0')}`)
    }
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER)
    console.log(`SIGKILL after ${acked.size} acknowledged publishes`)

    if (testDatabaseKind() === 'sqlite') {
      // Opening replays the write-ahead log the killed process left behind.
      const db = new Database(databaseUri.replace(/^file:/, ''))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.close()
    } else console.log('integrity_check skipped: PostgreSQL recovers its own WAL; the reads below check the data')

    // Restart on the same database and index file.
    Object.assign(process.env, env)
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config })

    for (const [id, title] of acked) {
      const doc = await payload.findByID({ collection: 'articles', id, depth: 0, draft: false, overrideAccess: true })
      expect(doc.title).toBe(title)
      expect(doc._status).toBe('published')
      expect(doc.state).toBe('published')
    }
    // At most the one save in flight at the kill may exist beyond the acknowledged ones.
    const written = await payload.find({
      collection: 'articles',
      where: { title: { like: PREFIX } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { title: true },
    })
    const unacknowledged = written.docs.filter((doc) => !acked.has(String(doc.id)))
    expect(unacknowledged.length).toBeLessThanOrEqual(1)

    engine = new EmbeddedSearchEngine({ file: indexFile, workers: 0 })
    await createSearchIndexer(payload, engine).reconcile()
    const expected = new Set<string>()
    for (const source of searchSourcesOf(payload)) {
      const { docs } = await payload.find({
        collection: source.collection as 'articles',
        where: await source.publicWhere(),
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: {},
      })
      for (const doc of docs) expected.add(`${source.collection}:${doc.id}`)
    }
    const indexed = new Set<string>()
    for await (const id of engine.allIds()) indexed.add(id)
    expect(indexed).toEqual(expected)
    for (const id of acked.keys()) expect(indexed.has(`articles:${id}`)).toBe(true)
  }, 480_000)
})
