import type { Payload } from 'payload'
import { userByEmail } from '../helpers/payload'

export const paragraph = (text: string) => ({
  root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, format: 0, version: 1 }] }] },
})

export async function siteByCode(payload: Payload, code: string) {
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: code } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
  if (!site) throw new Error(`site ${code} not found`)
  return site
}

export async function columnAt(payload: Payload, siteCode: string, path: string) {
  const site = await siteByCode(payload, siteCode)
  const found = (
    await payload.find({
      collection: 'columns',
      where: { and: [{ site: { equals: site.id } }, { path: { equals: path } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]
  if (!found) throw new Error(`column ${siteCode}/${path} not found`)
  return found
}

/** A published article written as trusted code (the workflow is tested elsewhere). */
export async function publishedArticle(payload: Payload, columnId: number | string, title: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'articles',
    data: {
      title,
      column: columnId,
      state: 'published',
      _status: 'published',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      body: paragraph(`${title}正文`),
      ...extra,
    } as never,
    depth: 0,
    overrideAccess: true,
  })
}

export async function users(payload: Payload) {
  const emails = {
    admin: 'admin@yulin.gov.cn',
    fgwEditor: 'editor@fgw.yulin.gov.cn',
    fgwReviewer: 'reviewer@fgw.yulin.gov.cn',
    fgwSiteAdmin: 'siteadmin@fgw.yulin.gov.cn',
    rsjEditor: 'editor@rsj.yulin.gov.cn',
    rsjReviewer: 'reviewer@rsj.yulin.gov.cn',
    portalEditor: 'portal-editor@yulin.gov.cn',
    portalReviewer: 'portal-reviewer@yulin.gov.cn',
    beiliuReviewer: 'reviewer@beiliu.gov.cn',
    beiliuSiteAdmin: 'siteadmin@beiliu.gov.cn',
  }
  const out = {} as Record<keyof typeof emails, Awaited<ReturnType<typeof userByEmail>>>
  for (const [key, email] of Object.entries(emails)) out[key as keyof typeof emails] = await userByEmail(payload, email)
  return out
}

export const placementCount = (payload: Payload) => payload.count({ collection: 'placements' as never, overrideAccess: true }).then((r) => r.totalDocs)

/** Polls until `check` passes: page caches are invalidated by hooks right after the write commits. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const started = Date.now()
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}
