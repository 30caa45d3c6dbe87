import type { Payload, SelectType, Where } from 'payload'
import { sitePaths, siteUrl, sitesConfig } from '../../sites'
import { submissionCounts } from '../../sharing'
import { DAY_MS } from '../time'
import {
  SERVICE_GUIDE_ELEMENTS,
  type ColumnFacts,
  type ErrorReportFacts,
  type Id,
  type LetterFacts,
  type OrganizationInput,
  type ProbeSample,
  type PublicRatingFacts,
  type ServiceGuideFacts,
  type SiteFacts,
} from '../types'
import { columnAggregates, lettersViaSql, probesViaSql, sqlTablesAvailable, type AggregateMode, type ColumnAggregate } from './column-aggregates'
import gatherConfig from './config.json' with { type: 'json' }
import { themeFeatures } from './page-features'
import { groupBy, hasCollection, idOf, readAll } from './read'
import { loadStructure, ownSite, type GroupStructure } from './structure'

export type GatherConfig = typeof gatherConfig
export { gatherConfig }

export interface GatherOptions {
  asOf: Date
  /** Limit the run to these organizations (default: all). */
  organizationIds?: Id[]
  aggregates?: AggregateMode
  onProgress?: (step: string, done: number, total: number) => void | Promise<void>
  config?: GatherConfig
}

export interface GatheredGroup {
  inputs: OrganizationInput[]
  structure: GroupStructure
  /** Which optional data sources existed (the rest score not applicable). */
  sources: Record<'letters' | 'errorReports' | 'serviceGuides' | 'ratings' | 'probes' | 'submissions', boolean>
}

/**
 * Builds the scorecard's inputs from the database: per organization, over the columns it owns
 * (portal-columns units are scored exactly like own-site units), with per-column aggregates
 * instead of articles, and the optional sources (letters, guides, ratings, error reports, probes)
 * only when their collections exist.
 */
