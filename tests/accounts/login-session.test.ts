import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountKey, lockedUntil, sessionCookies, staticPolicy } from '../../src/accounts'
import { DEMO_PASSWORD } from '../helpers/payload'
import { bootAccounts, CENTRAL, EDITOR, message, SITE_ADMIN } from './boot'

const sidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string

let t: Awaited<ReturnType<typeof bootAccounts>>
beforeAll(async () => {
  t = await bootAccounts('accounts-login')
})
afterAll(() => t?.close())

describe('lockout', () => {
  it('locks an account after 5 failures for 15 minutes, from any address, and answers exactly as for an unknown account', async () => {
    const replies: Record<string, Array<{ status: number; text: string }>> = {}
    for (const email of [SITE_ADMIN, 'nobody@fgw.yulin.gov.cn']) {
      replies[email] = []
      for (let i = 0; i < 5; i++) {
        const res = await t.login(email, `Wrong#Guess-${i}`, `192.0.2.${i + 10}`)
        replies[email].push({ status: res.status, text: message(res) })
      }
    }
    expect(replies[SITE_ADMIN]).toEqual(replies['nobody@fgw.yulin.gov.cn'])
    expect(replies[SITE_ADMIN].slice(0, 4).every((r) => r.status === 401 && /邮箱、密码或动态验证码不正确/.test(r.text))).toBe(true)
    expect(replies[SITE_ADMIN][4].status).toBe(429)
    expect(replies[SITE_ADMIN][4].text).toMatch(/请 15 分钟后再试/)
    // The right password does not help now, from a fresh address either.
    const locked = await t.login(SITE_ADMIN, DEMO_PASSWORD, '192.0.2.99')
    const unknown = await t.login('nobody@fgw.yulin.gov.cn', DEMO_PASSWORD, '192.0.2.99')
    expect([locked.status, message(locked)]).toEqual([unknown.status, message(unknown)])
    expect(locked.status).toBe(429)
    expect((await t.auditEntries('lockout')).map((e) => e.changes.email)).toEqual(expect.arrayContaining([SITE_ADMIN, 'nobody@fgw.yulin.gov.cn']))
    expect((await t.auditEntries('login-locked')).length).toBeGreaterThanOrEqual(2)
    const failed = await t.auditEntries('login-failed', { user: { equals: await t.userId(SITE_ADMIN) } })
    expect(failed[0]).toMatchObject({ ip: '192.0.2.14', userAgent: 'accounts-test/1.0' })
    // Fifteen minutes on, the lock is gone (checked at a later clock, and by ageing the stored failures).
    const policy = staticPolicy.lockout
    expect(await lockedUntil(t.payload, accountKey(SITE_ADMIN), policy)).toBeInstanceOf(Date)
    expect(await lockedUntil(t.payload, accountKey(SITE_ADMIN), policy, Date.now() + 15 * 60_000 + 1000)).toBeNull()
    await t.payload.update({
      collection: 'login-attempts' as never,
      where: { key: { equals: accountKey(SITE_ADMIN) } },
      data: { at: new Date(Date.now() - 16 * 60_000).toISOString() } as never,
      overrideAccess: true,
    })
    // Payload's own lock field mirrors ours; while it holds, its answer is rewritten to the same message.
    const mirror = await t.login(SITE_ADMIN, DEMO_PASSWORD, '192.0.2.98')
    expect([mirror.status, message(mirror)]).toEqual([429, message(unknown)])
    await t.payload.db.updateOne({
      collection: 'users',
      id: await t.userId(SITE_ADMIN),
      data: { lockUntil: new Date(Date.now() - 1000).toISOString() },
      returning: false,
    })
    expect((await t.login(SITE_ADMIN, DEMO_PASSWORD, '192.0.2.98')).status).toBe(200)
  })

  it('locks an address after 5 failures on any accounts: another account from it is refused, from elsewhere it is not', async () => {
    const ip = '203.0.113.50'
    for (const [i, email] of ['a@fgw.yulin.gov.cn', CENTRAL, 'b@fgw.yulin.gov.cn', 'reviewer@fgw.yulin.gov.cn', 'c@x.cn'].entries())
      await t.login(email, `Wrong#Guess-${i}`, ip)
    const same = await t.login(EDITOR, DEMO_PASSWORD, ip)
    expect(same.status).toBe(429)
    expect(message(same)).toMatch(/15 分钟/)
    expect((await t.login(EDITOR, DEMO_PASSWORD, '203.0.113.51')).status).toBe(200)
    // The accounts themselves are not locked: one failure each.
    expect((await t.login(CENTRAL, DEMO_PASSWORD, '203.0.113.52')).status).toBe(200)
  })

  it('GraphQL login goes through the same guard', async () => {
    const res = await t.graphql(`mutation { loginUser(email: "${EDITOR}", password: "Wrong#Guess-x") { token } }`, undefined, '203.0.113.60')
    expect(JSON.stringify(res.json.errors)).toMatch(/邮箱、密码或动态验证码不正确/)
    const failures = await t.auditEntries('login-failed', { ip: { equals: '203.0.113.60' } })
    expect(failures.length).toBe(1)
  })
})

