/**
 * The letter inbox: acknowledged public letters are stored narrow, then promoted into full letters
 * in the background (src/interaction/letter-intake.ts, letter-promotion.ts).
 */
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createChallenge,
  createLetterDoc,
  createLetterPromoter,
  hashQueryCode,
  letterPromoterFor,
  loadWorkingCalendar,
  manualClock,
  newLetterSnapshot,
  promoteLetterInbox,
  receiveLetter,
  solveChallenge,
  trackLetter,
  type LetterSubmission,
} from '../../src/interaction'
import { bootInteractionPayload, form, seedWorld, startServer, type World } from './helpers/boot'

const SECRET = 'inbox-secret-0123456789abcdef'
const PHONE = '13877519876'
const ID_NUMBER = '450902198805061234'
let payload: Payload
let world: World
let server: { base: string; close: () => Promise<void> }
const clock = manualClock('2025-04-25T02:00:00Z') // Friday 10:00 Beijing, before the May Day holiday

beforeAll(async () => {
  payload = await bootInteractionPayload('interaction-inbox')
  world = await seedWorld(payload)
  server = await startServer({ payload, clock, powBits: 2, rateLimits: false, secret: SECRET })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await letterPromoterFor(payload).drain()
})
afterAll(async () => {
  await server?.close()
  await payload?.destroy()
})

const count = async (collection: string, where?: object) =>
  (await payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs
const inboxEntries = async (where?: object) =>
  (await payload.find({ collection: 'letter-inbox' as never, where: where as never, limit: 1000, depth: 0, overrideAccess: true })).docs as any[]
const letterByHash = async (code: string) =>
  (await payload.find({ collection: 'letters' as never, where: { queryCodeHash: { equals: hashQueryCode(code) } }, depth: 0, overrideAccess: true }))
    .docs as any[]

const pow = () => {
  const { challenge } = createChallenge(SECRET, { now: clock.now(), bits: 2, ttlSeconds: 3600 })
  return { pow_challenge: challenge, pow_solution: solveChallenge(challenge, 2) }
}
const letterForm = (i: number) => ({
  route: 'site',
  site: 'jyj',
  subject: `第${i}号路灯不亮`,
  category: 'complaint',
  content: `人民东路第${i}号路灯已经坏了一周，请尽快维修。`,
  name: '刘一',
  phone: PHONE,
  publishable: 'on',
  ...pow(),
})
const post = async (body: Record<string, unknown>) => {
  const res = await fetch(`${server.base}/letters`, { method: 'POST', body: form(body) })
  const html = await res.text()
  return { status: res.status, html, code: /class="code">([A-Z0-9]{12})</.exec(html)?.[1] }
}
const submission = (subject: string): LetterSubmission => ({
  subject,
  category: 'consultation',
  content: `我叫周八，电话${PHONE}，身份证${ID_NUMBER}，想咨询入学政策。`,
  name: '周八',
  phone: PHONE,
  publishable: true,
})
/** Keeps the in-process promoter from running, as if the process died right after acknowledging. */
const holdPromotion = () => vi.spyOn(letterPromoterFor(payload), 'kick').mockImplementation(() => undefined)

describe('an acknowledged letter is never lost', () => {
  it('40 concurrent writers: every acknowledged letter is in the inbox or the letters at once, and a letter after promotion', async () => {
    const lettersBefore = await count('letters')
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => post(letterForm(i))))
    const acknowledged = results.filter((r) => r.status === 200 && r.code)
    expect(acknowledged).toHaveLength(40)
    // Right after the last acknowledgement, before waiting for anything: each is in the inbox or
    // already a letter. The inbox is read first: an entry leaves it only after its letter exists.
    const inInbox = new Set((await inboxEntries()).map((e) => e.queryCodeHash))
    const asLetters = new Set(
      ((await payload.find({ collection: 'letters' as never, limit: 10_000, depth: 0, overrideAccess: true })).docs as any[]).map((l) => l.queryCodeHash),
    )
    for (const { code } of acknowledged) expect(inInbox.has(hashQueryCode(code!)) || asLetters.has(hashQueryCode(code!)), code).toBe(true)
    await letterPromoterFor(payload).drain()
    expect(await count('letter-inbox')).toBe(0)
    expect((await count('letters')) - lettersBefore).toBe(40)
    for (const { code } of acknowledged) expect(await letterByHash(code!)).toHaveLength(1)
  })

  it('one failing submission in a burst fails alone; its neighbours are stored exactly once', async () => {
    holdPromotion()
    const inboxBefore = await count('letter-inbox')
    const input = (subject: string, powNonce: string) => ({
      submission: submission(subject),
      route: 'site' as const,
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      powNonce,
      clock,
    })
    await receiveLetter(payload, input('已用的验证', 'nonce-used'))
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'used', 'c', 'd'].map((n) => receiveLetter(payload, input(`并发来信${n}`, n === 'used' ? 'nonce-used' : `nonce-${n}`))),
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect((await count('letter-inbox')) - inboxBefore).toBe(5)
    for (const n of ['a', 'b', 'c', 'd']) expect(await count('letter-inbox', { powNonce: { equals: `nonce-${n}` } })).toBe(1)
  })
})