export async function gatherInputs(payload: Payload, options: GatherOptions): Promise<GatheredGroup> {
  const config = options.config ?? gatherConfig
  const { asOf } = options
  const progress = options.onProgress ?? (() => {})
  const structure = await loadStructure(payload, config.pageSize)
  const wanted = options.organizationIds ? new Set(options.organizationIds.map(String)) : null
  for (const id of wanted ?? []) if (!structure.organizations.has(id)) throw new Error(`gather: no organization ${id}`)
  const organizations = [...structure.organizations.values()].filter((o) => !wanted || wanted.has(String(o.id)))
  await progress('structure', 1, 1)

  const aggregates = await columnAggregates(payload, [...structure.columns.keys()], asOf, {
    mode: options.aggregates,
    onProgress: (done, total) => progress('columns', done, total),
  })
  const subtree = subtreeAggregates(structure, aggregates)
  await progress('columns', 1, 1)

  const sources = {
    letters: hasCollection(payload, 'letters'),
    errorReports: hasCollection(payload, 'error-reports'),
    serviceGuides: hasCollection(payload, 'service-guides'),
    ratings: hasCollection(payload, 'ratings'),
    probes: hasCollection(payload, 'probe-samples'),
    submissions: hasCollection(payload, 'placements'),
  }
  const orgFilter = (field: string): Where | undefined => (wanted ? { [field]: { in: [...wanted] } } : undefined)
  const both = (...clauses: Array<Where | undefined>): Where => ({ and: clauses.filter(Boolean) as Where[] })

  const useSql = (table: string) => options.aggregates !== 'local-api' && sqlTablesAvailable(payload, table)
  const letters = sources.letters
    ? await gatherLetters(payload, asOf, config, orgFilter('assignedOrganization'), both, useSql('letters') ? (wanted ?? 'all') : null)
    : null
  await progress('letters', 1, 1)
  const errorReports = sources.errorReports ? await gatherErrorReports(payload, asOf, config, orgFilter('organization'), both) : null
  const guides = sources.serviceGuides ? await gatherGuides(payload, config, orgFilter('organization'), both) : null
  const ratings = sources.ratings ? await gatherRatings(payload, asOf, config, orgFilter('organization'), both) : null
  const probes = sources.probes ? await gatherProbes(payload, asOf, config, useSql('probe_samples')) : null
  // 采用数: submissions made in the window, counted by src/sharing.
  const submissions = sources.submissions
    ? new Map(
        (
          await submissionCounts(payload, {
            from: new Date(asOf.getTime() - config.submissionLookbackDays * DAY_MS),
            to: asOf,
            organizationIds: wanted ? [...wanted] : undefined,
          })
        ).map((c) => [String(c.organization), c]),
      )
    : null
  await progress('sources', 1, 1)

  const homeCategories = new Set<string>(sitesConfig().homeCategories)
  const columnsByOwner = groupBy(structure.columns.values(), (column) => column.owner)
  const inputs = organizations.map((org): OrganizationInput => {
    const orgKey = String(org.id)
    const owned = columnsByOwner.get(orgKey) ?? []
    const site = org.hostingMode === 'portal-columns' ? undefined : ownSite(structure, orgKey)
    const ownedIds = new Set(owned.map((column) => String(column.id)))
    const columns: ColumnFacts[] = owned.map((column) => {
      const facts = subtree.get(String(column.id))!
      // Own site: the columns the home page lists. Portal-columns unit: its section's landing
      // pages, i.e. its top columns (their subtree aggregates cover everything below).
      const onHomepage = site ? column.site === String(site.id) && homeCategories.has(column.category) : !column.parent || !ownedIds.has(column.parent)
      return {
        id: column.id,
        name: column.name,
        category: column.category,
        siteId: column.site ?? undefined,
        path: column.path ?? undefined,
        ...facts,
        onHomepage,
      }
    })
    const input: OrganizationInput = { organization: { id: org.id, name: org.name, kind: org.kind, hostingMode: org.hostingMode }, columns }
    if (site) input.site = siteFacts(site, probes?.get(String(site.id)))
    if (site && probes) input.probes = probes.get(String(site.id)) ?? []
    if (letters) {
      input.letters = letters.get(orgKey) ?? []
      const channelSites = new Set([site?.id, org.hostSite].filter(Boolean).map(String))
      const channel =
        owned.find((c) => c.category === 'interaction') ??
        [...structure.columns.values()].find((c) => c.category === 'interaction' && c.site !== null && channelSites.has(c.site))
      input.interactionChannel = channel ? { available: true, target: { collection: 'columns', id: channel.id } } : { available: false }
    }
    if (errorReports) input.errorReports = errorReports.get(orgKey) ?? []
    if (guides) input.serviceGuides = guides.get(orgKey) ?? []
    if (ratings) input.publicRatings = ratings.get(orgKey) ?? []
    if (submissions) {
      const counted = submissions.get(orgKey)
      input.submissions = { submitted: counted?.submitted ?? 0, accepted: counted?.accepted ?? 0, rejected: counted?.rejected ?? 0 }
    }
    return input
  })
  return { inputs, structure, sources }
}

/** A parent column stands for its whole subtree: its count and newest date include its children's. */
function subtreeAggregates(structure: GroupStructure, own: Map<string, ColumnAggregate>): Map<string, ColumnAggregate> {
  const done = new Map<string, ColumnAggregate>()
  const visit = (id: string, trail: Set<string>): ColumnAggregate => {
    const known = done.get(id)
    if (known) return known
    const total = { ...(own.get(id) ?? { itemCount: 0, latestPublishedAt: null, undatedCount: 0 }) }
    if (!trail.has(id)) {
      trail.add(id)
      for (const child of structure.children.get(id) ?? []) {
        const sub = visit(child, trail)
        total.itemCount += sub.itemCount
        total.undatedCount += sub.undatedCount
        if (sub.latestPublishedAt && (!total.latestPublishedAt || sub.latestPublishedAt > total.latestPublishedAt))
          total.latestPublishedAt = sub.latestPublishedAt
      }
    }
    done.set(id, total)
    return total
  }
  for (const id of structure.columns.keys()) visit(id, new Set())
  return done
}

