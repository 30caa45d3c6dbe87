import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, login } from '../helpers/http'
import { bootPayload, DEMO_PASSWORD } from '../helpers/payload'
import { columnAt, placementCount, publishedArticle, users } from './helpers'

let payload: Payload
let api: { url: string; close: () => Promise<void> }
let u: Awaited<ReturnType<typeof users>>
const auth: Record<string, string> = {}
const col: Record<string, { id: number | string }> = {}
let article: Record<string, any>
let placementId: number | string

const call = async (method: string, path: string, who?: string, body?: unknown) => {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(who ? { authorization: auth[who] } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null }
}
const graphql = (who: string | undefined, query: string) => call('POST', '/api/graphql', who, { query })
const message = (json: any) => json?.errors?.[0]?.message as string

beforeAll(async () => {
  payload = await bootPayload('sharing-http', { seeded: true })
  api = await startApiServer()
  u = await users(payload)
  const emails: Record<string, string> = {
    admin: 'admin@yulin.gov.cn',
    fgwEditor: 'editor@fgw.yulin.gov.cn',
    rsjEditor: 'editor@rsj.yulin.gov.cn',
    portalReviewer: 'portal-reviewer@yulin.gov.cn',
    beiliuSiteAdmin: 'siteadmin@beiliu.gov.cn',
  }
  for (const [key, email] of Object.entries(emails)) auth[key] = await login(api.url, email, DEMO_PASSWORD)
  col.portalDept = await columnAt(payload, 'www', 'ywdt/bmdt')
  col.fgwNews = await columnAt(payload, 'fgw', 'gzdt/bdwdt')
  col.fgwNotices = await columnAt(payload, 'fgw', 'tzgg')
  col.portalNotices = await columnAt(payload, 'www', 'tzgg')
  article = await publishedArticle(payload, col.fgwNews.id, '发改委经HTTP报送的稿件')
})
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
})

describe('REST', () => {
  it('POST /api/articles/:id/submit: anonymous 401, an editor of the unit 201, a bad column refuses the whole request', async () => {
    const anonymous = await call('POST', `/api/articles/${article.id}/submit`, undefined, { columns: [col.portalDept.id] })
    expect(anonymous.status).toBe(401)
    expect(message(anonymous.json)).toBe('请先登录')
    const before = await placementCount(payload)
    const mixed = await call('POST', `/api/articles/${article.id}/submit`, 'fgwEditor', { columns: [col.portalDept.id, col.fgwNotices.id] })
    expect(mixed.status).toBe(400)
    expect(message(mixed.json)).toMatch(/由本单位维护/)
    expect(await placementCount(payload)).toBe(before)
    const ok = await call('POST', `/api/articles/${article.id}/submit`, 'fgwEditor', { columns: [col.portalDept.id], note: '请采用' })
    expect(ok.status).toBe(201)
    expect(ok.json.placements).toHaveLength(1)
    expect(ok.json.placements[0].state).toBe('pending')
    expect(ok.json.placements[0].note).toBe('请采用')
    placementId = ok.json.placements[0].id
    const empty = await call('POST', `/api/articles/${article.id}/submit`, 'fgwEditor', { columns: [] })
    expect(empty.status).toBe(400)
    expect(message(empty.json)).toBe('请选择接收栏目')
  })

  it('units see only placements they take part in; anonymous visitors none', async () => {
    expect((await call('GET', '/api/placements')).status).toBe(403)
    const unrelated = await call('GET', '/api/placements', 'rsjEditor')
    expect(unrelated.status).toBe(200)
    expect(unrelated.json.docs.map((d: any) => d.id)).not.toContain(placementId)
    expect([403, 404]).toContain((await call('GET', `/api/placements/${placementId}`, 'rsjEditor')).status)
    for (const who of ['fgwEditor', 'portalReviewer', 'admin']) {
      const seen = await call('GET', '/api/placements?limit=100', who)
      expect(seen.json.docs.map((d: any) => d.id)).toContain(placementId)
    }
  })

  it('PATCH: the submitter may not accept; the receiving reviewer may; an unrelated unit may not touch it', async () => {
    const own = await call('PATCH', `/api/placements/${placementId}`, 'fgwEditor', { state: 'accepted' })
    expect(own.status).toBe(403)
    expect(message(own.json)).toContain('只有接收单位的审核员或网站管理员')
    const unrelated = await call('PATCH', `/api/placements/${placementId}`, 'rsjEditor', { state: 'accepted' })
    expect([403, 404]).toContain(unrelated.status)
    const ok = await call('PATCH', `/api/placements/${placementId}`, 'portalReviewer', { state: 'accepted' })
    expect(ok.status).toBe(200)
    expect(ok.json.doc.state).toBe('accepted')
  })

  it('POST /api/articles/:id/push: editors refused, the central admin pushes; receivers cannot edit; recall removes it', async () => {
    const notice = await publishedArticle(payload, col.portalNotices.id, '经HTTP推送的通知')
    const editor = await call('POST', `/api/articles/${notice.id}/push`, 'fgwEditor', { category: 'notices', all: true })
    expect(editor.status).toBe(403)
    expect(message(editor.json)).toBe('只有站群管理员可以统一推送')
    const none = await call('POST', `/api/articles/${notice.id}/push`, 'admin', { category: 'other', all: true })
    expect(none.status).toBe(400)
    expect(message(none.json)).toBe('目标网站都没有“其他”类栏目，未推送')
    const pushed = await call('POST', `/api/articles/${notice.id}/push`, 'admin', { category: 'notices', kinds: ['county'] })
    expect(pushed.status).toBe(201)
    const beiliu = pushed.json.placed.find((p: any) => p.siteCode === 'beiliu')
    expect(beiliu).toBeTruthy()
    const edit = await call('PATCH', `/api/placements/${beiliu.placement}`, 'beiliuSiteAdmin', { note: 'x' })
    expect(edit.status).toBe(403)
    expect(message(edit.json)).toContain('接收网站不能修改或删除')
    const del = await call('DELETE', `/api/placements/${beiliu.placement}`, 'beiliuSiteAdmin')
    expect(del.status).toBe(403)
    expect((await call('POST', `/api/placements/recall/${pushed.json.batch}`, 'beiliuSiteAdmin')).status).toBe(403)
    const recalled = await call('POST', `/api/placements/recall/${pushed.json.batch}`, 'admin')
    expect(recalled.status).toBe(200)
    expect(recalled.json.removed).toBe(pushed.json.placed.length)
    expect((await call('POST', `/api/placements/recall/${pushed.json.batch}`, 'admin')).status).toBe(404)
  })
})

