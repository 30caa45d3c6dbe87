/**
 * Carries out a planned mode switch in one transaction: a failure at any step (or an injected one)
 * rolls everything back. The switch's record (mode-switches) is written outside the transaction
 * so a failure stays on record; search and page caches follow after the commit.
 */
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { schemaId } from '../lib/schema'
import { setArticlesSite } from '../db/bulk-move'
import { HostingError, refusal } from './messages'
import { lettersWhere, mediaWhere, planModeSwitch } from './plan'
import { reindexMovedContent } from './reindex'
import { beginSwitchTransaction } from './transaction'
import { NEW_SITE, type Id, type ModeSwitchPlan } from './types'

export interface SwitchRunOptions {
  user?: TypedUser | null
  /** Tests: throw after this many steps, inside the transaction. */
  failAfter?: number
  onProgress?: (done: number, total: number, step: string) => void
  /** Search reindex after the commit: awaited (default), started in the background (the admin endpoint), or skipped. */
  reindex?: boolean | 'background'
}

export interface SwitchResult {
  switchId: Id
  targetSiteId: Id
  counts: ModeSwitchPlan['counts']
  seconds: { total: number; transaction: number; reindex: number }
  reindexed: number
}

const STEPS = ['check', 'target', 'columns', 'articles', 'media', 'letters', 'source', 'organization', 'redirects', 'audit'] as const
const progressById = new Map<string, { progress: number; step: string }>()

/** Live progress of a switch running in this process (the record gets it when the transaction ends). */
export function switchProgress(id: Id): { progress: number; step: string } | undefined {
  return progressById.get(String(id))
}

const internal = { modeSwitchInternal: true }

