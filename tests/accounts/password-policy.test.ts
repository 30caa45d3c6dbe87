import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordViolations, staticPolicy } from '../../src/accounts'
import { DEMO_PASSWORD } from '../helpers/payload'
import { bootAccounts, CENTRAL, EDITOR, message } from './boot'

const GOOD = 'Lantern#River2026'

describe('password rules (unit)', () => {
  const rules = staticPolicy.password
  it('accepts a long password of three classes', () => {
    expect(passwordViolations('lantern river 2026', 'x@y.cn', rules)).toEqual([])
    expect(passwordViolations(GOOD, 'editor@fgw.yulin.gov.cn', rules)).toEqual([])
  })
  it('names each broken rule', () => {
    expect(passwordViolations('Ab#1', 'x@y.cn', rules).map((v) => v.key)).toEqual(['passwordTooShort'])
    expect(passwordViolations('alllowercaseletters', 'x@y.cn', rules).map((v) => v.key)).toEqual(['passwordTooSimple'])
    expect(passwordViolations('Zhangwei#2026x', 'zhangwei@fgw.yulin.gov.cn', rules).map((v) => v.key)).toEqual(['passwordContainsAccount'])
    expect(passwordViolations('short', 'short@x.cn', rules).map((v) => v.key)).toEqual(['passwordTooShort', 'passwordTooSimple', 'passwordContainsAccount'])
  })
  it('the seeded demo password would not pass: seeding bypasses the policy and flags the accounts', () => {
    expect(passwordViolations(DEMO_PASSWORD, EDITOR, rules).map((v) => v.key)).toEqual(['passwordTooShort'])
  })
})

describe('password policy over REST', () => {
  let t: Awaited<ReturnType<typeof import('./boot').bootAccounts>>
  let adminToken = ''
  let orgId: number
  beforeAll(async () => {
    t = await bootAccounts('accounts-policy')
    adminToken = (await t.login(CENTRAL, DEMO_PASSWORD)).json.token
    orgId = (await t.payload.find({ collection: 'organizations', limit: 1, depth: 0, overrideAccess: true })).docs[0].id as number
  })
  afterAll(() => t?.close())

  const create = (email: string, password: string, lang = 'zh') =>
    t.call('POST', '/api/users', { token: adminToken, lang, body: { email, password, name: 'Test', roles: ['editor'], organization: orgId } })

  it('refuses each rule with a clear message in the admin language, and stores nothing', async () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['Ab#1xyz', /至少需要 12 个字符/, /at least 12 characters/],
      ['onlylowercaseletters', /至少 3 类/, /at least 3 of/],
      ['Liming#River2026', /不能包含账号名/, /must not contain the account name/],
    ]
    for (const [password, zh, en] of cases) {
      const res = await create('liming@fgw.yulin.gov.cn', password)
      expect(res.status, password).toBe(400)
      expect(message(res)).toMatch(zh)
      expect(message(await create('liming@fgw.yulin.gov.cn', password, 'en'))).toMatch(en)
    }
    expect((await t.payload.count({ collection: 'users', where: { email: { equals: 'liming@fgw.yulin.gov.cn' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await t.auditEntries('password-refused')).length).toBeGreaterThanOrEqual(6)
  })

  it('remembers the last 5 passwords; the 6th back may be used again', async () => {
    const created = await create('history@fgw.yulin.gov.cn', 'Archive#Pass-0')
    expect(created.status, message(created)).toBe(201)
    const id = created.json.doc.id
    expect(created.json.doc.passwordHistory).toBeUndefined()
    const token = (await t.login('history@fgw.yulin.gov.cn', 'Archive#Pass-0')).json.token
    for (let i = 1; i <= 5; i++) {
      const res = await t.call('PATCH', `/api/users/${id}`, { token, body: { password: `Archive#Pass-${i}` } })
      expect(res.status, message(res)).toBe(200)
    }
    // Passwords 1–5 are the last five; 0 is the sixth back.
    for (const i of [5, 3, 1]) {
      const res = await t.call('PATCH', `/api/users/${id}`, { token, body: { password: `Archive#Pass-${i}` } })
      expect(res.status).toBe(400)
      expect(message(res)).toMatch(/最近 5 次/)
    }
    const reuse = await t.call('PATCH', `/api/users/${id}`, { token, ip: '198.51.100.1', body: { password: 'Archive#Pass-0' } })
    expect(reuse.status, message(reuse)).toBe(200)
    // The history is never readable through the API.
    const me = await t.call('GET', `/api/users/${id}`, { token: adminToken })
    expect(Object.keys(me.json)).not.toContain('passwordHistory')
    expect(Object.keys(me.json)).not.toContain('sessionActivity')
    expect(Object.keys(me.json)).not.toContain('totpSecret')
    const gql = await t.graphql(`{ User(id: ${id}) { email passwordChangedAt } }`, adminToken)
    expect(gql.json.data.User.passwordChangedAt).toBeTruthy()
    const changes = await t.auditEntries('password-change', { user: { equals: id } })
    expect(changes.length).toBe(7) // the first password at creation, five changes, the reuse
    expect(changes[0].ip).toBe('198.51.100.1')
  })

  it('an expired password allows nothing but changing it', async () => {
    const created = await create('expiry@fgw.yulin.gov.cn', 'Autumn#Leaves-2026')
    const id = created.json.doc.id
    await t.payload.db.updateOne({
      collection: 'users',
      id,
      data: { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000).toISOString() },
      returning: false,
    })
    const login = await t.login('expiry@fgw.yulin.gov.cn', 'Autumn#Leaves-2026')
    expect(login.status).toBe(200)
    const token = login.json.token
    const list = await t.call('GET', '/api/articles?limit=1', { token })
    expect(list.status).toBe(403)
    expect(message(list)).toMatch(/密码已过期/)
    const gql = await t.graphql('{ Articles(limit: 1) { totalDocs } }', token)
    expect(gql.json.errors?.length).toBeGreaterThan(0) // GraphQL gets a plain refusal; REST names the reason
    const state = await t.call('GET', '/api/users/account-state', { token })
    expect(state.json.restriction).toBe('passwordExpired')
    const rename = await t.call('PATCH', `/api/users/${id}`, { token, body: { name: 'Renamed' } })
    expect(rename.status).toBe(403)
    const change = await t.call('PATCH', `/api/users/${id}`, { token, body: { password: 'Autumn#Leaves-2027' } })
    expect(change.status, message(change)).toBe(200)
    expect((await t.call('GET', '/api/articles?limit=1', { token })).status).toBe(200)
    expect((await t.call('GET', '/api/users/account-state', { token })).json.restriction).toBeNull()
  })
})