function siteFacts(site: GroupStructure['sites'] extends Map<string, infer S> ? S : never, samples: ProbeSample[] | undefined): SiteFacts {
  // The newest probe that read the page knows what it shows; before any, the theme's templates.
  const inspected = [...(samples ?? [])].reverse().find((s) => s.features)
  const features = inspected?.features ?? themeFeatures(site.theme)
  return {
    id: site.id,
    name: site.name,
    homeUrl: siteUrl(site, sitePaths.home),
    identificationCode: site.identificationCode,
    icp: site.icp,
    publicSecurity: site.publicSecurity,
    hasSearchBox: features.searchBox === true,
    hasErrorReportEntry: features.errorReportEntry === true,
  }
}

type Both = (...clauses: Array<Where | undefined>) => Where
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

async function gatherLetters(payload: Payload, asOf: Date, config: GatherConfig, scope: Where | undefined, both: Both, sqlScope: Set<string> | 'all' | null) {
  const from = new Date(asOf.getTime() - config.letterLookbackDays * DAY_MS).toISOString()
  if (sqlScope) {
    const rows = await lettersViaSql(payload, from, asOf.toISOString())
    return lettersByOrganization([
      rows.filter((r) => sqlScope === 'all' || sqlScope.has(String(r.organization))).map((r) => ({ ...r, assignedOrganization: r.organization })),
    ])
  }
  // Old letters still unanswered matter whatever their age; answered ones only within the window.
  const where = both(
    scope,
    { receivedAt: { less_than_equal: asOf.toISOString() } },
    { or: [{ receivedAt: { greater_than_equal: from } }, { repliedAt: { exists: false } }] },
  )
  return lettersByOrganization(
    readAll<any>(
      payload,
      'letters',
      where,
      { assignedOrganization: true, publicSubject: true, receivedAt: true, repliedAt: true, status: true },
      config.pageSize,
    ),
  )
}

async function lettersByOrganization(pages: AsyncIterable<any[]> | Iterable<any[]>) {
  const byOrg = new Map<string, LetterFacts[]>()
  for await (const page of pages) {
    for (const letter of page) {
      const org = idOf(letter.assignedOrganization)
      if (!org) continue // not dispatched yet: the central office's, not a unit's
      const list = byOrg.get(org) ?? byOrg.set(org, []).get(org)!
      list.push({
        id: letter.id,
        title: letter.publicSubject ?? undefined,
        receivedAt: iso(letter.receivedAt)!,
        repliedAt: iso(letter.repliedAt),
        valid: letter.status !== 'rejected',
      })
    }
  }
  return byOrg
}

async function gatherErrorReports(payload: Payload, asOf: Date, config: GatherConfig, scope: Where | undefined, both: Both) {
  const from = new Date(asOf.getTime() - config.errorReportLookbackDays * DAY_MS).toISOString()
  const where = both(
    scope,
    { receivedAt: { less_than_equal: asOf.toISOString() } },
    { or: [{ receivedAt: { greater_than_equal: from } }, { resolvedAt: { exists: false } }] },
  )
  const byOrg = new Map<string, ErrorReportFacts[]>()
  for await (const page of readAll<any>(
    payload,
    'error-reports',
    where,
    { organization: true, receivedAt: true, resolvedAt: true, status: true },
    config.pageSize,
  )) {
    for (const report of page) {
      const org = idOf(report.organization)
      if (!org) continue
      const list = byOrg.get(org) ?? byOrg.set(org, []).get(org)!
      list.push({ id: report.id, reportedAt: iso(report.receivedAt)!, resolvedAt: iso(report.resolvedAt), valid: report.status !== 'rejected' })
    }
  }
  return byOrg
}

