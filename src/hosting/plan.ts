/**
 * The dry run of a mode switch: which columns move where, what content goes with them, every old
 * URL and its new one, the redirects to write, and every reason to refuse. Reads only.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { relationId, sameId } from '../access'
import { isPathSegment, isSiteCode, siteUrl } from '../sites'
import config from './config.json' with { type: 'json' }
import { refusal, type Refusal } from './messages'
import { finalRedirectLoops, mapIntoArea } from './redirect-graph'
import {
  NEW_SITE,
  type ColumnMove,
  type HostingMode,
  type Id,
  type ModeSwitchPlan,
  type PlannedRedirect,
  type RedirectChange,
  type SiteSummary,
  type SwitchOptions,
} from './types'

type Doc = Record<string, any>
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/

interface World {
  organization: Doc
  sites: Doc[]
  group: Doc
  redirects: Doc[]
}

const siteSummary = (site: Doc): SiteSummary => ({ id: site.id, code: String(site.code), name: String(site.name), domains: domainsOf(site) })
const domainsOf = (site: Doc): string[] => ((site.domains ?? []) as Array<{ domain?: string }>).map((d) => String(d.domain ?? '').toLowerCase()).filter(Boolean)
const findAll = async (payload: Payload, req: PayloadRequest | undefined, collection: string, where: Where, select?: Record<string, true>) =>
  (
    await payload.find({
      collection: collection as 'columns',
      where,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      ...(select ? { select } : {}),
    })
  ).docs as unknown as Doc[]

/** A public address on a site: its first domain, else its shared local address. */
export function publicUrl(site: SiteSummary, path: string, scheme = 'https'): string {
  return siteUrl(site, path, { scheme })
}

