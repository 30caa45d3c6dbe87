import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicArticleWhere } from '../../src/access'
import { lexicalParagraphs } from '../../src/seed/text'
import { bootPayload, userByEmail } from '../helpers/payload'

let payload: Payload
let editor: Awaited<ReturnType<typeof userByEmail>>
let reviewer: Awaited<ReturnType<typeof userByEmail>>
let column: { id: number | string }
const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const

beforeAll(async () => {
  payload = await bootPayload('workflow', { seeded: true })
  editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
  reviewer = await userByEmail(payload, 'reviewer@fgw.yulin.gov.cn')
  column = (
    await payload.find({
      collection: 'columns',
      where: { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'tzgg' } }] },
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]
})
afterAll(async () => payload?.destroy())

const isPublic = async (id: number | string) =>
  (await payload.count({ collection: 'articles', where: { and: [{ id: { equals: id } }, publicArticleWhere()] }, overrideAccess: true })).totalDocs === 1

describe('editorial workflow', () => {
  it('draft → in review → published → withdrawn, recording who and when, and auditing every step', async () => {
    const created = await payload.create({
      collection: 'articles',
      data: { title: '关于开展安全生产检查的通知', column: column.id, body: lexicalParagraphs(['正文']) } as never,
      draft: true,
      ...as(editor),
    })
    expect(created.state).toBe('draft')
    expect(created.site).toBeTruthy()
    expect(created.disclosure?.indexNumber).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/)
    expect(await isPublic(created.id)).toBe(false)

    const submitted = await payload.update({ collection: 'articles', id: created.id, data: { state: 'in-review' }, draft: true, ...as(editor) })
    expect(submitted.state).toBe('in-review')
    await expect(payload.update({ collection: 'articles', id: created.id, data: { _status: 'published' }, ...as(editor) })).rejects.toThrow(
      /只有审核员可以发布/,
    )
    expect(await isPublic(created.id)).toBe(false)

    const published = await payload.update({
      collection: 'articles',
      id: created.id,
      data: { _status: 'published', workflowNote: '同意发布' } as never,
      ...as(reviewer),
    })
    expect(published.state).toBe('published')
    expect(published.publishedAt).toBeTruthy()
    expect(await isPublic(created.id)).toBe(true)

    await expect(payload.update({ collection: 'articles', id: created.id, data: { state: 'withdrawn', _status: 'draft' }, ...as(editor) })).rejects.toThrow(
      /只有审核员可以撤回|只有审核员/,
    )
    const withdrawn = await payload.update({ collection: 'articles', id: created.id, data: { state: 'withdrawn', _status: 'draft' }, ...as(reviewer) })
    expect(withdrawn.state).toBe('withdrawn')
    expect(await isPublic(created.id)).toBe(false)

    const log = (withdrawn.workflow ?? []).map((w) => [w.action, w.from, w.to, w.by])
    expect(log).toEqual([
      ['create', 'draft', 'draft', editor.id],
      ['submit', 'draft', 'in-review', editor.id],
      ['publish', 'in-review', 'published', reviewer.id],
      ['withdraw', 'published', 'withdrawn', reviewer.id],
    ])
    expect(withdrawn.disclosure?.indexNumber).toBe(created.disclosure?.indexNumber)

    const audit = await payload.find({
      collection: 'audit-log',
      where: { and: [{ targetCollection: { equals: 'articles' } }, { targetId: { equals: String(created.id) } }] },
      sort: 'at',
      limit: 20,
      overrideAccess: true,
      depth: 0,
    })
    expect(audit.docs.map((a) => a.user)).toEqual(expect.arrayContaining([editor.id, reviewer.id]))
    expect(audit.docs.length).toBeGreaterThanOrEqual(4)
    expect(audit.docs.some((a) => JSON.stringify(a.changes).includes('withdrawn'))).toBe(true)
  })

  it('an editor edits a published article as a draft; the public keeps the published text until a reviewer publishes', async () => {
    const doc = await payload.create({ collection: 'articles', data: { title: '原标题', column: column.id, _status: 'published' } as never, ...as(reviewer) })
    await payload.update({ collection: 'articles', id: doc.id, data: { title: '修改后的标题' }, draft: true, ...as(editor) })
    expect((await payload.findByID({ collection: 'articles', id: doc.id, depth: 0, overrideAccess: true })).title).toBe('原标题')
    expect((await payload.findByID({ collection: 'articles', id: doc.id, draft: true, depth: 0, overrideAccess: true })).title).toBe('修改后的标题')
    await expect(payload.update({ collection: 'articles', id: doc.id, data: { title: '直接改线上' }, ...as(editor) })).rejects.toThrow(/只有审核员/)
    await expect(payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' }, ...as(editor) })).rejects.toThrow(/只有审核员/)
    expect(await isPublic(doc.id)).toBe(true)
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, ...as(reviewer) })
    expect((await payload.findByID({ collection: 'articles', id: doc.id, depth: 0, overrideAccess: true })).title).toBe('修改后的标题')
    const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: doc.id } }, overrideAccess: true })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
  })

  it('withdraws with the state alone', async () => {
    const doc = await payload.create({ collection: 'articles', data: { title: '撤回测试', column: column.id, _status: 'published' } as never, ...as(reviewer) })
    expect(await isPublic(doc.id)).toBe(true)
    const withdrawn = await payload.update({ collection: 'articles', id: doc.id, data: { state: 'withdrawn' }, ...as(reviewer) })
    expect(withdrawn.state).toBe('withdrawn')
    expect(withdrawn._status).toBe('draft')
    expect(await isPublic(doc.id)).toBe(false)
  })

  it('refuses transitions that skip the rules', async () => {
    const doc = await payload.create({ collection: 'articles', data: { title: '跳步测试', column: column.id } as never, draft: true, ...as(editor) })
    await expect(payload.update({ collection: 'articles', id: doc.id, data: { state: 'withdrawn' }, ...as(editor) })).rejects.toThrow(
      /不能从“draft”转为“withdrawn”/,
    )
    // A draft save never carries a live state into the draft.
    expect((await payload.update({ collection: 'articles', id: doc.id, data: { state: 'published' }, draft: true, ...as(editor) })).state).toBe('draft')
    await expect(payload.update({ collection: 'articles', id: doc.id, data: { state: 'bogus' as never }, draft: true, ...as(editor) })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'articles', id: doc.id, draft: true, depth: 0, overrideAccess: true })).state).toBe('draft')
  })

  it('publishes on schedule through the jobs queue', async () => {
    const doc = await payload.create({ collection: 'articles', data: { title: '定时发布', column: column.id } as never, draft: true, ...as(editor) })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: String(doc.id) }, user: { relationTo: 'users', value: reviewer.id } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    expect(await isPublic(doc.id)).toBe(false)
    await payload.jobs.run({ limit: 10 })
    const after = await payload.findByID({ collection: 'articles', id: doc.id, depth: 0, overrideAccess: true })
    expect(after._status).toBe('published')
    expect(after.state).toBe('published')
    expect(await isPublic(doc.id)).toBe(true)
  })

  it('keeps the audit log append-only for every API user', async () => {
    const admin = await userByEmail(payload, 'admin@yulin.gov.cn')
    const entry = (await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true })).docs[0]
    expect(entry).toBeTruthy()
    await expect(payload.update({ collection: 'audit-log', id: entry.id, data: { summary: '篡改' }, ...as(admin) })).rejects.toThrow()
    await expect(payload.delete({ collection: 'audit-log', id: entry.id, ...as(admin) })).rejects.toThrow()
    await expect(payload.create({ collection: 'audit-log', data: { at: new Date().toISOString(), action: 'forged' }, ...as(admin) })).rejects.toThrow()
    expect((await payload.find({ collection: 'audit-log', limit: 1, ...as(admin) })).docs.length).toBe(1)
    await expect(payload.find({ collection: 'audit-log', limit: 1, ...as(await userByEmail(payload, 'editor@fgw.yulin.gov.cn')) })).rejects.toThrow()
  })
})

