/**
 * The bulk insert of letter-inbox rows (src/db/bulk.ts, insertInboxRows), the same cases on every
 * adapter: rows written by the batch insert are read back through the Local API exactly as a
 * Local API create would have stored them, a duplicate is refused alone and named, and the public
 * intake's group commit stores a burst in few batches, acknowledging each only after its batch.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { insertInboxRows, type BulkInboxRow } from '../../../src/db/bulk'
import { hashQueryCode, letterInboxStore, letterPromoterFor, manualClock, receiveLetter } from '../../../src/interaction'

/** `adapter`: the Payload adapter name the cases must run on ('sqlite', 'postgres', 'mongoose'), or any when omitted. */
export function inboxBulkCases(boot: () => Promise<Payload>, adapter?: string) {
  let payload: Payload
  beforeAll(async () => {
    payload = await boot()
    if (adapter) expect(payload.db.name).toBe(adapter)
    // Intake only: the promoter would move the rows on into letters while we read them.
    letterPromoterFor(payload).kick = () => undefined
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  const now = '2025-03-03T02:00:00.000Z'
  const row = (n: string, extra: Partial<BulkInboxRow> = {}): BulkInboxRow => ({
    state: 'pending',
    attempts: 0,
    route: 'site',
    targetSite: '7',
    targetOrganization: n === 'mailbox' ? null : '9',
    receivedAt: now,
    deadline: '2025-03-24T09:59:59.999Z',
    submission: {
      subject: `批量${n}`,
      category: 'complaint',
      content: `第${n}条内容，含“引号”与 <尖括号> 文本`,
      name: '张三',
      phone: '13877510000',
      publishable: true,
    },
    queryCodeHash: `bulk-hash-${n}`,
    powNonce: `bulk-nonce-${n}`,
    addressHash: null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  })
  const find = async (queryCodeHash: string) =>
    (await payload.find({ collection: 'letter-inbox' as never, where: { queryCodeHash: { equals: queryCodeHash } }, depth: 0, overrideAccess: true }))
      .docs as Record<string, any>[]

  it('stores a batch that reads back through the Local API like a Local API create', async () => {
    const outcomes = await insertInboxRows(payload, [row('a'), row('b'), row('mailbox')])
    expect(outcomes).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    const viaLocalApi = await payload.create({ collection: 'letter-inbox' as never, overrideAccess: true, data: row('local') as never })
    const [a] = await find('bulk-hash-a')
    const [mailbox] = await find('bulk-hash-mailbox')
    for (const doc of [a, mailbox]) {
      expect(Object.keys(doc!).sort()).toEqual(Object.keys(viaLocalApi as object).sort())
      expect(typeof doc!.id).toBe(typeof (viaLocalApi as { id: unknown }).id)
    }
    expect(a).toMatchObject({
      state: 'pending',
      attempts: 0,
      route: 'site',
      targetSite: '7',
      targetOrganization: '9',
      receivedAt: now,
      deadline: '2025-03-24T09:59:59.999Z',
      powNonce: 'bulk-nonce-a',
      createdAt: now,
    })
    expect(a!.submission).toEqual(row('a').submission)
    expect(mailbox!.targetOrganization ?? null).toBeNull()
  })

  it('refuses a duplicate alone, names the field, and stores its neighbours exactly once', async () => {
    const outcomes = await insertInboxRows(payload, [row('c'), row('d', { queryCodeHash: 'bulk-hash-a' }), row('e', { powNonce: 'bulk-nonce-b' }), row('f')])
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true])
    expect(outcomes[1]).toMatchObject({ ok: false, conflict: 'queryCodeHash' })
    expect(outcomes[2]).toMatchObject({ ok: false, conflict: 'powNonce' })
    expect((outcomes[1] as { error: Error }).error).toBeInstanceOf(Error)
    for (const n of ['c', 'f']) expect(await find(`bulk-hash-${n}`)).toHaveLength(1)
    expect(await find('bulk-hash-e')).toHaveLength(0)
    expect(await find('bulk-hash-a')).toHaveLength(1)
  })

  it('draws a new query code when the stored hash clashes, and does not retry a reused proof of work', async () => {
    const clock = manualClock('2025-03-03T02:00:00Z')
    const input = (n: string) => ({
      submission: { subject: `重试${n}`, category: 'consultation', content: `第${n}封来信的内容。`, name: '王五', phone: '13877510002', publishable: false },
      route: 'site' as const,
      siteId: 7,
      organizationId: 9,
      powNonce: `retry-${n}`,
      clock,
    })
    const clash = { ok: false as const, error: new Error('UNIQUE constraint failed: letter_inbox.query_code_hash'), conflict: 'queryCodeHash' as const }
    const spy = vi.spyOn(letterInboxStore, 'insert').mockResolvedValueOnce([clash])
    const received = await receiveLetter(payload, input('a'))
    expect(spy).toHaveBeenCalledTimes(2)
    const [first, second] = spy.mock.calls.map(([, rows]) => rows[0]!.queryCodeHash)
    expect(second).not.toBe(first)
    expect(second).toBe(hashQueryCode(received.queryCode))
    expect(await find(second!)).toHaveLength(1)
    spy.mockClear()
    await expect(receiveLetter(payload, input('a'))).rejects.toThrow(/pow_nonce|powNonce|duplicate|unique|E11000/i)
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })

  it('stores a burst of public letters in few batches; each is acknowledged after its batch and read back', async () => {
    const spy = vi.spyOn(letterInboxStore, 'insert')
    const clock = manualClock('2025-03-03T02:00:00Z')
    const received = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        receiveLetter(payload, {
          submission: {
            subject: `并发${i}`,
            category: 'consultation',
            content: `第${i}封并发来信的内容。`,
            name: '李四',
            phone: '13877510001',
            publishable: false,
          },
          route: 'site',
          siteId: 7,
          organizationId: 9,
          powNonce: `burst-${i}`,
          clock,
        }),
      ),
    )
    const batches = spy.mock.calls.map(([, rows]) => rows.length)
    spy.mockRestore()
    expect(batches.reduce((a, b) => a + b, 0)).toBe(60)
    expect(batches.length).toBeLessThan(60)
    for (const r of received) {
      const [doc] = await find(hashQueryCode(r.queryCode))
      expect(doc, r.queryCode).toBeDefined()
      expect(doc!.deadline).toBe(r.deadline)
    }
  })
}
