import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { letterPromoterFor, letterStatistics, manualClock, runLetterReminders, type ManualClock } from '../../src/interaction'
import { bootInteractionPayload, form, seedWorld, solvedForm, startServer, type World } from './helpers/boot'

let payload: Payload
let world: World
let server: { base: string; close: () => Promise<void> }
let clock: ManualClock
const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const
const command = (action: string, extra: Record<string, unknown> = {}) => ({ command: { action, ...extra } }) as never

const PHONE = '13877512345'
const ID_NUMBER = '450902199003151234'

beforeAll(async () => {
  payload = await bootInteractionPayload('interaction-letters')
  world = await seedWorld(payload)
  clock = manualClock('2025-01-27T01:00:00Z') // Monday 09:00 Beijing, the day before the Spring Festival holiday
  server = await startServer({ payload, clock, powBits: 4, rateLimits: false, secret: 'integration-secret-0123456789' })
})
afterAll(async () => {
  await server?.close()
  await payload?.destroy()
})

async function submit(path: string, fields: Record<string, unknown>) {
  const page = await (await fetch(`${server.base}${path}`)).text()
  const res = await fetch(`${server.base}/letters`, { method: 'POST', body: form({ ...fields, ...(await solvedForm(page)) }) })
  const html = await res.text()
  const code = /class="code">([A-Z0-9]{12})</.exec(html)?.[1]
  // Acknowledged from the letter inbox; these tests handle the full letter, so wait for its promotion.
  await letterPromoterFor(payload).drain()
  return { status: res.status, html, code }
}

const letterByCode = async (code: string) => {
  const { trackLetter } = await import('../../src/interaction')
  const found = await trackLetter(payload, code)
  if (!found.ok) throw new Error(found.error)
  return found.letter
}

