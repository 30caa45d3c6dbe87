import type { Payload } from 'payload'
import { startApiServer } from '../helpers/http'
import { bootPayload } from '../helpers/payload'
import { CLIENT_ADDRESS_HEADER } from '../../src/accounts'

export const CENTRAL = 'admin@yulin.gov.cn'
export const EDITOR = 'editor@fgw.yulin.gov.cn'
export const SITE_ADMIN = 'siteadmin@fgw.yulin.gov.cn'

export type Reply = { status: number; json: any; headers: Headers }

/** A seeded Payload plus its REST/GraphQL over HTTP, and helpers that send a chosen client address. */
export async function bootAccounts(label: string) {
  const payload: Payload = await bootPayload(label, { seeded: true })
  const server = await startApiServer()
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; token?: string; ip?: string; lang?: string; raw?: boolean } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'accounts-test/1.0', 'accept-language': options.lang ?? 'zh' }
    if (options.ip) headers[CLIENT_ADDRESS_HEADER] = options.ip
    if (options.token) headers.authorization = `JWT ${options.token}`
    const res = await fetch(`${server.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const text = await res.text()
    let json: any = text
    try {
      json = JSON.parse(text)
    } catch {
      // not JSON: the text stays as it came
    }
    return { status: res.status, json, headers: res.headers }
  }
  const login = (email: string, password: string, ip = '198.51.100.1', extra: Record<string, unknown> = {}) =>
    call('POST', '/api/users/login', { body: { email, password, ...extra }, ip })
  const graphql = (query: string, token?: string, ip?: string) => call('POST', '/api/graphql', { body: { query }, token, ip })
  const userId = async (email: string) =>
    (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0, limit: 1 })).docs[0].id
  const auditEntries = async (action: string, extra: Record<string, unknown> = {}) =>
    (
      await payload.find({
        collection: 'audit-log',
        where: { action: { equals: `account:${action}` }, ...extra },
        sort: '-at',
        limit: 100,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as Array<Record<string, any>>
  return {
    payload,
    server,
    call,
    login,
    graphql,
    userId,
    auditEntries,
    close: async () => {
      await server.close()
      await payload.destroy()
    },
  }
}

export const message = (reply: Reply): string => JSON.stringify(reply.json?.errors ?? reply.json)
