import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createChallenge,
  interactionFactsByOrganization,
  letterInboxStore,
  letterPromoterFor,
  manualClock,
  ratingIndicators,
  ratingStatistics,
  solveChallenge,
} from '../../src/interaction'
import { bootInteractionPayload, form, seedWorld, solvedForm, startServer, type World } from './helpers/boot'
import { hostileLetterCases, invalidQueryCodes } from './hostile-input'

const SECRET = 'integration-secret-0123456789'
let payload: Payload
let world: World
let server: { base: string; close: () => Promise<void> }
const clock = manualClock('2025-03-03T02:00:00Z')

beforeAll(async () => {
  payload = await bootInteractionPayload('interaction-input')
  world = await seedWorld(payload)
  server = await startServer({ payload, clock, powBits: 2, rateLimits: false, secret: SECRET })
})
// Letters are acknowledged from the inbox and promoted in the background: each test ends with none pending.
afterEach(async () => {
  await letterPromoterFor(payload).drain()
})
afterAll(async () => {
  await server?.close()
  await payload?.destroy()
})

const pow = () => {
  const { challenge } = createChallenge(SECRET, { now: clock.now(), bits: 2, ttlSeconds: 600 })
  return { pow_challenge: challenge, pow_solution: solveChallenge(challenge, 2) }
}
const letterCount = async () => (await payload.count({ collection: 'letters' as never, overrideAccess: true })).totalDocs