describe('a letter to a unit site', () => {
  let code: string
  let id: number | string

  it('is stored before the success page, with a query code and a deadline across the Spring Festival and a make-up Saturday', async () => {
    const result = await submit('/s/jyj/letters/new', {
      route: 'site',
      site: 'jyj',
      subject: '学校门口交通拥堵',
      category: 'complaint',
      content: `我叫王小红，电话${PHONE}，身份证${ID_NUMBER}，家住玉林市玉州区人民东路123号。学校门口每天早上拥堵严重。`,
      name: '王小红',
      phone: PHONE,
      publishable: 'on',
    })
    expect(result.status).toBe(200)
    expect(result.code).toMatch(/^[23456789A-HJKMNP-Z]{12}$/)
    code = result.code!
    const letter = await letterByCode(code)
    id = letter.id
    expect(letter).toMatchObject({ status: 'received', route: 'site', publishable: true })
    expect(letter.assignedOrganization.id).toBe(world.education.id)
    // 15 working days from Mon 01-27: 01-28…02-04 holiday, Sat 02-08 make-up day → Mon 02-24 end of day (Beijing)
    expect(letter.deadline).toBe('2025-02-24T15:59:59.999Z')
    expect(letter.queryCodeHash).not.toContain(code)
  })

  it('the handler of another unit cannot see it; its own handler can', async () => {
    expect((await payload.find({ collection: 'letters' as never, ...as(world.transportHandler) })).docs.map((d: any) => d.id)).not.toContain(id)
    expect((await payload.find({ collection: 'letters' as never, ...as(world.eduHandler) })).docs.map((d: any) => d.id)).toContain(id)
    await expect(payload.find({ collection: 'letters' as never, overrideAccess: false })).rejects.toThrow(/无权|Forbidden|not allowed/)
  })

  it('staff cannot rewrite the letter or its workflow fields directly', async () => {
    const updated = await payload.update({
      collection: 'letters' as never,
      id,
      data: { subject: 'changed', status: 'closed', deadline: '2030-01-01T00:00:00Z' } as never,
      ...as(world.eduHandler),
    })
    expect(updated).toMatchObject({ subject: '学校门口交通拥堵', status: 'received', deadline: '2025-02-24T15:59:59.999Z' })
  })

  it('is accepted and replied in the admin, recording who and when', async () => {
    await payload.update({ collection: 'letters' as never, id, data: command('accept'), context: { now: '2025-02-05T02:00:00Z' }, ...as(world.eduHandler) })
    await expect(payload.update({ collection: 'letters' as never, id, data: command('reply', { text: '' }), ...as(world.eduHandler) })).rejects.toThrow(
      /needs the reply text/,
    )
    const replied = (await payload.update({
      collection: 'letters' as never,
      id,
      data: command('reply', { text: `王小红同志：您好！已联系交警在上学时段疏导，如有问题请拨打${PHONE}。` }),
      context: { now: '2025-02-10T02:00:00Z' },
      ...as(world.eduHandler),
    })) as any
    expect(replied.status).toBe('replied')
    expect(replied.history.map((h: any) => [h.action, h.to])).toEqual([
      ['submit', 'received'],
      ['accept', 'in-progress'],
      ['reply', 'replied'],
    ])
    expect(replied.history[2]).toMatchObject({ at: '2025-02-10T02:00:00.000Z' })
    expect(String(replied.history[2].by?.id ?? replied.history[2].by)).toBe(String(world.eduHandler.id))
  })

  it('the writer tracks it by code and rates the reply once', async () => {
    const tracked = await (
      await fetch(`${server.base}/letters/track`, { method: 'POST', body: form({ code: code.toLowerCase().replace(/(.{4})/g, '$1 ') }) })
    ).text()
    expect(tracked).toContain('已答复')
    expect(tracked).toContain('已联系交警')
    const wrongTail = await fetch(`${server.base}/letters/track`, { method: 'POST', body: form({ code, phoneTail: '0000' }) })
    expect(wrongTail.status).toBe(404)
    const rated = await (await fetch(`${server.base}/letters/satisfaction`, { method: 'POST', body: form({ code, value: 'satisfied' }) })).text()
    expect(rated).toContain('感谢您的评价')
    const again = await (await fetch(`${server.base}/letters/satisfaction`, { method: 'POST', body: form({ code, value: 'unsatisfied' }) })).text()
    expect(again).toContain('already rated')
    expect((await letterByCode(code)).satisfaction.value).toBe('satisfied')
  })

  it('appears publicly only after a reviewer approves, with personal data masked in list and detail', async () => {
    const list = () => fetch(`${server.base}/s/jyj/letters`).then((r) => r.text())
    expect(await list()).not.toContain('学校门口交通拥堵')
    expect((await fetch(`${server.base}/s/jyj/letters/${id}`)).status).toBe(404)
    await expect(
      payload.update({ collection: 'letters' as never, id, data: { publication: { approved: true } } as never, ...as(world.eduHandler) }),
    ).rejects.toThrow(/only reviewers/)
    await payload.update({ collection: 'letters' as never, id, data: { publication: { approved: true } } as never, ...as(world.eduReviewer) })
    const listHtml = await list()
    expect(listHtml).toContain('学校门口交通拥堵')
    const detail = await fetch(`${server.base}/s/jyj/letters/${id}`)
    expect(detail.status).toBe(200)
    const detailHtml = await detail.text()
    expect(detailHtml).toContain('学校门口每天早上拥堵严重')
    for (const html of [listHtml, detailHtml]) {
      expect(html).not.toContain(PHONE)
      expect(html).not.toContain(ID_NUMBER)
      expect(html).not.toContain('王小红')
      expect(html).not.toContain('人民东路')
    }
    // what the search indexer reads: only the masked copies
    const stored = (await payload.findByID({ collection: 'letters' as never, id, overrideAccess: true })) as any
    for (const field of ['publicSubject', 'publicContent', 'publicReply']) {
      expect(stored[field]).not.toContain(PHONE)
      expect(stored[field]).not.toContain(ID_NUMBER)
    }
    // other sites do not list it
    expect(await fetch(`${server.base}/s/jtj/letters`).then((r) => r.text())).not.toContain('学校门口交通拥堵')
  })

  it('a letter whose writer did not consent is never published', async () => {
    const { code: privateCode } = await submit('/s/jyj/letters/new', {
      route: 'site',
      site: 'jyj',
      subject: '不公开的来信',
      category: 'consultation',
      content: '这是一封不愿公开的来信内容',
      name: '李四',
      phone: '13900001111',
    })
    const letter = await letterByCode(privateCode!)
    await payload.update({ collection: 'letters' as never, id: letter.id, data: command('accept'), ...as(world.eduHandler) })
    await payload.update({ collection: 'letters' as never, id: letter.id, data: command('reply', { text: '已答复' }), ...as(world.eduHandler) })
    await expect(
      payload.update({ collection: 'letters' as never, id: letter.id, data: { publication: { approved: true } } as never, ...as(world.eduReviewer) }),
    ).rejects.toThrow(/did not agree/)
    expect(await fetch(`${server.base}/s/jyj/letters`).then((r) => r.text())).not.toContain('不公开的来信')
  })
})

