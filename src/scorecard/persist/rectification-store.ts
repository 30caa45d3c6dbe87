import { schemaId, schemaJson, type SchemaJson } from '../../lib/schema'
import type { RectificationItem as RectificationItemDoc } from '../../../payload-types'
import type { Payload } from 'payload'
import type { EvaluationRun } from '../evaluate'
import type { IndicatorSet } from '../indicator-sets'
import { deriveRectificationItems, reconcileRectification, type RectificationItem } from '../rectification'
import type { Id } from '../types'
import { readAllFlat } from '../gather/read'

export const adminUrl = (collection: string, id: Id) => `/admin/collections/${collection}/${id}`

type ItemDoc = {
  id: Id
  key: string
  status: 'open' | 'in-progress' | 'fixed-pending-recheck' | 'closed'
  organization: Id
  indicatorCode: string
  indicatorName: string
  evidenceKey: string
  message: string
  targetCollection: string
  targetId: string
  openedAt: string
  deadline: string
}

/**
 * Carries the 整改清单 over a run: items still failing stay (a unit's "fixed" claim that the run
 * disproves goes back to open), items that now pass close, new failures open with a deadline.
 */
export async function applyRectification(payload: Payload, runId: Id, run: EvaluationRun, set: IndicatorSet, organizationIds: Id[]) {
  const scope = organizationIds.map(String)
  const docs = await readAllFlat<ItemDoc>(
    payload,
    'rectification-items',
    { and: [{ setCode: { equals: set.code } }, { status: { not_equals: 'closed' } }, { organization: { in: scope } }] },
    {
      key: true,
      status: true,
      organization: true,
      indicatorCode: true,
      indicatorName: true,
      evidenceKey: true,
      message: true,
      targetCollection: true,
      targetId: true,
      openedAt: true,
      deadline: true,
    },
    1000,
  )
  const byKey = new Map(docs.map((doc) => [doc.key, doc]))
  const previous: RectificationItem[] = docs.map((doc) => ({
    key: doc.key,
    organizationId: doc.organization,
    indicatorCode: doc.indicatorCode,
    indicatorName: doc.indicatorName,
    evidenceKey: doc.evidenceKey,
    message: doc.message,
    target: { collection: doc.targetCollection, id: doc.targetId },
    status: 'open',
    openedAt: doc.openedAt,
    deadline: doc.deadline,
  }))
  const update = reconcileRectification(previous, run, set)
  const details = new Map<string, SchemaJson>()
  for (const result of run.results) {
    for (const indicator of result.indicators) {
      for (const evidence of indicator.evidence) details.set(`${result.organization.id}|${indicator.code}|${evidence.key}`, schemaJson(evidence.detail ?? null))
    }
  }
  const stillFailing = new Set(deriveRectificationItems(run, set).map((item) => item.key))
  for (const item of update.closed) {
    const doc = byKey.get(item.key)!
    await payload.update({
      collection: 'rectification-items',
      id: doc.id,
      data: { status: 'closed', closedAt: run.asOf, closedInRun: schemaId(runId), lastSeenInRun: schemaId(runId) },
      overrideAccess: true,
    })
  }
  for (const item of update.open) {
    const doc = byKey.get(item.key)
    if (!doc || !stillFailing.has(item.key)) continue
    const data: Partial<RectificationItemDoc> = { message: item.message, lastSeenInRun: schemaId(runId), detail: details.get(item.key) ?? null }
    if (doc.status === 'fixed-pending-recheck') data.status = 'open' // the recheck found it still failing
    await payload.update({ collection: 'rectification-items', id: doc.id, data, overrideAccess: true })
  }
  for (const item of update.opened) {
    await payload.create({
      collection: 'rectification-items',
      data: {
        key: item.key,
        setCode: set.code,
        organization: schemaId(item.organizationId),
        indicatorCode: item.indicatorCode,
        indicatorName: item.indicatorName,
        evidenceKey: item.evidenceKey,
        message: item.message.slice(0, 1000),
        targetCollection: item.target.collection,
        targetId: String(item.target.id),
        targetUrl: adminUrl(item.target.collection, item.target.id),
        detail: details.get(item.key) ?? null,
        status: 'open',
        openedAt: item.openedAt,
        deadline: item.deadline,
        openedInRun: schemaId(runId),
        lastSeenInRun: schemaId(runId),
      },
      overrideAccess: true,
    })
  }
  return { opened: update.opened.length, closed: update.closed.length, open: update.open.length }
}