describe('sessions', () => {
  it('issues an httpOnly SameSite cookie and an 8-hour token; Secure in production', async () => {
    const res = await t.login(EDITOR, DEMO_PASSWORD, '198.51.100.7')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(res.json.exp - Date.now() / 1000).toBeGreaterThan(8 * 3600 - 60)
    expect(res.json.exp - Date.now() / 1000).toBeLessThanOrEqual(8 * 3600)
    expect(sessionCookies({ NODE_ENV: 'production' }).secure).toBe(true)
    expect(sessionCookies({ NODE_ENV: 'production', PUBLIC_URL: 'http://10.0.0.5' }).secure).toBe(false)
    expect(sessionCookies({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).secure).toBe(false)
    expect(sessionCookies({ NODE_ENV: 'development' }).secure).toBe(false)
    const login = await t.auditEntries('login', { user: { equals: await t.userId(EDITOR) } })
    expect(login[0]).toMatchObject({ ip: '198.51.100.7', userAgent: 'accounts-test/1.0' })
  })

  it('ends a session idle for longer than the timeout, and writes activity at most once a minute', async () => {
    const token = (await t.login(EDITOR, DEMO_PASSWORD, '198.51.100.8')).json.token
    const sid = sidOf(token)
    const id = await t.userId(EDITOR)
    const activity = async () => ((await t.payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as any).sessionActivity?.[sid]
    expect((await t.call('GET', '/api/users/me', { token })).json.user?.email).toBe(EDITOR)
    const twoMinutesAgo = Date.now() - 120_000
    await t.payload.db.updateOne({ collection: 'users', id, data: { sessionActivity: { [sid]: twoMinutesAgo } }, returning: false })
    await t.call('GET', '/api/users/me', { token })
    const written = await activity()
    expect(written).toBeGreaterThan(twoMinutesAgo)
    await t.call('GET', '/api/users/me', { token })
    expect(await activity()).toBe(written)
    // Idle for 31 minutes: the session is gone and the token no longer works.
    await t.payload.db.updateOne({ collection: 'users', id, data: { sessionActivity: { [sid]: Date.now() - 31 * 60_000 } }, returning: false })
    expect((await t.call('GET', '/api/users/me', { token })).json.user).toBeNull()
    expect((await t.call('GET', '/api/users/me', { token })).json.user).toBeNull()
    expect((await t.auditEntries('session-idle-timeout', { user: { equals: id } })).length).toBe(1)
    const logout = await t.call('POST', '/api/users/logout', { token: (await t.login(EDITOR, DEMO_PASSWORD, '198.51.100.8')).json.token, ip: '198.51.100.8' })
    expect(logout.status).toBe(200)
    expect((await t.auditEntries('logout', { user: { equals: id } }))[0]).toMatchObject({ ip: '198.51.100.8' })
  })

  it('in production, seeded demo accounts can only change their password (unless ALLOW_DEMO_PASSWORDS=1)', async () => {
    const reviewer = 'reviewer@fgw.yulin.gov.cn'
    expect(((await t.payload.db.findOne({ collection: 'users', where: { email: { equals: reviewer } } })) as any).mustChangePassword).toBe(true)
    const env = { NODE_ENV: process.env.NODE_ENV, ALLOW: process.env.ALLOW_DEMO_PASSWORDS }
    try {
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      process.env.ALLOW_DEMO_PASSWORDS = '1'
      const demoToken = (await t.login('letters@fgw.yulin.gov.cn', DEMO_PASSWORD, '198.51.100.9')).json.token
      expect((await t.call('GET', '/api/articles?limit=1', { token: demoToken })).status).toBe(200)
      delete process.env.ALLOW_DEMO_PASSWORDS
      const token = (await t.login(reviewer, DEMO_PASSWORD, '198.51.100.9')).json.token
      const refused = await t.call('GET', '/api/articles?limit=1&draft=true', { token })
      expect(refused.status).toBe(403)
      expect(message(refused)).toMatch(/请先修改初始密码/)
      expect(message(await t.call('GET', '/api/articles?limit=1', { token, lang: 'en' }))).toMatch(/Change your initial password first/)
      expect((await t.call('GET', '/api/users/account-state', { token })).json.restriction).toBe('passwordChangeRequired')
      const id = await t.userId(reviewer)
      const weak = await t.call('PATCH', `/api/users/${id}`, { token, body: { password: DEMO_PASSWORD } })
      expect(weak.status).toBe(400)
      const changed = await t.call('PATCH', `/api/users/${id}`, { token, body: { password: 'Reviewed#Carefully-26' } })
      expect(changed.status, message(changed)).toBe(200)
      expect((await t.call('GET', '/api/articles?limit=1&draft=true', { token })).status).toBe(200)
    } finally {
      ;(process.env as Record<string, string | undefined>).NODE_ENV = env.NODE_ENV
      if (env.ALLOW === undefined) delete process.env.ALLOW_DEMO_PASSWORDS
      else process.env.ALLOW_DEMO_PASSWORDS = env.ALLOW
    }
  })
})

describe('TOTP second factor', () => {
  const email = 'totp-admin@yulin.gov.cn'
  const password = 'Secure#Totp-2026'
  let secret = ''
  let recovery: string[] = []
  let id: number

  it('enrols: secret shown once as otpauth URL and QR code, confirmed by a code, recovery codes returned', async () => {
    const central = (await t.payload.find({ collection: 'users', where: { email: { equals: CENTRAL } }, overrideAccess: true, depth: 0 })).docs[0] as any
    id = (
      await t.payload.create({
        collection: 'users',
        data: { email, password, name: 'TOTP', roles: ['central-admin'], organization: central.organization } as never,
        overrideAccess: true,
      })
    ).id as number
    const token = (await t.login(email, password)).json.token
    const enrol = await t.call('POST', '/api/users/totp/enrol', { token })
    expect(enrol.status, message(enrol)).toBe(200)
    expect(enrol.json.otpauthUrl).toMatch(/^otpauth:\/\/totp\//)
    expect(enrol.json.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    secret = enrol.json.secret
    const wrong = await t.call('POST', '/api/users/totp/confirm', { token, body: { code: '000000' } })
    expect(wrong.status).toBe(400)
    expect(message(wrong)).toMatch(/动态验证码不正确/)
    const ok = await t.call('POST', '/api/users/totp/confirm', { token, body: { code: generateSync({ secret }) } })
    expect(ok.status, message(ok)).toBe(200)
    recovery = ok.json.recoveryCodes
    expect(recovery).toHaveLength(10)
    const stored = (await t.payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as any
    expect(stored.totpEnabled).toBe(true)
    expect(stored.totpSecret).not.toContain(secret)
    expect(JSON.stringify((await t.call('GET', `/api/users/${id}`, { token })).json)).not.toContain(secret)
    expect((await t.auditEntries('totp-enrol', { user: { equals: id } })).length).toBe(1)
  })

  it('login needs the code: missing, wrong or replayed codes are refused like a wrong password', async () => {
    const missing = await t.login(email, password, '198.51.100.20')
    expect([missing.status, message(missing)]).toEqual([401, expect.stringMatching(/邮箱、密码或动态验证码不正确/)])
    expect((await t.login(email, password, '198.51.100.21', { totp: '123456' })).status).toBe(401)
    expect((await t.auditEntries('totp-failed', { user: { equals: id } })).length).toBeGreaterThanOrEqual(2)
    const next = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    const ok = await t.login(email, password, '198.51.100.22', { totp: next })
    expect(ok.status, message(ok)).toBe(200)
    // The same code again is a replay.
    expect((await t.login(email, password + next, '198.51.100.23')).status).toBe(401)
    // As the admin's form sends it: the code right after the password (a later code; the clock is moved back instead of waiting).
    await t.payload.db.updateOne({ collection: 'users', id, data: { totpLastStep: 1 }, returning: false })
    const appended = await t.login(email, password + generateSync({ secret }), '198.51.100.24')
    expect(appended.status, message(appended)).toBe(200)
  })

  it('a recovery code works once', async () => {
    const first = await t.login(email, `${password} ${recovery[0]}`, '198.51.100.25')
    expect(first.status, message(first)).toBe(200)
    expect((await t.login(email, `${password} ${recovery[0]}`, '198.51.100.26')).status).toBe(401)
    expect((await t.auditEntries('recovery-code-used', { user: { equals: id } })).length).toBe(1)
    const state = await t.call('GET', '/api/users/account-state', { token: first.json.token })
    expect(state.json).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 9 })
  })

  it('central admins can be required to use it: until they enrol, they can do nothing else', async () => {
    await t.payload.updateGlobal({ slug: 'group-settings', data: { accounts: { requireTotpForCentralAdmins: true } } as never, overrideAccess: true })
    try {
      const token = (await t.login(CENTRAL, DEMO_PASSWORD, '198.51.100.30')).json.token
      const refused = await t.call('GET', '/api/sites?limit=1', { token })
      expect(refused.status).toBe(403)
      expect(message(refused)).toMatch(/双因素认证/)
      const enrol = await t.call('POST', '/api/users/totp/enrol', { token })
      expect(enrol.status).toBe(200)
      const confirm = await t.call('POST', '/api/users/totp/confirm', { token, body: { code: generateSync({ secret: enrol.json.secret }) } })
      expect(confirm.status).toBe(200)
      expect((await t.call('GET', '/api/sites?limit=1', { token })).status).toBe(200)
      const disable = await t.call('POST', '/api/users/totp/disable', { token, body: { code: confirm.json.recoveryCodes[0] } })
      expect(disable.status).toBe(403)
      expect(message(disable)).toMatch(/不能停用/)
    } finally {
      await t.payload.updateGlobal({ slug: 'group-settings', data: { accounts: { requireTotpForCentralAdmins: false } } as never, overrideAccess: true })
    }
  })
})
