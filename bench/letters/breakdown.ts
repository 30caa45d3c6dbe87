/**
 * Where the CPU of one acknowledged letter goes (npx tsx bench/letters/breakdown.ts): each step of
 * receiveLetter timed alone with process.cpuUsage over 300 calls, on a fresh SQLite database, beside
 * a raw SQL insert of the same row (the floor without Payload's adapter) and the bulk insert the
 * intake now uses (src/db/bulk.ts). Promotion is held off. CPU only: the commit's fsync wait, which
 * blocks the event loop once per batch, does not show here (bench/letters/profile.ts shows it).
 */
import { createLocalReq } from 'payload'
import { insertInboxRows } from '../../src/db/bulk'
import { bootInteractionPayload, seedWorld } from '../../tests/interaction/helpers/boot'
import {
  generateQueryCode,
  hashQueryCode,
  letterPromoterFor,
  loadWorkingCalendar,
  manualClock,
  newLetterSnapshot,
  receiveLetter,
  validateLetterSubmission,
} from '../../src/interaction'

const N = 300
async function cpu(label: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 20; i++) await fn(-i - 1)
  const c = process.cpuUsage()
  for (let i = 0; i < N; i++) await fn(i)
  const u = process.cpuUsage(c)
  console.log(label.padEnd(40), ((u.user + u.system) / 1000 / N).toFixed(3), 'ms CPU')
}

async function main() {
  const payload = await bootInteractionPayload('bench-letters-breakdown')
  const world = await seedWorld(payload)
  payload.logger.level = 'warn'
  letterPromoterFor(payload).kick = () => undefined
  const clock = manualClock('2025-03-03T02:00:00Z')
  const sub = {
    subject: '关于路灯损坏的问题',
    category: 'complaint',
    content: '我家附近的路灯已经损坏多日，晚上出行很不方便，希望有关部门尽快维修。',
    name: '张三',
    phone: '13877510000',
    publishable: true,
  }
  const calendar = await loadWorkingCalendar(payload)
  await cpu('loadWorkingCalendar (cached)', () => loadWorkingCalendar(payload))
  await cpu('deadline (newLetterSnapshot)', () => newLetterSnapshot({ receivedAt: new Date(), workingDays: 15, calendar, assignedOrganization: 1 }))
  await cpu('query code + hash', () => hashQueryCode(generateQueryCode(12)))
  await cpu('validation (zod + sanitize-html)', () => validateLetterSubmission({ ...sub, publishable: 'on' }))
  await cpu('createLocalReq', () => createLocalReq({}, payload))
  let k = 0
  const now = () => new Date().toISOString()
  const row = () => ({
    state: 'pending',
    attempts: 0,
    route: 'site',
    targetSite: '2',
    targetOrganization: '2',
    receivedAt: now(),
    deadline: now(),
    submission: sub,
    queryCodeHash: `b${k++}`,
    powNonce: null,
    addressHash: 'x',
    createdAt: now(),
    updatedAt: now(),
  })
  await cpu('payload.db.create, returning: false', () => payload.db.create({ collection: 'letter-inbox' as never, data: row(), returning: false }))
  await cpu('payload.db.create, returning the row', () => payload.db.create({ collection: 'letter-inbox' as never, data: row() }))
  // The intake's path since the bulk insert (src/db/bulk.ts): one row a batch, and a burst of 50.
  const bulkRow = () => ({ ...row(), state: 'pending' as const, route: 'site' as const })
  await cpu('insertInboxRows, 1 row a batch', () => insertInboxRows(payload, [bulkRow()]))
  const c50 = process.cpuUsage()
  for (let i = 0; i < N / 50; i++) await insertInboxRows(payload, Array.from({ length: 50 }, bulkRow))
  const u50 = process.cpuUsage(c50)
  console.log('insertInboxRows, 50 rows a batch (per row)'.padEnd(40), ((u50.user + u50.system) / 1000 / N).toFixed(3), 'ms CPU')
  await cpu('receiveLetter (all of the above)', () =>
    receiveLetter(payload, {
      submission: sub as never,
      route: 'site',
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      clock,
      address: '1.2.3.4',
      secret: 's',
    }),
  )
  const client = (payload.db as unknown as { client?: { execute: (q: unknown) => Promise<unknown> } }).client
  if (client) {
    await cpu('raw SQL insert, same row (floor)', (i) =>
      client.execute({
        sql: 'insert into letter_inbox (state, attempts, route, target_site, target_organization, received_at, deadline, submission, query_code_hash, address_hash, updated_at, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)',
        args: ['pending', 0, 'site', '2', '2', now(), now(), JSON.stringify(sub), `raw${i}:${Math.random()}`, 'x', now(), now()],
      }),
    )
  }
  await payload.destroy()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