describe("the mayor's mailbox", () => {
  let id: number | string

  it('collects on the portal, unassigned until the central office dispatches', async () => {
    const { code, status } = await submit('/letters/mailbox', {
      route: 'mailbox',
      subject: '建议增设公交线路',
      category: 'suggestion',
      content: '建议增设从城东到高铁站的公交线路。',
      name: '陈建国',
      phone: '0775-2826123',
    })
    expect(status).toBe(200)
    const letter = await letterByCode(code!)
    id = letter.id
    expect(letter.route).toBe('mailbox')
    expect(letter.assignedOrganization).toBeFalsy()
    expect(letter.site.id ?? letter.site).toBe(world.portal.id)
    expect((await payload.find({ collection: 'letters' as never, ...as(world.eduHandler) })).docs.map((d: any) => d.id)).not.toContain(id)
  })

  it('only the central office dispatches; the unit may request a transfer, which the central office approves', async () => {
    await expect(
      payload.update({ collection: 'letters' as never, id, data: command('dispatch', { toOrganization: world.education.id }), ...as(world.eduHandler) }),
    ).rejects.toThrow()
    await payload.update({ collection: 'letters' as never, id, data: command('dispatch', { toOrganization: world.education.id }), ...as(world.central) })
    await payload.update({ collection: 'letters' as never, id, data: command('accept'), ...as(world.eduHandler) })
    const requested = (await payload.update({
      collection: 'letters' as never,
      id,
      data: command('request-transfer', { toOrganization: world.transport.id, text: '公交线路属交通运输局职责' }),
      ...as(world.eduHandler),
    })) as any
    expect(String(requested.pendingTransfer.toOrganization)).toBe(String(world.transport.id))
    await expect(payload.update({ collection: 'letters' as never, id, data: command('approve-transfer'), ...as(world.eduHandler) })).rejects.toThrow(
      /Only the central office/,
    )
    const approved = (await payload.update({ collection: 'letters' as never, id, data: command('approve-transfer'), ...as(world.central) })) as any
    expect(approved).toMatchObject({ status: 'dispatched' })
    expect(String(approved.assignedOrganization)).toBe(String(world.transport.id))
    expect((await payload.find({ collection: 'letters' as never, ...as(world.transportHandler) })).docs.map((d: any) => d.id)).toContain(id)
    expect((await payload.find({ collection: 'letters' as never, ...as(world.eduHandler) })).docs.map((d: any) => d.id)).not.toContain(id)
  })

  it('the deadline is extended once, with a reason', async () => {
    await payload.update({ collection: 'letters' as never, id, data: command('accept'), ...as(world.transportHandler) })
    await expect(payload.update({ collection: 'letters' as never, id, data: command('extend'), ...as(world.transportHandler) })).rejects.toThrow(
      /needs a reason/,
    )
    const extended = (await payload.update({
      collection: 'letters' as never,
      id,
      data: command('extend', { text: '需要开展客流调查' }),
      ...as(world.transportHandler),
    })) as any
    expect(extended).toMatchObject({ extended: true, extensionReason: '需要开展客流调查' })
    expect(extended.deadline).toBe('2025-03-17T15:59:59.999Z') // 02-24 + 15 working days
    await expect(
      payload.update({ collection: 'letters' as never, id, data: command('extend', { text: 'again' }), ...as(world.transportHandler) }),
    ).rejects.toThrow(/only once/)
  })

  it('can be returned and re-dispatched, or rejected as invalid with a reason', async () => {
    const { code } = await submit('/letters/mailbox', {
      route: 'mailbox',
      subject: '测试来信',
      category: 'other',
      content: '这是一封无效的测试来信',
      name: '赵六',
      phone: '13900002222',
    })
    const letter = await letterByCode(code!)
    await payload.update({
      collection: 'letters' as never,
      id: letter.id,
      data: command('dispatch', { toOrganization: world.education.id }),
      ...as(world.central),
    })
    const returned = (await payload.update({
      collection: 'letters' as never,
      id: letter.id,
      data: command('return', { text: '非本单位职责' }),
      ...as(world.eduHandler),
    })) as any
    expect(returned.status).toBe('returned')
    const rejected = (await payload.update({
      collection: 'letters' as never,
      id: letter.id,
      data: command('reject', { text: '内容无实质诉求' }),
      ...as(world.central),
    })) as any
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: '内容无实质诉求' })
    const tracked = await (await fetch(`${server.base}/letters/track`, { method: 'POST', body: form({ code }) })).text()
    expect(tracked).toContain('不予受理')
    expect(tracked).toContain('内容无实质诉求')
  })
})