export async function switchMode(payload: Payload, plan: ModeSwitchPlan, options: SwitchRunOptions = {}): Promise<SwitchResult> {
  if (!plan.ok) throw new HostingError(plan.refusals)
  const started = performance.now()
  const userId = options.user?.id ?? null
  const record = await payload.create({
    collection: 'mode-switches',
    data: {
      organization: schemaId(plan.organization.id),
      from: plan.from,
      to: plan.to,
      state: 'running',
      progress: 0,
      summary: summary(plan),
      plan: compactPlan(plan),
      requestedBy: userId,
      startedAt: new Date().toISOString(),
    },
    overrideAccess: true,
    context: internal,
  })
  const switchId: Id = record.id
  const report = (done: number, step: string) => {
    const progress = Math.round((done / STEPS.length) * 100)
    progressById.set(String(switchId), { progress, step })
    options.onProgress?.(done, STEPS.length, step)
  }

  const transactionID = await beginSwitchTransaction(payload)
  const req = await createLocalReq({ user: options.user ?? undefined, context: { sitegroupModeSwitch: switchId } }, payload)
  req.transactionID = transactionID
  let targetSiteId: Id
  try {
    let step = 0
    const next = (name: (typeof STEPS)[number]) => {
      report(++step, name)
      if (options.failAfter !== undefined && step >= options.failAfter) throw new HostingError([refusal('injectedFailure', { step })], 500)
    }
    // The world may have changed since the preview: plan again inside the transaction and compare.
    const fresh = await planModeSwitch(payload, plan.options, { req, switchId })
    if (!fresh.ok) throw new HostingError(fresh.refusals)
    if (fresh.columns.length !== plan.columns.length || fresh.counts.articles !== plan.counts.articles) {
      throw new HostingError([
        refusal('planStale', { reason: `${plan.columns.length}/${plan.counts.articles} → ${fresh.columns.length}/${fresh.counts.articles}` }),
      ])
    }
    next('check')
    targetSiteId = await prepareTarget(payload, req, fresh)
    next('target')
    const landingId = plan.to === 'portal-columns' ? await createLanding(payload, req, fresh, targetSiteId) : null
    await moveColumns(payload, req, fresh, targetSiteId, landingId)
    next('columns')
    await setArticlesSite(
      payload,
      req,
      fresh.columns.map((c) => c.id),
      targetSiteId,
    )
    next('articles')
    await payload.update({ collection: 'media', where: mediaWhere(fresh), data: { site: schemaId(targetSiteId) }, overrideAccess: true, req, depth: 0 })
    next('media')
    if (payload.collections.letters) {
      await payload.update({
        collection: 'letters',
        where: lettersWhere(fresh),
        data: { site: schemaId(targetSiteId) },
        overrideAccess: true,
        req,
        depth: 0,
        context: { letterInternal: true },
      })
    }
    next('letters')
    await finishSource(payload, req, fresh)
    next('source')
    await payload.update({
      collection: 'organizations',
      id: fresh.organization.id,
      data: fresh.to === 'portal-columns' ? { hostingMode: 'portal-columns', hostSite: targetSiteId as number } : { hostingMode: 'own-site', hostSite: null },
      overrideAccess: true,
      req,
    })
    next('organization')
    await writeRedirects(payload, req, fresh, targetSiteId, switchId)
    next('redirects')
    await payload.create({
      collection: 'audit-log',
      data: {
        at: new Date().toISOString(),
        user: userId,
        action: 'mode-switch',
        targetCollection: 'organizations',
        targetId: String(fresh.organization.id),
        summary: summary(fresh).slice(0, 500),
        changes: { counts: fresh.counts, from: fresh.source?.site.code, to: fresh.target?.site.code, switch: switchId },
      },
      overrideAccess: true,
      req,
      context: { skipAudit: true },
    })
    next('audit')
    await payload.db.commitTransaction(transactionID)
  } catch (error) {
    await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    progressById.delete(String(switchId))
    await payload.update({
      collection: 'mode-switches',
      id: switchId,
      data: { state: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() },
      overrideAccess: true,
      context: internal,
    })
    throw error
  }
  const transactionSeconds = (performance.now() - started) / 1000

  // Pages everywhere follow: a committed write to the organization makes every process reload its site index and redirects and clear its page cache.
  await payload.update({ collection: 'organizations', id: plan.organization.id, data: {}, overrideAccess: true, context: { skipAudit: true } })
  const reindexStarted = performance.now()
  const reindexing =
    options.reindex === false
      ? Promise.resolve(0)
      : reindexMovedContent(
          payload,
          plan.columns.map((c) => c.id),
          plan.organization.id,
        ).catch((error) => {
          payload.logger.error({ err: error }, 'mode switch: search reindex failed; the reconcile job will repair it')
          return 0
        })
  const reindexed = options.reindex === 'background' ? 0 : await reindexing
  const reindexSeconds = (performance.now() - reindexStarted) / 1000
  await payload.update({
    collection: 'mode-switches',
    id: switchId,
    data: { state: 'done', progress: 100, counts: plan.counts, finishedAt: new Date().toISOString() },
    overrideAccess: true,
    context: internal,
  })
  progressById.delete(String(switchId))
  return {
    switchId,
    targetSiteId,
    counts: plan.counts,
    seconds: { total: (performance.now() - started) / 1000, transaction: transactionSeconds, reindex: reindexSeconds },
    reindexed,
  }
}

function summary(plan: ModeSwitchPlan): string {
  const c = plan.counts
  return `${plan.organization.name}: ${plan.from} → ${plan.to}, ${plan.source?.site.code ?? '?'} → ${plan.target?.site.code ?? '?'} (${c.columns} columns, ${c.articles} articles, ${c.media} media, ${c.letters} letters)`
}

/** The stored preview: everything but the long URL lists, which the admin re-derives on demand. */
function compactPlan(plan: ModeSwitchPlan) {
  return { ...plan, urls: plan.urls.slice(0, 100), articleUrls: { total: plan.articleUrls.total, sample: plan.articleUrls.sample.slice(0, 20) } }
}

