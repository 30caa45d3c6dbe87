import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalParagraphs } from '../../src/seed/text'
import { bootPayload, userByEmail } from '../helpers/payload'

/** Each bad input is refused with a clear message in the admin's language, and nothing stored changes. */
let payload: Payload
const sys = { overrideAccess: true, depth: 0 } as const
const first = async (collection: CollectionSlug, where: Record<string, unknown>) =>
  (await payload.find({ collection, where: where as never, limit: 1, ...sys })).docs[0] as any

beforeAll(async () => {
  payload = await bootPayload('bad-input', { seeded: true })
})
afterAll(async () => payload?.destroy())

async function refused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: Error & { data?: unknown }) => e,
  )
  expect(error, 'expected a refusal').not.toBeNull()
  const text = `${error!.message} ${JSON.stringify((error as { data?: unknown }).data ?? '')}`
  expect(text).toMatch(message)
}

describe('bad input on the site group model', () => {
  it('refuses a duplicate site code or domain', async () => {
    const fgw = await first('sites', { code: { equals: 'fgw' } })
    const base = { name: '重复网站', identificationCode: '4509009999', organization: fgw.organization, theme: 'department' }
    await refused(payload.create({ collection: 'sites', data: { ...base, code: 'fgw' } as never, ...sys }), /code|唯一|unique/i)
    await refused(
      payload.create({ collection: 'sites', data: { ...base, code: 'fgw-copy', domains: [{ domain: 'FGW.yulin.gov.cn' }] } as never, ...sys }),
      /域名“fgw\.yulin\.gov\.cn”已被其他网站使用/,
    )
    await refused(
      payload.update({ collection: 'sites', id: fgw.id, data: { domains: [{ domain: 'a.gov.cn' }, { domain: 'a.gov.cn' }] } as never, ...sys }),
      /已被其他网站使用/,
    )
    await refused(payload.update({ collection: 'sites', id: fgw.id, data: { domains: [{ domain: 'bad domain/<x>' }] } as never, ...sys }), /格式不正确/)
    expect((await payload.count({ collection: 'sites', where: { code: { equals: 'fgw-copy' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.findByID({ collection: 'sites', id: fgw.id, ...sys })).domains?.map((d: { domain: string }) => d.domain)).toEqual([
      'fgw.yulin.gov.cn',
    ])
  })

  it('refuses an invalid 网站标识码', async () => {
    const fgw = await first('sites', { code: { equals: 'fgw' } })
    for (const code of ['12345', '45090000011', 'abcdefghij', '4509 00001']) {
      await refused(payload.update({ collection: 'sites', id: fgw.id, data: { identificationCode: code }, ...sys }), /10 位数字|10 digits/)
    }
    expect((await payload.findByID({ collection: 'sites', id: fgw.id, ...sys })).identificationCode).toBe(fgw.identificationCode)
  })

  it('refuses a column made its own ancestor, or given a parent in another site', async () => {
    const fgw = await first('sites', { code: { equals: 'fgw' } })
    const rsj = await first('sites', { code: { equals: 'rsj' } })
    const parent = await first('columns', { and: [{ site: { equals: fgw.id } }, { path: { equals: 'jggk' } }] })
    const child = await first('columns', { and: [{ site: { equals: fgw.id } }, { path: { equals: 'jggk/ldxx' } }] })
    await refused(payload.update({ collection: 'columns', id: parent.id, data: { parent: child.id }, ...sys }), /栏目不能成为自己的上级或下级/)
    await refused(payload.update({ collection: 'columns', id: parent.id, data: { parent: parent.id }, ...sys }), /栏目不能成为自己的上级或下级/)
    const foreign = await first('columns', { and: [{ site: { equals: rsj.id } }, { path: { equals: 'gzdt' } }] })
    await refused(payload.update({ collection: 'columns', id: child.id, data: { parent: foreign.id }, ...sys }), /上级栏目必须属于同一网站/)
    await refused(
      payload.create({ collection: 'columns', data: { name: '重复', slug: 'tzgg', site: fgw.id, category: 'notices' } as never, ...sys }),
      /已有路径为“tzgg”的栏目/,
    )
    expect((await payload.findByID({ collection: 'columns', id: parent.id, ...sys })).parent ?? null).toBeNull()
    expect((await payload.findByID({ collection: 'columns', id: child.id, ...sys })).path).toBe('jggk/ldxx')
  })

  it('refuses deleting a column or organization that still has content', async () => {
    const column = await first('columns', { path: { equals: 'tzgg' } })
    const before = await payload.count({ collection: 'articles', where: { column: { equals: column.id } }, overrideAccess: true })
    expect(before.totalDocs).toBeGreaterThan(0)
    await refused(payload.delete({ collection: 'columns', id: column.id, ...sys }), /栏目仍有内容或下级栏目，不能删除/)
    const org = await first('organizations', { code: { exists: true } })
    await refused(payload.delete({ collection: 'organizations', id: org.id, ...sys }), /单位仍有网站、栏目、内容、用户或下级单位，不能删除/)
    expect((await payload.count({ collection: 'articles', where: { column: { equals: column.id } }, overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect(await payload.findByID({ collection: 'organizations', id: org.id, ...sys })).toBeTruthy()
  })

  it('refuses moving an article to a column its editor does not own', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const own = await first('columns', { and: [{ ownerOrganization: { equals: editor.organization } }, { path: { equals: 'gzdt/bdwdt' } }] })
    const foreign = await first('columns', { and: [{ ownerOrganization: { not_equals: editor.organization } }, { path: { equals: 'tzgg' } }] })
    const article = await payload.create({
      collection: 'articles',
      data: { title: '移动测试', column: own.id, body: lexicalParagraphs(['内容']) } as never,
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    await refused(
      payload.update({ collection: 'articles', id: article.id, data: { column: foreign.id }, draft: true, user: editor, overrideAccess: false }),
      /您所在单位不维护栏目“tzgg”/,
    )
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true, ...sys })
    expect(stored.column).toBe(own.id)
    expect(stored.organization).toBe(editor.organization)
  })

  it('refuses with 403 and the field name a write to a field the user may not set, and keeps the stored value', async () => {
    const editor = await userByEmail(payload, 'editor@fgw.yulin.gov.cn')
    const siteAdmin = await userByEmail(payload, 'siteadmin@fgw.yulin.gov.cn')
    const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const
    const attempt = (user: unknown, id: number | string, data: Record<string, unknown>) =>
      payload.update({ collection: 'users', id, data: data as never, ...as(user) }).then(
        () => null,
        (e: Error & { status?: number; data?: unknown }) => e,
      )
    const ownRoles = await attempt(editor, editor.id, { roles: ['editor', 'reviewer'] })
    expect(ownRoles?.status).toBe(403)
    expect(`${ownRoles?.message} ${JSON.stringify(ownRoles?.data)}`).toMatch(/roles/)
    const organization = await attempt(siteAdmin, editor.id, { organization: (await first('organizations', { id: { not_equals: editor.organization } })).id })
    expect(organization?.status).toBe(403)
    expect(organization?.message).toMatch(/organization/)
    const stored = await payload.findByID({ collection: 'users', id: editor.id, ...sys })
    expect(stored.roles).toEqual(editor.roles)
    expect(stored.organization).toEqual(editor.organization)
    // What a form sends back unchanged, read-only fields included, is no attempt: the save goes through.
    const renamed = await payload.update({
      collection: 'users',
      id: editor.id,
      data: { name: '编辑（改名）', roles: [...editor.roles].reverse(), organization: editor.organization, totpEnabled: stored.totpEnabled } as never,
      ...as(editor),
    })
    expect(renamed.name).toBe('编辑（改名）')
    await payload.update({ collection: 'users', id: editor.id, data: { name: editor.name }, ...sys })
  })

  it('answers "not found" for an id that cannot be one, on every operation that takes an id', async () => {
    for (const id of ['distinct', 'abc', '1abc', '1e309']) {
      for (const call of [
        () => payload.findByID({ collection: 'articles', id, ...sys }),
        () => payload.update({ collection: 'articles', id, data: { title: 'x' }, ...sys }),
        () => payload.delete({ collection: 'columns', id, ...sys }),
        () => payload.findVersionByID({ collection: 'articles', id, ...sys }),
      ]) {
        const error = await call().then(
          () => null,
          (e: Error & { status?: number }) => e,
        )
        expect(error?.status, `${id}: ${error?.message}`).toBe(404)
      }
    }
  })

  it('answers in English when the admin language is English', async () => {
    const fgw = await first('sites', { code: { equals: 'fgw' } })
    const { initI18n } = await import('@payloadcms/translations')
    const i18n = await initI18n({ config: payload.config.i18n, context: 'api', language: 'en' })
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({}, payload)
    Object.assign(req, { i18n, t: i18n.t })
    await refused(
      payload.update({ collection: 'sites', id: fgw.id, data: { domains: [{ domain: 'www.yulin.gov.cn' }] } as never, req, ...sys }),
      /already used by another site/,
    )
  })
})