describe('audit log and personal data', () => {
  it("records that a letter's personal fields changed, never their values", async () => {
    const { submitLetter, systemClock, letterCategoryValues } = await import('../../src/interaction')
    const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, limit: 1, overrideAccess: true })).docs[0]
    const { id } = await submitLetter(payload, {
      submission: {
        subject: '小区路灯损坏',
        category: letterCategoryValues[0],
        content: '我住在玉州区人民东路178号，身份证450902199001011234，路灯坏了一个月。',
        name: '张三丰',
        phone: '13812345678',
        email: 'zsf@example.com',
        publishable: true,
      },
      route: 'site',
      siteId: site.id,
      organizationId: site.organization as number,
      clock: systemClock,
    })
    const entries = await payload.find({
      collection: 'audit-log',
      where: { and: [{ targetCollection: { equals: 'letters' } }, { targetId: { equals: String(id) } }] },
      limit: 10,
      overrideAccess: true,
    })
    expect(entries.docs.length).toBeGreaterThan(0)
    for (const entry of entries.docs) {
      const text = JSON.stringify(entry)
      for (const secret of ['13812345678', '450902199001011234', '张三丰', 'zsf@example.com', '人民东路']) expect(text).not.toContain(secret)
    }
    expect(JSON.stringify(entries.docs[0].changes)).toContain('[redacted]')
  })
})
