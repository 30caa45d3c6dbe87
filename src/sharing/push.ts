/**
 * 统一推送: the central office places one article in a column category on many sites at once.
 * Each target site gets an accepted placement in its first column of that category (the same
 * "first" the public sites use: top level in order, then depth-first); sites without such a
 * column are reported, not failed.
 */
import { randomUUID } from 'node:crypto'
import type { PayloadRequest, Where } from 'payload'
import { isCentralAdmin, refuse, relationId, sameId, type ColumnOwnership } from '../access'
import { schemaId } from '../lib/schema'
import { translate } from './messages'
import { assertPublished, loadSourceArticle, OPEN_STATES, PLACEMENTS, type Id } from './rules'
import { inTransaction, undoCreated } from './transaction'

export interface PushTarget {
  /** Every active site. */
  all?: boolean
  /** Sites of organizations of these kinds (`department`, `county`, `district`, `township`, `city`). */
  kinds?: string[]
  /** Sites by id or code. */
  sites?: Array<Id | string>
}

export interface PushInput {
  article: unknown
  category: unknown
  target: PushTarget
}

export interface PushResult {
  batch: string
  category: string
  placed: Array<{ placement: Id; site: Id; siteCode: string; column: Id; columnPath: string }>
  refused: Array<{ site: Id | string; siteCode?: string; message: string }>
  /** Milliseconds spent storing the placements (the figure docs/benchmarks.md records). */
  storeMs: number
}

/** Context key: push has loaded article and columns once; the create hook trusts them instead of reloading per site. */
export const PUSH_CONTEXT = 'sitegroup:pushPrepared'
export interface PreparedPush {
  article: Awaited<ReturnType<typeof loadSourceArticle>>
  columns: Map<string, ColumnOwnership>
  batch: string
}

interface SiteRow {
  id: Id
  code: string
  name: string
  organization: Id | null
}
interface ColumnRow {
  id: Id
  site: Id
  parent: Id | null
  order: number
  category: string
  path: string
  ownerOrganization: Id
}