/** `within`: a switch re-planning inside its own transaction (its reads go through `req`; its own record is not "another switch"). */
export async function planModeSwitch(payload: Payload, options: SwitchOptions, within: { req?: PayloadRequest; switchId?: Id } = {}): Promise<ModeSwitchPlan> {
  const { req } = within
  const organization = (await payload
    .findByID({ collection: 'organizations', id: options.organization, depth: 0, overrideAccess: true, req })
    .catch(() => null)) as Doc | null
  const plan: ModeSwitchPlan = {
    options,
    ok: false,
    refusals: [],
    organization: { id: options.organization, name: String(organization?.name ?? ''), code: String(organization?.code ?? '') },
    from: (organization?.hostingMode as HostingMode) ?? 'own-site',
    to: options.to,
    columns: [],
    counts: { columns: 0, articles: 0, versions: 0, media: 0, letters: 0, serviceGuides: 0 },
    urls: [],
    articleUrls: { total: 0, sample: [] },
    redirects: [],
    redirectChanges: [],
    plannedAt: new Date().toISOString(),
  }
  const refuse = (r: Refusal) => (plan.refusals.push(r), plan)
  if (!organization) return refuse(refusal('organizationNotFound', { id: options.organization }))
  if (options.to !== 'own-site' && options.to !== 'portal-columns') return refuse(refusal('invalidTarget', { to: options.to }))
  if (plan.from === options.to) return refuse(refusal('alreadyInMode', { organization: organization.name, mode: options.to }))
  const running = await payload.find({
    collection: 'mode-switches',
    where: {
      and: [
        { organization: { equals: organization.id } },
        { state: { equals: 'running' } },
        { startedAt: { greater_than: new Date(Date.now() - config.runningStaleMinutes * 60_000).toISOString() } },
        ...(within.switchId !== undefined ? [{ id: { not_equals: within.switchId } }] : []),
      ],
    } as Where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (running.docs.length) return refuse(refusal('switchInProgress', { organization: organization.name }))

  const world: World = {
    organization,
    sites: await findAll(payload, req, 'sites', {}),
    group: ((await payload.findGlobal({ slug: 'group-settings', depth: 0, overrideAccess: true, req }).catch(() => ({}))) ?? {}) as Doc,
    redirects: await findAll(payload, req, 'redirects', {}),
  }
  if (options.to === 'portal-columns') await planIntoColumns(payload, req, world, plan)
  else await planOutToOwnSite(payload, req, world, plan)
  if (plan.refusals.length) return plan

  await countContent(payload, req, plan)
  checkRedirects(world, plan)
  plan.ok = plan.refusals.length === 0
  return plan
}

/** own-site → portal-columns: the whole own site moves under a new landing column on the host. */
async function planIntoColumns(payload: Payload, req: PayloadRequest | undefined, world: World, plan: ModeSwitchPlan) {
  const { organization, sites, group } = world
  const ownSite = sites.find((s) => sameId(s.organization, organization.id) && s.status === 'active')
  if (!ownSite) return void plan.refusals.push(refusal('noOwnSite', { organization: organization.name }))
  const hostId = plan.options.hostSite ?? relationId(group.portalSite)
  if (hostId === null || hostId === undefined) return void plan.refusals.push(refusal('noHostSite'))
  const host = sites.find((s) => String(s.id) === String(hostId))
  if (!host || host.status !== 'active') return void plan.refusals.push(refusal('hostSiteNotActive', { site: host?.name ?? hostId }))
  if (String(host.id) === String(ownSite.id)) return void plan.refusals.push(refusal('hostIsOwnSite'))

  const own = await findAll(
    payload,
    req,
    'columns',
    { site: { equals: ownSite.id } },
    { name: true, slug: true, path: true, parent: true, ownerOrganization: true, category: true },
  )
  const foreign = own.filter((c) => !sameId(c.ownerOrganization, organization.id))
  if (foreign.length)
    return void plan.refusals.push(
      refusal('hostsOtherUnits', {
        site: ownSite.name,
        columns: foreign
          .slice(0, 5)
          .map((c) => c.path)
          .join(', '),
      }),
    )

  const hostColumns = await findAll(
    payload,
    req,
    'columns',
    { site: { equals: host.id } },
    { name: true, slug: true, path: true, parent: true, ownerOrganization: true },
  )
  let parent: Doc | null = null
  if (plan.options.parentColumn !== undefined && plan.options.parentColumn !== null) {
    parent = hostColumns.find((c) => String(c.id) === String(plan.options.parentColumn)) ?? null
    if (!parent) return void plan.refusals.push(refusal('parentColumnNotOnHost', { id: plan.options.parentColumn }))
  } else if (plan.options.parentColumn === undefined) parent = unitSectionParent(hostColumns, host)
  const slug = plan.options.slug ?? String(ownSite.code)
  if (!isPathSegment(slug)) return void plan.refusals.push(refusal('invalidSlug', { slug }))
  const landingPath = parent ? `${parent.path}/${slug}` : slug
  const clash = hostColumns.find((c) => c.path === landingPath)
  if (clash) return void plan.refusals.push(refusal('slugCollides', { path: landingPath, column: clash.name }))

  const target = siteSummary(host)
  plan.source = { site: siteSummary(ownSite), root: '' }
  plan.target = { site: target, root: landingPath }
  plan.landing = { name: String(organization.shortName || organization.name), slug, path: landingPath, parentId: parent?.id ?? null }
  plan.columns = treeOrder(own).map<ColumnMove>((c) => ({
    id: c.id,
    name: c.name,
    fromPath: c.path,
    toPath: `${landingPath}/${c.path}`,
    toParent: relationId(c.parent) ?? 'landing',
  }))
  describeUrls(plan, own)

  const source = plan.source.site
  const landing = `/${landingPath}/`
  const add = (fromPath: string, match: PlannedRedirect['match'], toPath: string, reason: string) =>
    plan.redirects.push({ siteId: source.id, fromPath, match, toSiteId: target.id, toPath, reason })
  add('/', 'prefix', landing, 'site moved into portal columns')
  const catalogue = own.find((c) => c.category === 'disclosure')
  const guides = own.find((c) => c.category === 'services')
  if (catalogue) add('/gkml/', 'exact', `${landing}${catalogue.path}/`, 'disclosure catalogue')
  if (guides) add('/bsfw/', 'exact', `${landing}${guides.path}/`, 'service guides')
  for (const path of config.pathsToLanding) add(path, 'exact', landing, 'site pages')
  for (const path of config.pathsToHostSite) add(path, 'exact', path, 'site files')
  for (const path of config.interactionPaths) add(path, 'prefix', path, 'interaction pages')
  plan.urls.push(
    ...(catalogue ? [{ kind: 'catalogue' as const, from: publicUrl(source, '/gkml/'), to: publicUrl(target, `${landing}${catalogue.path}/`) }] : []),
    ...(guides ? [{ kind: 'guides' as const, from: publicUrl(source, '/bsfw/'), to: publicUrl(target, `${landing}${guides.path}/`) }] : []),
    { kind: 'interaction', from: publicUrl(source, '/letters/'), to: publicUrl(target, '/letters/') },
  )
  composeExisting(world, plan, { siteId: source.id, root: '' }, { siteId: target.id, root: landingPath })
}

/** portal-columns → own-site: the unit's subtree leaves the host for a new (or its archived) site. */
async function planOutToOwnSite(payload: Payload, req: PayloadRequest | undefined, world: World, plan: ModeSwitchPlan) {
  const { organization, sites, group } = world
  const hostId = relationId(organization.hostSite) ?? relationId(group.portalSite)
  const host = sites.find((s) => String(s.id) === String(hostId))
  if (!host) return void plan.refusals.push(refusal('noHostSite'))
  const hostColumns = await findAll(
    payload,
    req,
    'columns',
    { site: { equals: host.id } },
    { name: true, slug: true, path: true, parent: true, ownerOrganization: true, category: true },
  )
  const byId = new Map(hostColumns.map((c) => [String(c.id), c]))
  const owned = (c: Doc | undefined) => Boolean(c && sameId(c.ownerOrganization, organization.id))
  const tops = treeOrder(hostColumns).filter((c) => owned(c) && !owned(byId.get(String(relationId(c.parent)))))
  if (!tops.length) return void plan.refusals.push(refusal('noSubtree', { organization: organization.name }))
  const landing = tops[0]
  const landingArticles = (await payload.count({ collection: 'articles', where: { column: { equals: landing.id } }, overrideAccess: true, req })).totalDocs
  if (landingArticles) return void plan.refusals.push(refusal('landingHasContent', { column: landing.name, count: landingArticles }))
  const subtree = hostColumns.filter((c) => String(c.path).startsWith(`${landing.path}/`) && owned(c))

  const archived = sites.find((s) => sameId(s.organization, organization.id) && s.status !== 'active')
  const wanted = plan.options.site ?? {}
  const reactivate = archived && (wanted.code === undefined || wanted.code === archived.code) ? archived : undefined
  const code = wanted.code ?? String(reactivate?.code ?? landing.slug)
  const baseDomain = String(group.baseDomain ?? '')
  const domains = (wanted.domains ?? (reactivate ? domainsOf(reactivate) : baseDomain ? [`${code}.${baseDomain}`] : [])).map((d) => d.trim().toLowerCase())
  const identificationCode =
    wanted.identificationCode ?? String(reactivate?.identificationCode ?? nextIdentificationCode(sites, String(host.identificationCode ?? '')))
  const others = sites.filter((s) => !reactivate || String(s.id) !== String(reactivate.id))
  if (!isSiteCode(code)) plan.refusals.push(refusal('invalidSiteCode', { code }))
  const codeOwner = others.find((s) => s.code === code)
  if (codeOwner) plan.refusals.push(refusal('siteCodeTaken', { code, site: codeOwner.name }))
  for (const domain of domains) {
    if (!DOMAIN.test(domain)) plan.refusals.push(refusal('invalidDomain', { domain }))
    const domainOwner = others.find((s) => domainsOf(s).includes(domain))
    if (domainOwner) plan.refusals.push(refusal('domainTaken', { domain, site: domainOwner.name }))
  }
  if (!/^\d{10}$/.test(identificationCode)) plan.refusals.push(refusal('invalidIdentificationCode', { code: identificationCode }))
  const idOwner = others.find((s) => s.identificationCode === identificationCode)
  if (idOwner) plan.refusals.push(refusal('identificationCodeTaken', { code: identificationCode, site: idOwner.name }))
  if (plan.refusals.length) return

  const footer = { ...(host.settings?.footer ?? {}), ...(reactivate?.settings?.footer ?? {}), sponsor: String(organization.name) }
  for (const key of Object.keys(footer)) if (footer[key] === null || footer[key] === undefined) delete footer[key]
  plan.newSite = {
    ...(reactivate ? { reactivate: reactivate.id } : {}),
    code,
    name: wanted.name ?? String(reactivate?.name ?? organization.name),
    domains,
    theme: wanted.theme ?? String(reactivate?.theme ?? config.defaultTheme),
    identificationCode,
    footer,
  }
  const target: SiteSummary = { id: reactivate?.id ?? NEW_SITE, code, name: plan.newSite.name, domains }
  plan.source = { site: siteSummary(host), root: String(landing.path) }
  plan.target = { site: target, root: '' }
  plan.landing = { id: landing.id, name: landing.name, slug: landing.slug, path: landing.path, parentId: relationId(landing.parent) }
  const cut = String(landing.path).length + 1
  plan.columns = treeOrder(subtree).map<ColumnMove>((c) => ({
    id: c.id,
    name: c.name,
    fromPath: c.path,
    toPath: String(c.path).slice(cut),
    toParent: String(relationId(c.parent)) === String(landing.id) ? null : relationId(c.parent),
  }))
  describeUrls(plan, subtree)
  plan.redirects.push({
    siteId: host.id,
    fromPath: `/${landing.path}/`,
    match: 'prefix',
    toSiteId: target.id,
    toPath: '/',
    reason: 'portal columns moved to an own site',
  })
  composeExisting(world, plan, { siteId: host.id, root: String(landing.path) }, { siteId: target.id, root: '' })
}

/** Where other units' landing columns already are on the host (the department section), else null (top level). */
function unitSectionParent(hostColumns: Doc[], host: Doc): Doc | null {
  const byId = new Map(hostColumns.map((c) => [String(c.id), c]))
  const counts = new Map<string, number>()
  for (const c of hostColumns) {
    const parent = byId.get(String(relationId(c.parent)))
    if (parent && !sameId(c.ownerOrganization, host.organization) && sameId(parent.ownerOrganization, host.organization))
      counts.set(String(parent.id), (counts.get(String(parent.id)) ?? 0) + 1)
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]
  return best ? byId.get(best[0])! : null
}

/** Parents before children, so a move can set each parent before its children. */
function treeOrder(columns: Doc[]): Doc[] {
  return [...columns].sort((a, b) => String(a.path).split('/').length - String(b.path).split('/').length || String(a.path).localeCompare(String(b.path)))
}

function describeUrls(plan: ModeSwitchPlan, columns: Doc[]) {
  const { source, target } = plan
  if (!source || !target) return
  const at = (root: string, path: string) => (root ? `/${root}/${path}` : `/${path}`)
  plan.urls.push({
    kind: 'home',
    from: publicUrl(source.site, source.root ? `/${source.root}/` : '/'),
    to: publicUrl(target.site, target.root ? `/${target.root}/` : '/'),
  })
  for (const move of plan.columns) {
    plan.urls.push({ kind: 'column', from: publicUrl(source.site, `/${move.fromPath}/`), to: publicUrl(target.site, `${at(target.root, move.toPath)}/`) })
    plan.urls.push({
      kind: 'rss',
      from: publicUrl(source.site, `/${move.fromPath}/rss.xml`),
      to: publicUrl(target.site, `${at(target.root, move.toPath)}/rss.xml`),
    })
  }
  plan.counts.columns = columns.length
}

/** Content that moves with the columns; none of it is rewritten except its derived site. */
async function countContent(payload: Payload, req: PayloadRequest | undefined, plan: ModeSwitchPlan) {
  const ids = plan.columns.map((c) => c.id)
  const inColumns: Where = { column: { in: ids } }
  const org = plan.organization.id
  const [articles, media, letters, guides] = await Promise.all([
    payload.count({ collection: 'articles', where: inColumns, overrideAccess: true, req }),
    payload.count({ collection: 'media', where: mediaWhere(plan), overrideAccess: true, req }),
    payload.collections['letters'] ? payload.count({ collection: 'letters', where: lettersWhere(plan), overrideAccess: true, req }) : { totalDocs: 0 },
    payload.collections['service-guides']
      ? payload.count({ collection: 'service-guides', where: { organization: { equals: org } }, overrideAccess: true, req })
      : { totalDocs: 0 },
  ])
  const versions = await payload
    .countVersions({
      collection: 'articles',
      where: { parent: { in: ids.length ? await articleIds(payload, req, ids) : [] } } as Where,
      overrideAccess: true,
      req,
    })
    .catch(() => ({ totalDocs: 0 }))
  plan.counts = {
    ...plan.counts,
    articles: articles.totalDocs,
    versions: versions.totalDocs,
    media: media.totalDocs,
    letters: letters.totalDocs,
    serviceGuides: guides.totalDocs,
  }
  plan.articleUrls.total = articles.totalDocs
  const sample = await payload.find({
    collection: 'articles',
    where: inColumns,
    limit: config.articleUrlSample,
    depth: 0,
    sort: '-publishedAt',
    overrideAccess: true,
    req,
    select: { column: true },
  })
  const moveOf = new Map(plan.columns.map((c) => [String(c.id), c]))
  for (const doc of sample.docs) {
    const move = moveOf.get(String(relationId(doc.column)))
    if (!move || !plan.source || !plan.target) continue
    const to = plan.target.root ? `/${plan.target.root}/${move.toPath}` : `/${move.toPath}`
    plan.articleUrls.sample.push({
      kind: 'article',
      from: publicUrl(plan.source.site, `/${move.fromPath}/${doc.id}.html`),
      to: publicUrl(plan.target.site, `${to}/${doc.id}.html`),
    })
  }
}

async function articleIds(payload: Payload, req: PayloadRequest | undefined, columnIds: Id[]): Promise<Id[]> {
  const docs = await findAll(payload, req, 'articles', { column: { in: columnIds } }, { id: true })
  return docs.map((d) => d.id)
}

/** The unit's media on the site its pages leave. */
export function mediaWhere(plan: ModeSwitchPlan): Where {
  return { and: [{ organization: { equals: plan.organization.id } }, { site: { equals: plan.source?.site.id ?? -1 } }] }
}

/**
 * Letters shown on the site the pages leave: all letters of an own site; on a host site, those
 * written to the unit through its columns (not the host's mayor's mailbox).
 */
export function lettersWhere(plan: ModeSwitchPlan): Where {
  const site = { site: { equals: plan.source?.site.id ?? -1 } }
  if (plan.to === 'portal-columns') return site
  return { and: [site, { assignedOrganization: { equals: plan.organization.id } }, { route: { not_equals: 'mailbox' } }] }
}

/** Existing redirects into the area that moves follow it; redirects out of the area that comes alive go. */
function composeExisting(world: World, plan: ModeSwitchPlan, source: { siteId: Id; root: string }, target: { siteId: Id; root: string }) {
  const changes: RedirectChange[] = []
  for (const r of world.redirects) {
    const siteId = relationId(r.site)!
    const toSiteId = relationId(r.toSite)!
    if (String(siteId) === String(target.siteId) && mapIntoArea(target.root, String(r.fromPath)) !== null) {
      changes.push({ id: r.id, siteId, fromPath: r.fromPath, action: 'delete' })
      continue
    }
    if (String(toSiteId) !== String(source.siteId)) continue
    const within = mapIntoArea(source.root, String(r.toPath))
    if (within === null || config.interactionPaths.some((p) => String(r.toPath).startsWith(p))) continue
    const toPath = target.root ? `/${target.root}${within}` : within
    const identity = String(siteId) === String(target.siteId) && toPath === r.fromPath
    changes.push(
      identity
        ? { id: r.id, siteId, fromPath: r.fromPath, action: 'delete' }
        : { id: r.id, siteId, fromPath: r.fromPath, action: 'retarget', toSiteId: target.siteId, toPath },
    )
  }
  // A reactivated site is live again: nothing of it redirects any more.
  if (plan.newSite?.reactivate !== undefined) {
    const planned = plan.redirects.filter((r) => String(r.siteId) !== String(plan.newSite!.reactivate))
    plan.redirects.splice(0, plan.redirects.length, ...planned)
  }
  plan.redirectChanges = changes
}

function checkRedirects(world: World, plan: ModeSwitchPlan) {
  for (const loop of finalRedirectLoops(world.redirects, plan)) plan.refusals.push(refusal('redirectLoop', { chain: loop }))
}

/** The next free 网站标识码 in the host's region (its first 6 digits), for a site the unit had never had. */
function nextIdentificationCode(sites: Doc[], hostCode: string): string {
  const region = /^\d{10}$/.test(hostCode) ? hostCode.slice(0, 6) : '000000'
  const used = new Set(sites.map((s) => String(s.identificationCode)))
  for (let serial = 1; serial < 10_000; serial++) {
    const code = `${region}${String(serial).padStart(4, '0')}`
    if (!used.has(code)) return code
  }
  return `${region}0000`
}
