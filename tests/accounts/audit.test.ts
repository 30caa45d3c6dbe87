import http from 'node:http'
import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLIENT_ADDRESS_HEADER, forwardClientAddress } from '../../src/accounts'
import { DEMO_PASSWORD, userByEmail } from '../helpers/payload'
import { bootAccounts, CENTRAL, EDITOR, message } from './boot'

let t: Awaited<ReturnType<typeof bootAccounts>>
let admin = ''
let editor = ''
let entryId: number
beforeAll(async () => {
  t = await bootAccounts('accounts-audit')
  admin = (await t.login(CENTRAL, DEMO_PASSWORD, '198.51.100.40')).json.token
  editor = (await t.login(EDITOR, DEMO_PASSWORD, '198.51.100.41')).json.token
  await t.login(EDITOR, 'Wrong#Guess-audit', '198.51.100.42')
  const site = (await t.payload.find({ collection: 'sites', limit: 1, depth: 0, overrideAccess: true })).docs[0]
  const res = await t.call('PATCH', `/api/sites/${site.id}`, { token: admin, ip: '198.51.100.43', body: { name: `${site.name}·审计` } })
  expect(res.status, message(res)).toBe(200)
  entryId = (
    await t.payload.find({
      collection: 'audit-log',
      where: { and: [{ targetCollection: { equals: 'sites' } }, { action: { equals: 'update' } }] },
      sort: '-at',
      limit: 1,
      overrideAccess: true,
      depth: 0,
    })
  ).docs[0].id as number
})
afterAll(() => t?.close())

describe('audit log', () => {
  it('records who, when, from which address and with which client for every write', async () => {
    const entry = await t.payload.findByID({ collection: 'audit-log', id: entryId, overrideAccess: true, depth: 0 })
    expect(entry).toMatchObject({ user: await t.userId(CENTRAL), ip: '198.51.100.43', userAgent: 'accounts-test/1.0', targetCollection: 'sites' })
    expect(Object.keys(entry.changes as object)).toContain('name')
  })

  it('takes the address the server resolved with its trust-proxy setting, never one the client sent', async () => {
    const serve = async (trust: string | boolean) => {
      const app = express()
      app.set('trust proxy', trust)
      app.use(forwardClientAddress)
      app.get('/', (req, res) => void res.send(String(req.headers[CLIENT_ADDRESS_HEADER])))
      const server = await new Promise<http.Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s))
      })
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        headers: { 'x-forwarded-for': '203.0.113.9', [CLIENT_ADDRESS_HEADER]: '6.6.6.6' },
      })
      server.close()
      return res.text()
    }
    expect(await serve(false)).toBe('127.0.0.1') // no proxy trusted: the socket address
    expect(await serve('loopback')).toBe('203.0.113.9') // behind a local proxy: its X-Forwarded-For
  })

  it('is read and exported by the central office only, as CSV or xlsx, with filters', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const csv = await t.call('GET', `/api/audit-log/export?from=${today}&to=${today}&action=account:login&format=csv`, { token: admin })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = String(csv.json)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('时间,操作人,来源地址,客户端,操作,对象类型,对象编号,摘要,变更内容')
    const logins = await t.payload.count({ collection: 'audit-log', where: { action: { like: 'account:login' } }, overrideAccess: true })
    expect(lines.length - 1).toBe(logins.totalDocs)
    expect(lines.some((l) => l.includes('198.51.100.42') && l.includes('account:login-failed'))).toBe(true)
    const byUser = await t.call('GET', `/api/audit-log/export?user=${await t.userId(CENTRAL)}&collection=sites`, { token: admin })
    expect(String(byUser.json).trim().split('\r\n')).toHaveLength(2)
    const xlsx = await fetch(`${t.server.url}/api/audit-log/export?format=xlsx&action=account:login`, { headers: { authorization: `JWT ${admin}` } })
    expect(xlsx.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    expect(book.worksheets[0].rowCount).toBe(logins.totalDocs + 1)
    expect((await t.call('GET', '/api/audit-log/export', { token: editor })).status).toBe(403)
    expect((await t.call('GET', '/api/audit-log/export')).status).toBe(403)
    const badDate = await t.call('GET', '/api/audit-log/export?from=yesterday', { token: admin })
    expect([badDate.status, message(badDate)]).toEqual([400, expect.stringMatching(/日期参数 from/)])
    expect((await t.call('GET', '/api/audit-log/export?format=pdf', { token: admin })).status).toBe(400)
    // The list in the admin filters by user, action, collection and date through the ordinary API.
    const list = await t.call('GET', `/api/audit-log?where[action][equals]=account:login-failed&where[at][greater_than]=${today}T00:00:00%2B08:00&depth=0`, {
      token: admin,
    })
    expect(list.json.totalDocs).toBeGreaterThanOrEqual(1)
    expect((await t.call('GET', '/api/audit-log', { token: editor })).status).toBe(403)
  })

  it('cannot be changed or deleted through REST, GraphQL or the Local API', async () => {
    const before = await t.payload.findByID({ collection: 'audit-log', id: entryId, overrideAccess: true, depth: 0 })
    expect((await t.call('PATCH', `/api/audit-log/${entryId}`, { token: admin, body: { summary: 'forged' } })).status).toBe(403)
    expect((await t.call('DELETE', `/api/audit-log/${entryId}`, { token: admin })).status).toBe(403)
    expect((await t.call('DELETE', `/api/audit-log?where[id][equals]=${entryId}`, { token: admin })).status).not.toBe(200)
    expect((await t.call('POST', '/api/audit-log', { token: admin, body: { at: new Date().toISOString(), action: 'forged' } })).status).toBe(403)
    for (const mutation of [
      `mutation { updateAuditEntry(id: ${entryId}, data: { summary: "forged" }) { id } }`,
      `mutation { deleteAuditEntry(id: ${entryId}) { id } }`,
      `mutation { createAuditEntry(data: { at: "2026-01-01T00:00:00Z", action: "forged" }) { id } }`,
    ]) {
      const res = await t.graphql(mutation, admin)
      expect(res.json.errors?.length, mutation).toBeGreaterThan(0)
    }
    const user = await userByEmail(t.payload, CENTRAL)
    await expect(t.payload.update({ collection: 'audit-log', id: entryId, data: { summary: 'forged' }, overrideAccess: false, user })).rejects.toThrow()
    await expect(t.payload.delete({ collection: 'audit-log', id: entryId, overrideAccess: false, user })).rejects.toThrow()
    // Even trusted code with access overridden cannot rewrite history.
    await expect(t.payload.update({ collection: 'audit-log', id: entryId, data: { summary: 'forged' }, overrideAccess: true })).rejects.toThrow(
      /只能追加|append-only/,
    )
    await expect(t.payload.delete({ collection: 'audit-log', where: { id: { equals: entryId } }, overrideAccess: true })).rejects.toThrow(
      /只能追加|append-only/,
    )
    const after = await t.payload.findByID({ collection: 'audit-log', id: entryId, overrideAccess: true, depth: 0 })
    expect(after).toEqual(before)
  })
})