describe('promotion', () => {
  it('creates exactly one letter per entry when two promoters run at the same time', async () => {
    holdPromotion()
    const codes = [] as string[]
    for (let i = 0; i < 6; i++)
      codes.push(
        (
          await receiveLetter(payload, {
            submission: submission(`并发转入${i}`),
            route: 'site',
            siteId: world.educationSite.id,
            organizationId: world.education.id,
            clock,
          })
        ).queryCode,
      )
    // Two independent promoters (as in two app servers) plus a direct call, all at once.
    const runs = await Promise.all([createLetterPromoter(payload).drain(), createLetterPromoter(payload).drain(), promoteLetterInbox(payload, { limit: 50 })])
    for (const code of codes) expect(await letterByHash(code)).toHaveLength(1)
    expect(await count('letter-inbox')).toBe(0)
    const promoted = runs.reduce((sum, r) => sum + r.promoted, 0)
    expect(promoted).toBe(6)
  })

  it('after a crash between creating the letter and deleting the entry, the next run only deletes the entry', async () => {
    holdPromotion()
    const { queryCode } = await receiveLetter(payload, {
      submission: submission('转入中断'),
      route: 'site',
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      clock,
    })
    const [entry] = await inboxEntries({ queryCodeHash: { equals: hashQueryCode(queryCode) } })
    // Step one of a promotion, then the process dies: the letter exists, the entry is still there.
    const snapshot = newLetterSnapshot({
      receivedAt: new Date(entry.receivedAt),
      workingDays: 10,
      calendar: await loadWorkingCalendar(payload),
      assignedOrganization: world.education.id,
    })
    await createLetterDoc(payload, {
      submission: entry.submission,
      route: 'site',
      siteId: world.educationSite.id,
      queryCodeHash: entry.queryCodeHash,
      snapshot,
    })
    const run = await promoteLetterInbox(payload)
    expect(run).toMatchObject({ picked: 1, promoted: 0, alreadyPromoted: 1 })
    expect(await letterByHash(queryCode)).toHaveLength(1)
    expect(await count('letter-inbox', { queryCodeHash: { equals: hashQueryCode(queryCode) } })).toBe(0)
  })

  it('when deleting the entry keeps failing, the entry stays pending and the next run finishes it with one letter', async () => {
    holdPromotion()
    const { queryCode } = await receiveLetter(payload, {
      submission: submission('删除失败'),
      route: 'site',
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      clock,
    })
    const broken = vi.spyOn(payload.db, 'deleteOne').mockRejectedValue(new Error('simulated: database unavailable'))
    const first = await promoteLetterInbox(payload)
    expect(first).toMatchObject({ picked: 1, retryLater: 1 })
    broken.mockRestore()
    // Without transactions (SQLite) the letter was created; with them (PostgreSQL) it was rolled back.
    expect((await letterByHash(queryCode)).length).toBeLessThanOrEqual(1)
    expect(await count('letter-inbox', { queryCodeHash: { equals: hashQueryCode(queryCode) } })).toBe(1)
    const second = await promoteLetterInbox(payload)
    expect(second.promoted + second.alreadyPromoted).toBe(1)
    expect(await letterByHash(queryCode)).toHaveLength(1)
    expect(await count('letter-inbox', { queryCodeHash: { equals: hashQueryCode(queryCode) } })).toBe(0)
  })

  it('keeps the received time, deadline and query code, and masks the public text', async () => {
    holdPromotion()
    const received = await receiveLetter(payload, {
      submission: submission('入学政策咨询'),
      route: 'site',
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      clock,
    })
    expect(received.receivedAt).toBe('2025-04-25T02:00:00.000Z')
    // 10 working days (consultation) across the May Day holiday and the make-up Sunday 04-27.
    expect(received.deadline).toBe('2025-05-13T15:59:59.999Z')
    clock.set('2025-05-06T02:00:00Z') // promoted much later (e.g. after an outage): times stay those of receipt
    await letterPromoterFor(payload).drain()
    clock.set('2025-04-25T02:00:00Z')
    const found = await trackLetter(payload, received.queryCode)
    expect(found.ok).toBe(true)
    const letter = (found as { letter: any }).letter
    expect(letter.inInbox).toBeUndefined()
    expect(letter).toMatchObject({ status: 'received', receivedAt: received.receivedAt, deadline: received.deadline, route: 'site', publishable: true })
    expect(letter.assignedOrganization.id).toBe(world.education.id)
    expect(letter.history).toEqual([expect.objectContaining({ action: 'submit', to: 'received', at: received.receivedAt })])
    expect(letter.publicContent).not.toContain(PHONE)
    expect(letter.publicContent).not.toContain(ID_NUMBER)
    expect(letter.publicContent).not.toContain('周八')
    // The letter's creation is in the audit log (the inbox entry was written without hooks).
    expect(
      await count('audit-log', {
        and: [{ targetCollection: { equals: 'letters' } }, { targetId: { equals: String(letter.id) } }, { action: { equals: 'create' } }],
      }),
    ).toBe(1)
  })

  it('the jobs-queue task promotes what a crashed process left in the inbox', async () => {
    holdPromotion()
    const { queryCode } = await receiveLetter(payload, {
      submission: submission('重启后转入'),
      route: 'mailbox',
      siteId: world.portal.id,
      organizationId: null,
      clock,
    })
    expect(await letterByHash(queryCode)).toHaveLength(0)
    await payload.jobs.queue({ task: 'promoteLetterInbox' as never, input: {} as never })
    await payload.jobs.run()
    const [letter] = await letterByHash(queryCode)
    expect(letter).toMatchObject({ route: 'mailbox', status: 'received' })
    expect(letter.assignedOrganization ?? null).toBeNull()
  })
})

