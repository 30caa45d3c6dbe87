/** Boots Payload for the interaction integration tests on a fresh, empty database. */
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { freshDatabaseUri } from '../../helpers/database'
import type { CalendarEntry, InteractionRouterOptions } from '../../../src/interaction'
import holidays2025 from '../../../src/interaction/data/holidays-2025.json'

/** `databaseUri` overrides the fresh test database (the MongoDB test of the bulk inbox insert). */
export async function bootInteractionPayload(label: string, options: { databaseUri?: string } = {}): Promise<Payload> {
  process.env.DATABASE_URI = options.databaseUri ?? (await freshDatabaseUri(label))
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.MEDIA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'sitegroup-media-'))
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

export interface World {
  city: { id: number | string }
  education: { id: number | string }
  transport: { id: number | string }
  portal: { id: number | string; code: string }
  educationSite: { id: number | string; code: string }
  central: Record<string, any>
  eduHandler: Record<string, any>
  eduReviewer: Record<string, any>
  transportHandler: Record<string, any>
}

const asUser = (doc: Record<string, unknown>) => ({ ...doc, collection: 'users' as const })

/** A city, two departments with sites, the portal, and the staff who handle letters; plus the 2025 holidays. */
export async function seedWorld(payload: Payload): Promise<World> {
  const o = (data: Record<string, unknown>) => payload.create({ collection: 'organizations', data: data as never, overrideAccess: true })
  const city = await o({ name: '玉林市人民政府', code: '11450900007565041A', kind: 'city' })
  const education = await o({ name: '玉林市教育局', code: '11450900007565050B', kind: 'department', parent: city.id })
  const transport = await o({ name: '玉林市交通运输局', code: '11450900007565060C', kind: 'department', parent: city.id })
  const s = (data: Record<string, unknown>) => payload.create({ collection: 'sites', data: data as never, overrideAccess: true })
  const portal = await s({
    name: '中国玉林',
    code: 'portal',
    domains: [{ domain: 'www.yulin.gov.cn' }],
    identificationCode: '4509000001',
    organization: city.id,
    theme: 'portal',
  })
  const educationSite = await s({
    name: '玉林市教育局',
    code: 'jyj',
    domains: [{ domain: 'jyj.yulin.gov.cn' }],
    identificationCode: '4509000002',
    organization: education.id,
    theme: 'department',
  })
  await s({
    name: '玉林市交通运输局',
    code: 'jtj',
    domains: [{ domain: 'jtj.yulin.gov.cn' }],
    identificationCode: '4509000003',
    organization: transport.id,
    theme: 'department',
  })
  await payload.updateGlobal({ slug: 'group-settings' as never, data: { name: '中国玉林网站群', portalSite: portal.id } as never, overrideAccess: true })
  const u = async (email: string, roles: string[], organization: unknown) =>
    asUser(
      (await payload.create({
        collection: 'users',
        data: { email, password: 'Test#2026yl-long', name: email.split('@')[0], roles, organization } as never,
        overrideAccess: true,
      })) as never,
    )
  const central = await u('central@yulin.gov.cn', ['central-admin'], city.id)
  const eduHandler = await u('handler@jyj.yulin.gov.cn', ['letter-handler'], education.id)
  const eduReviewer = await u('reviewer@jyj.yulin.gov.cn', ['reviewer'], education.id)
  const transportHandler = await u('handler@jtj.yulin.gov.cn', ['letter-handler'], transport.id)
  for (const entry of holidays2025.entries as CalendarEntry[]) {
    await payload.create({ collection: 'holidays' as never, data: entry as never, overrideAccess: true })
  }
  return { city, education, transport, portal, educationSite, central, eduHandler, eduReviewer, transportHandler } as World
}

export async function startServer(options: InteractionRouterOptions): Promise<{ base: string; close: () => Promise<void> }> {
  const { createInteractionRouter } = await import('../../../src/interaction')
  const app = express()
  app.use('/s/:site', createInteractionRouter(options))
  app.use('/', createInteractionRouter(options))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Reads the hidden proof-of-work challenge out of a form page and solves it. */
export async function solvedForm(html: string): Promise<Record<string, string>> {
  const { solveChallenge } = await import('../../../src/interaction')
  const challenge = /name="pow_challenge" value="([^"]+)"/.exec(html)?.[1]
  const bits = Number(/name="pow_bits" value="(\d+)"/.exec(html)?.[1])
  if (!challenge) throw new Error('no proof-of-work challenge in the form')
  const decoded = challenge.replace(/&amp;/g, '&')
  return { pow_challenge: decoded, pow_solution: solveChallenge(decoded, bits) }
}

export const form = (data: Record<string, unknown>) => {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) body.append(`${key}[${k}]`, String(v))
    else body.append(key, String(value))
  }
  return body
}
