/** The SQLite bulk inbox insert never creates a database: a missing file refuses every row of the batch. */
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { insertInboxRowsSqlite } from '../../src/db/bulk-sqlite'
import type { BulkInboxRow } from '../../src/db/bulk'

const row = (n: string): BulkInboxRow => ({
  state: 'pending',
  attempts: 0,
  route: 'mailbox',
  targetSite: '1',
  targetOrganization: null,
  receivedAt: '2025-03-03T02:00:00.000Z',
  deadline: '2025-03-24T09:59:59.999Z',
  submission: { subject: n },
  queryCodeHash: `h-${n}`,
  powNonce: null,
  addressHash: null,
  createdAt: '2025-03-03T02:00:00.000Z',
  updatedAt: '2025-03-03T02:00:00.000Z',
})

it('refuses every row when the database file is missing, and creates no file', () => {
  const missing = path.join(mkdtempSync(path.join(os.tmpdir(), 'inbox-bulk-')), 'missing.db')
  const outcomes = insertInboxRowsSqlite(`file:${missing}`, [row('a'), row('b')])
  expect(outcomes.map((o) => o.ok)).toEqual([false, false])
  expect((outcomes[0] as { error: Error }).error.message).toMatch(/does not exist|unable to open/i)
  expect(existsSync(missing)).toBe(false)
})