describe('tracking before promotion', () => {
  it('finds a letter that is still in the inbox and shows it as received', async () => {
    holdPromotion()
    const { status, code } = await post({ ...letterForm(900), subject: '尚未转入的来信' })
    expect(status).toBe(200)
    expect(await letterByHash(code!)).toHaveLength(0)
    expect(await count('letter-inbox', { queryCodeHash: { equals: hashQueryCode(code!) } })).toBe(1)
    const res = await fetch(`${server.base}/letters/track`, { method: 'POST', body: form({ code }) })
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('尚未转入的来信')
    expect(html).toContain('已受理')
    expect(html).toContain('玉林市教育局')
    expect(html).toContain('尚未答复')
    // Rating the reply before there is one is refused, clearly, not with an error page.
    const rated = await fetch(`${server.base}/letters/satisfaction`, { method: 'POST', body: form({ code, value: 'satisfied' }) })
    expect(rated.status).toBe(200)
    expect(await rated.text()).toContain('来信答复后才能评价')
  })
})

describe('an entry that cannot be promoted', () => {
  it('whose target site was deleted meanwhile is kept as "needs attention" with the reason, and promoted once repaired', async () => {
    holdPromotion()
    const site = (await payload.create({
      collection: 'sites',
      data: {
        name: '临时专题网站',
        code: 'tmp',
        domains: [{ domain: 'tmp.yulin.gov.cn' }],
        identificationCode: '4509000009',
        organization: world.education.id,
        theme: 'department',
      } as never,
      overrideAccess: true,
    })) as any
    const { queryCode } = await receiveLetter(payload, {
      submission: submission('网站已撤销'),
      route: 'site',
      siteId: site.id,
      organizationId: world.education.id,
      clock,
    })
    await payload.delete({ collection: 'sites', id: site.id, overrideAccess: true })
    const run = await promoteLetterInbox(payload)
    expect(run.needsAttention).toBe(1)
    expect(await letterByHash(queryCode)).toHaveLength(0)
    const [entry] = await inboxEntries({ queryCodeHash: { equals: hashQueryCode(queryCode) } })
    expect(entry.state).toBe('needs-attention')
    expect(entry.problem).toContain(`#${site.id} no longer exists`)
    expect(entry.problem).toContain('已不存在')
    // Not retried in a loop, and still visible to the writer as received.
    expect((await promoteLetterInbox(payload)).picked).toBe(0)
    expect(await trackLetter(payload, queryCode)).toMatchObject({ ok: true, letter: { status: 'received', subject: '网站已撤销' } })
    // Only the central office sees the inbox (it holds personal data).
    await expect(payload.find({ collection: 'letter-inbox' as never, user: world.eduHandler, overrideAccess: false })).rejects.toThrow()
    const visible = await payload.find({
      collection: 'letter-inbox' as never,
      where: { state: { equals: 'needs-attention' } },
      user: world.central,
      overrideAccess: false,
    })
    expect(visible.docs.map((d: any) => d.id)).toContain(entry.id)
    // The central office points it at an existing site and saves: it is promoted.
    const repaired = (await payload.update({
      collection: 'letter-inbox' as never,
      id: entry.id,
      data: { targetSite: String(world.educationSite.id) } as never,
      user: world.central,
      overrideAccess: false,
    })) as any
    expect(repaired).toMatchObject({ state: 'pending', attempts: 0 })
    expect((await promoteLetterInbox(payload)).promoted).toBe(1)
    const [letter] = await letterByHash(queryCode)
    expect(String(letter.site)).toBe(String(world.educationSite.id))
  })

  it('whose stored letter is invalid is kept with the fields named', async () => {
    holdPromotion()
    const { queryCode } = await receiveLetter(payload, {
      submission: submission('内容被改坏'),
      route: 'site',
      siteId: world.educationSite.id,
      organizationId: world.education.id,
      clock,
    })
    const [entry] = await inboxEntries({ queryCodeHash: { equals: hashQueryCode(queryCode) } })
    await payload.db.updateOne({
      collection: 'letter-inbox' as never,
      id: entry.id,
      data: { submission: { subject: '', category: 'nonsense', content: 'x', phone: '1' } },
      returning: false,
    })
    expect((await promoteLetterInbox(payload)).needsAttention).toBe(1)
    const [after] = await inboxEntries({ id: { equals: entry.id } })
    expect(after.state).toBe('needs-attention')
    expect(after.problem).toMatch(/invalid.*subject.*category/s)
    expect(await letterByHash(queryCode)).toHaveLength(0)
  })
})