async function gatherGuides(payload: Payload, config: GatherConfig, scope: Where | undefined, both: Both) {
  const fields: SelectType = {
    title: true,
    organization: true,
    legalBasis: true,
    conditions: true,
    materials: true,
    place: true,
    hours: true,
    phone: true,
    process: true,
    onlineUrl: true,
  }
  const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0
  const byOrg = new Map<string, ServiceGuideFacts[]>()
  for await (const page of readAll<any>(payload, 'service-guides', both(scope, { _status: { equals: 'published' } }), fields, config.pageSize)) {
    for (const guide of page) {
      const org = idOf(guide.organization)
      if (!org) continue
      const elements = Object.fromEntries(SERVICE_GUIDE_ELEMENTS.map((element) => [element, filled(element === 'itemName' ? guide.title : guide[element])]))
      const list = byOrg.get(org) ?? byOrg.set(org, []).get(org)!
      list.push({ id: guide.id, title: guide.title, elements, onlineAvailable: filled(guide.onlineUrl) })
    }
  }
  return byOrg
}

async function gatherRatings(payload: Payload, asOf: Date, config: GatherConfig, scope: Where | undefined, both: Both) {
  const start = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - config.ratingLookbackMonths + 1, 1))
  const fromPeriod = start.toISOString().slice(0, 7)
  const sums = new Map<string, Map<string, { sum: number; votes: number }>>()
  for await (const page of readAll<any>(
    payload,
    'ratings',
    both(scope, { period: { greater_than_equal: fromPeriod } }),
    { organization: true, scores: true },
    config.pageSize,
  )) {
    for (const rating of page) {
      const org = idOf(rating.organization)
      if (!org) continue
      const perIndicator = sums.get(org) ?? sums.set(org, new Map()).get(org)!
      for (const [indicator, value] of Object.entries(rating.scores ?? {})) {
        if (typeof value !== 'number') continue
        const entry = perIndicator.get(indicator) ?? perIndicator.set(indicator, { sum: 0, votes: 0 }).get(indicator)!
        entry.sum += value
        entry.votes++
      }
    }
  }
  const byOrg = new Map<string, PublicRatingFacts[]>()
  for (const [org, perIndicator] of sums) {
    byOrg.set(
      org,
      [...perIndicator].map(([indicator, { sum, votes }]) => ({ indicator, average: sum / votes, votes })),
    )
  }
  return byOrg
}

async function gatherProbes(payload: Payload, asOf: Date, config: GatherConfig, viaSql: boolean) {
  const from = new Date(asOf.getTime() - config.probeWindowDays * DAY_MS).toISOString()
  const where: Where = { and: [{ at: { greater_than: from } }, { at: { less_than_equal: asOf.toISOString() } }] }
  const bySite = new Map<string, ProbeSample[]>()
  const select: SelectType = { site: true, url: true, at: true, ok: true, status: true, durationMs: true, error: true, searchBox: true, errorReportEntry: true }
  const pages = viaSql ? [await probesViaSql(payload, from, asOf.toISOString())] : readAll<any>(payload, 'probe-samples', where, select, config.pageSize)
  for await (const page of pages) {
    for (const s of page) {
      const site = idOf(s.site)
      if (!site) continue
      const list = bySite.get(site) ?? bySite.set(site, []).get(site)!
      const features =
        s.searchBox === null || s.searchBox === undefined ? undefined : { searchBox: Boolean(s.searchBox), errorReportEntry: Boolean(s.errorReportEntry) }
      list.push({
        siteId: s.site,
        url: s.url,
        at: iso(s.at)!,
        ok: Boolean(s.ok),
        status: s.status ?? null,
        durationMs: s.durationMs ?? 0,
        error: s.error ?? undefined,
        features,
      })
    }
  }
  for (const list of bySite.values()) list.sort((a, b) => a.at.localeCompare(b.at))
  return bySite
}