async function prepareTarget(payload: Payload, req: PayloadRequest, plan: ModeSwitchPlan): Promise<Id> {
  if (plan.to === 'portal-columns') return plan.target!.site.id
  const spec = plan.newSite!
  const data = {
    name: spec.name,
    code: spec.code,
    domains: spec.domains.map((domain) => ({ domain })),
    identificationCode: spec.identificationCode,
    organization: plan.organization.id as number,
    theme: spec.theme,
    status: 'active' as const,
  }
  if (spec.reactivate !== undefined) {
    await payload.update({ collection: 'sites', id: spec.reactivate, data: { ...data, settings: { footer: spec.footer } }, overrideAccess: true, req })
    return spec.reactivate
  }
  const site = await payload.create({ collection: 'sites', data: { ...data, settings: { footer: spec.footer } }, overrideAccess: true, req })
  return site.id
}

async function createLanding(payload: Payload, req: PayloadRequest, plan: ModeSwitchPlan, hostId: Id): Promise<Id> {
  const landing = plan.landing!
  const doc = await payload.create({
    collection: 'columns',
    data: {
      name: landing.name,
      slug: landing.slug,
      site: hostId as number,
      parent: landing.parentId as number | null,
      category: 'other',
      ownerOrganization: plan.organization.id as number,
      order: 1000,
      visibility: 'public',
    },
    overrideAccess: true,
    req,
  })
  return doc.id
}

/**
 * Re-parents the subtree at the adapter level, parents first: the columns collection's hooks
 * cascade a path change to children with the children's old site, which the same hooks then
 * refuse (a parent on another site), so a move across sites cannot go through them. The plan has
 * already checked every new path against the target site.
 */
async function moveColumns(payload: Payload, req: PayloadRequest, plan: ModeSwitchPlan, siteId: Id, landingId: Id | null) {
  const now = new Date().toISOString()
  for (const move of plan.columns) {
    const parent = move.toParent === 'landing' ? landingId : move.toParent
    await payload.db.updateOne({
      collection: 'columns',
      id: move.id,
      data: { site: siteId, parent, path: move.toPath, updatedAt: now },
      req,
      returning: false,
    })
  }
  if (plan.to === 'own-site') {
    const roots = plan.columns.filter((c) => c.toParent === null).map((c) => c.id)
    await payload.update({ collection: 'sites', id: siteId, data: { settings: { navigation: roots as number[] } }, overrideAccess: true, req })
  }
}

/** The own site is archived (its domains keep answering, with redirects); an emptied landing column goes. */
async function finishSource(payload: Payload, req: PayloadRequest, plan: ModeSwitchPlan) {
  if (plan.to === 'portal-columns') {
    await payload.update({ collection: 'sites', id: plan.source!.site.id, data: { status: 'archived' }, overrideAccess: true, req })
    return
  }
  await payload.delete({ collection: 'columns', id: plan.landing!.id!, overrideAccess: true, req })
}

async function writeRedirects(payload: Payload, req: PayloadRequest, plan: ModeSwitchPlan, targetSiteId: Id, switchId: Id) {
  const resolve = (id: Id) => schemaId(String(id) === NEW_SITE ? targetSiteId : id)
  for (const change of plan.redirectChanges) {
    if (change.action === 'delete') await payload.delete({ collection: 'redirects', id: change.id, overrideAccess: true, req })
  }
  for (const change of plan.redirectChanges) {
    if (change.action === 'retarget')
      await payload.update({
        collection: 'redirects',
        id: change.id,
        data: { toSite: resolve(change.toSiteId!), toPath: change.toPath, modeSwitch: schemaId(switchId) },
        overrideAccess: true,
        req,
      })
  }
  for (const r of plan.redirects) {
    await payload.create({
      collection: 'redirects',
      data: {
        site: resolve(r.siteId),
        fromPath: r.fromPath,
        match: r.match,
        toSite: resolve(r.toSiteId),
        toPath: r.toPath,
        statusCode: 301,
        reason: r.reason,
        modeSwitch: schemaId(switchId),
      },
      overrideAccess: true,
      req,
    })
  }
}