describe('1,000 generated malformed and hostile letter submissions over HTTP', () => {
  it('never answer 500; store exactly the acceptable ones, with no markup', async () => {
    const before = await letterCount()
    const cases = hostileLetterCases(1000, 99)
    let acknowledged = 0
    const statuses = new Map<number, number>()
    for (let i = 0; i < cases.length; i += 10) {
      await Promise.all(
        cases.slice(i, i + 10).map(async (c) => {
          const body = new URLSearchParams()
          for (const [key, value] of Object.entries({ ...c.body, route: 'site', site: 'jyj', ...pow() })) {
            if (value === undefined) continue
            if (Array.isArray(value)) value.forEach((v) => body.append(key, String(v)))
            else if (value !== null && typeof value === 'object') body.append(`${key}[x]`, JSON.stringify(value))
            else body.append(key, String(value))
          }
          const res = await fetch(`${server.base}/letters`, { method: 'POST', body })
          const html = await res.text()
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          expect(res.status, c.label).toBeLessThan(500)
          expect(html, c.label).not.toMatch(/<script>alert|onerror=alert|<svg onload/i)
          if (c.shouldAccept) expect(res.status, `${c.label} must be accepted`).toBe(200)
          if (res.status === 200) {
            acknowledged++
            // A form carries only text: a "wrong type" such as true or 42 arrives as the valid text "true"/"42".
            if (!c.shouldAccept) expect(c.label, `${c.label} was accepted`).toMatch(/^wrong-type-(subject|name|content)-/)
          } else {
            expect([400, 413], c.label).toContain(res.status)
          }
        }),
      )
    }
    await letterPromoterFor(payload).drain()
    expect(await letterCount()).toBe(before + acknowledged)
    expect(acknowledged).toBeGreaterThanOrEqual(cases.filter((c) => c.shouldAccept).length)
    const { docs } = await payload.find({ collection: 'letters' as never, limit: 2000, overrideAccess: true, depth: 0 })
    for (const doc of docs as any[]) {
      for (const field of ['subject', 'content', 'name']) expect(doc[field]).not.toMatch(/<\s*(script|img|svg|iframe|style)/i)
      expect(['received']).toContain(doc.status)
      expect(String(doc.assignedOrganization)).toBe(String(world.education.id))
    }
  })

  it('malformed bodies get a clear 4xx page', async () => {
    const huge = await fetch(`${server.base}/letters`, { method: 'POST', body: form({ content: 'x'.repeat(300_000) }) })
    expect(huge.status).toBe(413)
    expect(await huge.text()).toContain('too large')
    const badEncoding = await fetch(`${server.base}/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=koi8-x' },
      body: 'subject=%E4',
    })
    expect(badEncoding.status).toBeGreaterThanOrEqual(400)
    expect(badEncoding.status).toBeLessThan(500)
    const json = await fetch(`${server.base}/letters`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"subject":' })
    expect(json.status).toBe(400)
  })

  it('a storage failure shows a clear message and keeps what was typed', async () => {
    const page = await (await fetch(`${server.base}/s/jyj/letters/new`)).text()
    // Public letters are stored in the letter inbox by a batch insert (letter-intake.ts, src/db/bulk.ts).
    const spy = vi.spyOn(letterInboxStore, 'insert').mockRejectedValueOnce(new Error('database is locked'))
    const res = await fetch(`${server.base}/letters`, {
      method: 'POST',
      body: form({
        route: 'site',
        site: 'jyj',
        subject: '保留我的标题',
        category: 'other',
        content: '这段内容在保存失败后必须仍然保留',
        name: '钱八',
        phone: '13900004444',
        ...(await solvedForm(page)),
      }),
    })
    spy.mockRestore()
    expect(res.status).toBe(503)
    const html = await res.text()
    expect(html).toContain('could not be saved')
    expect(html).toContain('value="保留我的标题"')
    expect(html).toContain('这段内容在保存失败后必须仍然保留')
  })

  it('a refused submission keeps what was typed, escaped', async () => {
    const res = await fetch(`${server.base}/letters`, {
      method: 'POST',
      body: form({ route: 'site', site: 'jyj', subject: '"><b>x</b>', content: '短', phone: '1', ...pow() }),
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    // The theme's Liquid escapes a quote as &#34; (liquidjs's `escape`), the same protection as &quot;.
    expect(html).toContain('value="&#34;&gt;&lt;b&gt;x&lt;/b&gt;"')
    expect(html).toContain('aria-invalid="true"')
  })

  it('a proof of work is used once only', async () => {
    const solved = pow()
    const letter = {
      route: 'site',
      site: 'jyj',
      subject: '重复提交',
      category: 'other',
      content: '同一个验证提交两次',
      name: '孙九',
      phone: '13900005555',
      ...solved,
    }
    expect((await fetch(`${server.base}/letters`, { method: 'POST', body: form(letter) })).status).toBe(200)
    const again = await fetch(`${server.base}/letters`, { method: 'POST', body: form(letter) })
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('already used')
  })

  it('invalid query codes never answer 500 and find nothing', async () => {
    for (const code of invalidQueryCodes(200)) {
      const body = new URLSearchParams()
      body.append('code', typeof code === 'string' ? code.slice(0, 50_000) : JSON.stringify(code))
      const res = await fetch(`${server.base}/letters/track`, { method: 'POST', body })
      expect(res.status).toBe(404)
    }
  })
})

describe('public ratings', () => {
  const scores = Object.fromEntries(ratingIndicators.map((i, n) => [i.key, (n % 5) + 1]))
  const rate = async (headers: Record<string, string>, organization = world.education.id) => {
    const page = await (await fetch(`${server.base}/ratings/new`, { headers })).text()
    return fetch(`${server.base}/ratings`, { method: 'POST', headers, body: form({ organization, scores, ...(await solvedForm(page)) }) })
  }

  it('one rating per visitor per unit per month, by cookie and without it', async () => {
    const first = await rate({ 'user-agent': 'Browser A' })
    expect(first.status).toBe(200)
    const cookie = first.headers.get('set-cookie')!.split(';')[0]
    expect((await rate({ 'user-agent': 'Browser A', cookie })).status).toBe(409) // same browser
    expect((await rate({ 'user-agent': 'Browser A' })).status).toBe(409) // cookie cleared, same address and browser
    expect((await rate({ 'user-agent': 'Browser B', cookie })).status).toBe(409) // other browser string, cookie kept
    expect((await rate({ 'user-agent': 'Browser A', cookie }, world.transport.id)).status).toBe(200) // another unit is fine
    clock.set('2025-04-02T02:00:00Z')
    expect((await rate({ 'user-agent': 'Browser A', cookie })).status).toBe(200) // next month
    clock.set('2025-03-03T02:00:00Z')
    expect((await payload.count({ collection: 'ratings' as never, overrideAccess: true })).totalDocs).toBe(3)
  })

  it('refuses bad scores with a message per problem', async () => {
    const page = await (await fetch(`${server.base}/ratings/new`)).text()
    const res = await fetch(`${server.base}/ratings`, {
      method: 'POST',
      body: form({ organization: world.education.id, scores: { ...scores, attitude: 9, hacked: 1 }, ...(await solvedForm(page)) }),
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('服务态度')
    expect(html).toContain('unknown indicator')
  })

  it('aggregates per unit and month', async () => {
    const stats = await ratingStatistics(payload)
    const education = stats.filter((s) => s.organization === String(world.education.id))
    expect(education.map((s) => [s.period, s.count])).toEqual([
      ['2025-03', 1],
      ['2025-04', 1],
    ])
    expect(education[0].indicators.attitude).toBe(1)
  })
})

describe('error reports (我为政府网站找错)', () => {
  it('prefills the page URL, routes the report to the unit owning that site, with a deadline', async () => {
    const url = 'https://jyj.yulin.gov.cn/tzgg/123.html'
    const page = await (await fetch(`${server.base}/error-report?url=${encodeURIComponent(url)}`)).text()
    expect(page).toContain(`value="${url}"`)
    const res = await fetch(`${server.base}/error-report`, {
      method: 'POST',
      body: form({ pageUrl: url, kind: 'broken-link', description: '附件下载链接打不开', ...(await solvedForm(page)) }),
    })
    expect(res.status).toBe(200)
    const { docs } = await payload.find({ collection: 'error-reports' as never, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    const report = docs[0] as any
    expect(String(report.organization)).toBe(String(world.education.id))
    expect(report.status).toBe('new')
    expect(report.deadline).toBe('2025-03-10T15:59:59.999Z') // 5 working days from Mon 03-03
    // the owning unit's staff close it with a note; another unit cannot see it
    const reviewer = world.eduReviewer
    await expect(
      payload.update({ collection: 'error-reports' as never, id: report.id, data: { status: 'resolved' } as never, user: reviewer, overrideAccess: false }),
    ).rejects.toThrow(/write what was done/)
    const resolved = (await payload.update({
      collection: 'error-reports' as never,
      id: report.id,
      data: { status: 'resolved', resolution: '已修复链接' } as never,
      user: reviewer,
      overrideAccess: false,
    })) as any
    expect(resolved.resolvedAt).toBeTruthy()
    expect(
      (await payload.find({ collection: 'error-reports' as never, user: world.transportHandler, overrideAccess: false }).catch(() => ({ docs: [] }))).docs,
    ).toHaveLength(0)
  })

  it('refuses non-web URLs', async () => {
    const res = await fetch(`${server.base}/error-report`, {
      method: 'POST',
      body: form({ pageUrl: 'javascript:alert(1)', kind: 'typo', description: '这里有错别字', ...pow() }),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('invalid page URL')
  })
})

describe('facts for the scorecard', () => {
  it('gives letters, error reports and ratings per organization', async () => {
    const facts = await interactionFactsByOrganization(payload)
    const education = facts.get(String(world.education.id))!
    expect(education.letters.length).toBe(
      await payload
        .count({ collection: 'letters' as never, where: { assignedOrganization: { equals: world.education.id } }, overrideAccess: true })
        .then((r) => r.totalDocs),
    )
    expect(education.errorReports).toEqual([expect.objectContaining({ resolvedAt: expect.any(String), valid: true })])
    expect(education.publicRatings).toHaveLength(10)
    expect(education.publicRatings.find((r) => r.indicator === 'attitude')).toMatchObject({ votes: 2, average: 1 })
  })
})

describe('the reminder task on the jobs queue', () => {
  it('runs as a queued job at a chosen moment', async () => {
    const spy = vi.spyOn(payload, 'sendEmail').mockResolvedValue(undefined as never)
    const job = (await payload.jobs.queue({ task: 'letterReminders' as never, input: { now: '2025-12-31T02:00:00Z' } as never })) as { id: number | string }
    expect(job.id).toBeTruthy()
    await payload.jobs.run()
    // completed jobs are deleted by default; a failed one would remain with hasError
    const left = await payload.find({ collection: 'payload-jobs' as never, where: { id: { equals: job.id } }, overrideAccess: true, depth: 0 })
    expect(left.docs.filter((d: any) => d.hasError || !d.completedAt)).toHaveLength(0)
    // every letter submitted in March is overdue by the end of the year
    const red = await payload.count({ collection: 'letters' as never, where: { 'supervision.flag': { equals: 'red' } }, overrideAccess: true })
    expect(red.totalDocs).toBe(
      await payload.count({ collection: 'letters' as never, where: { status: { equals: 'received' } }, overrideAccess: true }).then((r) => r.totalDocs),
    )
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
})