describe('reminders and supervision', () => {
  it('flags yellow, then red, e-mailing the unit once per flag and the central office when overdue', async () => {
    clock.set('2025-04-25T02:00:00Z') // Friday; deadline Tue 05-20 (May holiday, make-up Sunday 04-27)
    const { code } = await submit('/s/jyj/letters/new', {
      route: 'site',
      site: 'jyj',
      subject: '催办测试',
      category: 'complaint',
      content: '用于测试催办的来信内容',
      name: '周七',
      phone: '13900003333',
    })
    const letter = await letterByCode(code!)
    expect(letter.deadline).toBe('2025-05-20T15:59:59.999Z')
    const sent: { to: unknown; subject: string }[] = []
    const spy = vi.spyOn(payload, 'sendEmail').mockImplementation(async (message: any) => {
      sent.push({ to: message.to, subject: message.subject })
      return undefined as never
    })
    const run = (at: string) => runLetterReminders(payload, { clock: manualClock(at) })
    const mine = () => sent.filter((m) => m.subject.includes('催办测试'))

    await run('2025-05-14T02:00:00Z')
    expect(mine()).toHaveLength(0)
    await run('2025-05-15T02:00:00Z')
    expect(mine()).toHaveLength(1)
    expect(mine()[0]).toMatchObject({ to: ['handler@jyj.yulin.gov.cn'], subject: expect.stringContaining('即将到期') })
    await run('2025-05-16T02:00:00Z')
    expect(mine()).toHaveLength(1)
    await run('2025-05-21T02:00:00Z')
    expect(mine()).toHaveLength(2)
    expect(mine()[1].subject).toContain('已超期')
    expect(mine()[1].to).toEqual(expect.arrayContaining(['handler@jyj.yulin.gov.cn', 'central@yulin.gov.cn']))
    const flagged = (await payload.findByID({ collection: 'letters' as never, id: letter.id, overrideAccess: true })) as any
    expect(flagged.supervision).toMatchObject({ flag: 'red', remindedFlag: 'red' })
    spy.mockRestore()
  })

  it('gives per-unit statistics', async () => {
    const stats = await letterStatistics(payload, { clock: manualClock('2025-05-21T02:00:00Z') })
    const education = stats.find((s) => s.organization === String(world.education.id))!
    // education: 2 replied (published one and private one), 1 open overdue (催办测试); returned+rejected one counts as rejected
    expect(education).toMatchObject({ handled: 2, open: 1, overdue: 1 })
    expect(education.handlingRate).toBeCloseTo(2 / 3, 2)
    expect(education.averageHandlingWorkingDays).not.toBeNull()
    expect(education.monthly.map((m) => m.month)).toEqual(expect.arrayContaining(['2025-01', '2025-04']))
  })
})
