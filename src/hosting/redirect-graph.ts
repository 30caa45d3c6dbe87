/**
 * Redirects as a graph: a rule set must never send a visitor round in a circle (A→B→A), neither
 * when one redirect is written (the collection's hook) nor after a whole switch (the plan).
 */
import type { PayloadRequest } from 'payload'
import { relationId } from '../access'
import { RedirectTable, siteUrl, type RedirectRule, type RedirectSite } from '../sites'
import config from './config.json' with { type: 'json' }
import { HOSTING_MESSAGES } from './messages'
import { NEW_SITE, type Id, type ModeSwitchPlan } from './types'

type Doc = Record<string, any>

/** The rest of `path` below an area's root (`''` = the whole site), starting with '/', or null when outside. */
export function mapIntoArea(root: string, path: string): string | null {
  if (!root) return path.startsWith('/') ? path : null
  const base = `/${root}`
  if (path === base || path === `${base}/`) return '/'
  return path.startsWith(`${base}/`) ? path.slice(base.length) : null
}

const ruleOf = (doc: Doc): RedirectRule => ({
  id: doc.id,
  siteId: relationId(doc.site)!,
  fromPath: String(doc.fromPath),
  match: doc.match === 'prefix' ? 'prefix' : 'exact',
  toSiteId: relationId(doc.toSite)!,
  toPath: String(doc.toPath),
  statusCode: Number(doc.statusCode ?? 301),
})

/** Follows the chain from a rule's own address; returns the addresses visited when it comes back round. */
function loopFrom(table: RedirectTable, rule: RedirectRule): string[] | null {
  const seen: string[] = [`${rule.siteId}${rule.fromPath}`]
  let site: Id = rule.siteId
  let path = rule.fromPath
  for (let hop = 0; hop < config.maxRedirectHops; hop++) {
    const next = table.lookup(site, path)
    if (!next) return null
    site = next.site.id
    path = next.path
    const key = `${site}${path}`
    if (seen.includes(key)) return [...seen, key]
    seen.push(key)
  }
  return seen
}

function label(sites: Map<string, string>, key: string): string {
  const match = /^(.+?)(\/.*)$/.exec(key)
  return match ? `${sites.get(match[1]) ?? match[1]}${match[2]}` : key
}

/** Every loop the stored redirects would contain after the plan's changes, as readable chains. */
export function finalRedirectLoops(existing: Doc[], plan: ModeSwitchPlan): string[] {
  const changes = new Map(plan.redirectChanges.map((c) => [String(c.id), c]))
  const rules: RedirectRule[] = []
  for (const doc of existing) {
    const change = changes.get(String(doc.id))
    if (change?.action === 'delete') continue
    const rule = ruleOf(doc)
    rules.push(change?.action === 'retarget' ? { ...rule, toSiteId: change.toSiteId!, toPath: change.toPath! } : rule)
  }
  plan.redirects.forEach((r, i) =>
    rules.push({ id: `planned-${i}`, siteId: r.siteId, fromPath: r.fromPath, match: r.match, toSiteId: r.toSiteId, toPath: r.toPath, statusCode: 301 }),
  )
  const names = new Map<string, string>()
  const sites: RedirectSite[] = []
  for (const s of [plan.source?.site, plan.target?.site]) {
    if (!s) continue
    sites.push({ id: s.id, code: s.code, domains: s.domains, status: 'active' })
    names.set(String(s.id), s.code)
  }
  const ids = new Set(sites.map((s) => String(s.id)))
  for (const r of rules) {
    for (const id of [r.siteId, r.toSiteId]) {
      if (ids.has(String(id))) continue
      ids.add(String(id))
      sites.push({ id, code: String(id), domains: [], status: 'active' })
    }
  }
  const table = new RedirectTable(sites, rules)
  const loops: string[] = []
  for (const rule of rules) {
    const loop = loopFrom(table, rule)
    if (loop) loops.push(loop.map((k) => label(names, k)).join(' → '))
    if (loops.length >= 3) break
  }
  return loops
}

export interface RedirectInput {
  id?: Id
  site: unknown
  fromPath: unknown
  match: unknown
  toSite: unknown
  toPath: unknown
}

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '')
const both = (key: 'redirectLoop' | 'redirectToItself', vars: Record<string, string>) =>
  `${fill(HOSTING_MESSAGES[key].zh, vars)} / ${fill(HOSTING_MESSAGES[key].en, vars)}`

function normalizePath(value: unknown): string | null {
  const path = String(value ?? '').trim()
  return /^\/[^\s?#]*$/.test(path) && path.length <= 1000 ? path : null
}

/**
 * Checks one redirect against those stored (read through `req`, so inside a switch's transaction
 * it sees the switch's own writes): paths must be site-relative, the rule must not point at itself,
 * and following it must never come back to where it starts.
 */
export async function checkRedirectRule(
  req: PayloadRequest,
  input: RedirectInput,
): Promise<{ fromPath: string; toPath: string; toUrl: string } | { error: string }> {
  const fromPath = normalizePath(input.fromPath)
  const toPath = normalizePath(input.toPath)
  const siteId = relationId(input.site)
  const toSiteId = relationId(input.toSite)
  if (!fromPath || !toPath) return { error: '路径须以 / 开头且不含空格、? 或 # / paths must start with / and contain no spaces, ? or #' }
  if (siteId === null || toSiteId === null || String(siteId) === NEW_SITE) return { error: '请选择原网站和新网站 / choose both sites' }
  if (String(siteId) === String(toSiteId) && fromPath === toPath) return { error: both('redirectToItself', { path: fromPath }) }
  const { payload } = req
  const [stored, sites] = await Promise.all([
    payload.find({
      collection: 'redirects',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      ...(input.id !== undefined ? { where: { id: { not_equals: input.id } } } : {}),
    }),
    payload.find({ collection: 'sites', depth: 0, pagination: false, overrideAccess: true, req, select: { code: true, domains: true, status: true } }),
  ])
  const siteRecords: RedirectSite[] = (sites.docs as unknown as Doc[]).map((s) => ({
    id: s.id,
    code: String(s.code),
    domains: ((s.domains ?? []) as Array<{ domain?: string }>).map((d) => String(d.domain ?? '')).filter(Boolean),
    status: String(s.status),
  }))
  const rule: RedirectRule = {
    id: input.id ?? 'new',
    siteId,
    fromPath,
    match: input.match === 'prefix' ? 'prefix' : 'exact',
    toSiteId,
    toPath,
    statusCode: 301,
  }
  const table = new RedirectTable(siteRecords, [...(stored.docs as unknown as Doc[]).map(ruleOf), rule])
  const loop = loopFrom(table, rule)
  if (loop) {
    const names = new Map(siteRecords.map((s) => [String(s.id), s.code]))
    return { error: both('redirectLoop', { chain: loop.map((k) => label(names, k)).join(' → ') }) }
  }
  const target = siteRecords.find((s) => String(s.id) === String(toSiteId))
  if (!target) return { error: '新网站不存在 / the target site does not exist' }
  return { fromPath, toPath, toUrl: siteUrl(target, toPath) }
}