export async function pushArticle(req: PayloadRequest, input: PushInput): Promise<PushResult> {
  if (req.user && !isCentralAdmin(req.user)) refuse(req, 'pushForbidden', {}, 403)
  const category = String(input.category ?? '')
  if (!columnCategories(req).includes(category)) refuse(req, 'pushUnknownCategory', { category })
  const article = await loadSourceArticle(req, input.article)
  assertPublished(req, article)
  const { sites, refused } = await targetSites(req, input.target ?? {})

  const columnDocs = sites.length
    ? await req.payload.find({
        collection: 'columns',
        where: { site: { in: sites.map((s) => s.id) } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
        select: { site: true, parent: true, order: true, category: true, path: true, ownerOrganization: true },
      })
    : { docs: [] }
  const columns = (columnDocs.docs as unknown as Array<Record<string, unknown>>).map<ColumnRow>((c) => ({
    id: c.id as Id,
    site: relationId(c.site) as Id,
    parent: relationId(c.parent),
    order: Number(c.order ?? 0),
    category: String(c.category ?? ''),
    path: String(c.path ?? ''),
    ownerOrganization: relationId(c.ownerOrganization) as Id,
  }))
  const first = firstColumnOfCategoryPerSite(columns, category)
  if (!sites.some((s) => first.has(String(s.id)) && !sameId(s.id, article.site))) refuse(req, 'pushNoColumn', { category: categoryLabel(req, category) })

  const already = await req.payload.find({
    collection: PLACEMENTS,
    where: { and: [{ article: { equals: article.id } }, { targetColumn: { in: [...first.values()].map((c) => c.id) } }, { state: { in: OPEN_STATES } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { targetColumn: true },
  })
  const placedColumns = new Set(already.docs.map((d) => String(relationId(d.targetColumn))))

  const planned: Array<{ site: SiteRow; column: ColumnRow }> = []
  for (const site of sites) {
    const column = first.get(String(site.id))
    const label = `${site.name}（${site.code}）`
    if (sameId(site.id, article.site)) refused.push({ site: site.id, siteCode: site.code, message: translate(req, 'pushSourceSite', { site: label }) })
    else if (!column)
      refused.push({
        site: site.id,
        siteCode: site.code,
        message: translate(req, 'pushNoMatchingColumn', { site: label, category: categoryLabel(req, category) }),
      })
    else if (sameId(column.ownerOrganization, article.organization))
      refused.push({ site: site.id, siteCode: site.code, message: translate(req, 'targetOwnColumn', { column: `${site.code}/${column.path}` }) })
    else if (placedColumns.has(String(column.id)))
      refused.push({
        site: site.id,
        siteCode: site.code,
        message: translate(req, 'placementDuplicate', { column: `${site.code}/${column.path}`, state: 'accepted' }),
      })
    else planned.push({ site, column })
  }

  const batch = randomUUID()
  const prepared: PreparedPush = {
    article,
    batch,
    columns: new Map(
      planned.map(({ column }) => [String(column.id), { id: column.id, site: column.site, ownerOrganization: column.ownerOrganization, path: column.path }]),
    ),
  }
  const started = performance.now()
  const out: PushResult['placed'] = []
  const placed = await inTransaction(req, async () => {
    req.context[PUSH_CONTEXT] = prepared
    try {
      for (const { site, column } of planned) {
        const doc = await req.payload.create({
          collection: PLACEMENTS,
          data: { kind: 'push', article: schemaId(article.id), targetColumn: schemaId(column.id), batch },
          req,
          overrideAccess: true,
          depth: 0,
        })
        out.push({ placement: doc.id, site: site.id, siteCode: site.code, column: column.id, columnPath: column.path })
      }
      return out
    } finally {
      delete req.context[PUSH_CONTEXT]
    }
  }).catch(async (error) => {
    await undoCreated(
      req,
      out.map((p) => p.placement),
    )
    throw error
  })
  return { batch, category, placed, refused, storeMs: Math.round(performance.now() - started) }
}

/** Recalls a push everywhere (central admins only): its placements are deleted, so every receiving list drops the item. */
export async function recallPush(req: PayloadRequest, batch: unknown): Promise<{ batch: string; removed: number }> {
  if (req.user && !isCentralAdmin(req.user)) refuse(req, 'pushForbidden', {}, 403)
  const id = String(batch ?? '')
  const where: Where = { and: [{ batch: { equals: id } }, { kind: { equals: 'push' } }] }
  const { totalDocs } = await req.payload.count({ collection: PLACEMENTS, where, req, overrideAccess: true })
  if (!id || !totalDocs) refuse(req, 'pushBatchNotFound', { batch: id.slice(0, 64) }, 404)
  return inTransaction(req, async () => {
    const result = (await req.payload.delete({ collection: PLACEMENTS, where, req, overrideAccess: true, depth: 0 })) as unknown as {
      docs: unknown[]
      errors: Array<{ message: string }>
    }
    if (result.errors.length) throw new Error(`recall ${id}: ${result.errors.map((e) => e.message).join('; ')}`)
    return { batch: id, removed: result.docs.length }
  })
}

async function targetSites(req: PayloadRequest, target: PushTarget): Promise<{ sites: SiteRow[]; refused: PushResult['refused'] }> {
  const kinds = Array.isArray(target.kinds) ? target.kinds.map(String) : []
  const listed = Array.isArray(target.sites) ? target.sites : []
  if (target.all !== true && !kinds.length && !listed.length) refuse(req, 'pushNoTargets')
  const found = await req.payload.find({
    collection: 'sites',
    where: { status: { equals: 'active' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { code: true, name: true, organization: true },
  })
  const active = (found.docs as unknown as Array<Record<string, unknown>>).map<SiteRow>((s) => ({
    id: s.id as Id,
    code: String(s.code ?? ''),
    name: String(s.name ?? ''),
    organization: relationId(s.organization),
  }))
  const refused: PushResult['refused'] = []
  const chosen = new Map<string, SiteRow>()
  if (target.all === true) for (const site of active) chosen.set(String(site.id), site)
  if (kinds.length) {
    const orgs = await req.payload.find({
      collection: 'organizations',
      where: { kind: { in: kinds } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { kind: true },
    })
    const ids = new Set(orgs.docs.map((o) => String(o.id)))
    for (const site of active) if (site.organization !== null && ids.has(String(site.organization))) chosen.set(String(site.id), site)
  }
  for (const wanted of listed) {
    const site = active.find((s) => String(s.id) === String(wanted) || s.code === String(wanted))
    if (site) chosen.set(String(site.id), site)
    else refused.push({ site: String(wanted).slice(0, 64), message: translate(req, 'pushUnknownSite', { site: String(wanted).slice(0, 64) }) })
  }
  return { sites: [...chosen.values()], refused }
}

/** Same walk as the public sites' firstColumnOfCategory: a site's top level in order first, then each subtree in order. */
function firstColumnOfCategoryPerSite(columns: ColumnRow[], category: string): Map<string, ColumnRow> {
  const children = new Map<string, ColumnRow[]>()
  const key = (column: ColumnRow) => (column.parent === null ? `site:${column.site}` : `col:${column.parent}`)
  for (const column of columns) (children.get(key(column)) ?? children.set(key(column), []).get(key(column))!).push(column)
  const byOrder = (a: ColumnRow, b: ColumnRow) => a.order - b.order || String(a.id).localeCompare(String(b.id))
  for (const list of children.values()) list.sort(byOrder)
  const walk = (list: ColumnRow[]): ColumnRow | undefined => {
    const here = list.find((c) => c.category === category)
    if (here) return here
    for (const column of list) {
      const found = walk(children.get(`col:${column.id}`) ?? [])
      if (found) return found
    }
    return undefined
  }
  const result = new Map<string, ColumnRow>()
  for (const site of new Set(columns.map((c) => String(c.site)))) {
    const found = walk(children.get(`site:${site}`) ?? [])
    if (found) result.set(site, found)
  }
  return result
}

type Option = { value: string; label?: unknown }
function categoryOptions(req: PayloadRequest): Option[] {
  const fields = (req.payload.collections.columns?.config.fields ?? []) as Array<{ name?: string; options?: Option[] }>
  return fields.find((f) => f.name === 'category')?.options ?? []
}
const columnCategories = (req: PayloadRequest) => categoryOptions(req).map((o) => o.value)
function categoryLabel(req: PayloadRequest, category: string): string {
  const label = categoryOptions(req).find((o) => o.value === category)?.label
  if (label && typeof label === 'object')
    return String((label as Record<string, string>)[req.i18n?.language ?? 'zh'] ?? (label as Record<string, string>).zh ?? category)
  return typeof label === 'string' ? label : category
}