describe('GraphQL', () => {
  const list = '{ Placements(limit: 200) { docs { id state } } }'
  it('follows the same access: unrelated units and anonymous visitors see nothing of it', async () => {
    const anonymous = await graphql(undefined, list)
    expect(anonymous.json.data?.Placements ?? null).toBeNull()
    const unrelated = await graphql('rsjEditor', list)
    expect(unrelated.json.data.Placements.docs.map((d: any) => String(d.id))).not.toContain(String(placementId))
    const receiver = await graphql('portalReviewer', list)
    expect(receiver.json.data.Placements.docs.map((d: any) => String(d.id))).toContain(String(placementId))
  })

  it('a mutation by the submitter cannot decide', async () => {
    const other = await publishedArticle(payload, col.fgwNews.id, '发改委经GraphQL报送的稿件')
    const created = await graphql('fgwEditor', `mutation { createPlacement(data: { article: ${other.id}, targetColumn: ${col.portalDept.id} }) { id state } }`)
    expect(created.json.data.createPlacement.state).toBe('pending')
    const decided = await graphql(
      'fgwEditor',
      `mutation { updatePlacement(id: ${created.json.data.createPlacement.id}, data: { state: accepted }) { id state } }`,
    )
    expect(decided.json.errors?.[0]?.message).toContain('只有接收单位的审核员或网站管理员')
    const rejectNoReason = await graphql(
      'portalReviewer',
      `mutation { updatePlacement(id: ${created.json.data.createPlacement.id}, data: { state: rejected }) { id state } }`,
    )
    expect(rejectNoReason.json.errors?.[0]?.message).toBe('退回报送信息时必须填写退回原因')
  })
})

describe('Local API with overrideAccess: false', () => {
  it('an unrelated unit finds none of these placements', async () => {
    const found = await payload.find({ collection: 'placements' as never, user: u.rsjEditor, overrideAccess: false, pagination: false, depth: 0 })
    expect(found.docs.map((d: any) => d.id)).not.toContain(placementId)
    const all = await payload.find({ collection: 'placements' as never, overrideAccess: true, pagination: false, depth: 0 })
    const rsjOrg = String(u.rsjEditor.organization)
    const theirs = all.docs.filter((d: any) => String(d.sourceOrganization) === rsjOrg || String(d.targetOrganization) === rsjOrg)
    expect(found.docs.length).toBe(theirs.length)
  })
})
