import type { EvaluationRun } from './evaluate'
import type { IndicatorSet } from './indicator-sets'
import { DAY_MS } from './time'
import type { Id, TargetRef } from './types'

/** A rectification item (整改事项): one failing piece of evidence a unit must fix by a deadline. */
export interface RectificationItem {
  key: string
  organizationId: Id
  indicatorCode: string
  indicatorName: string
  evidenceKey: string
  message: string
  target: TargetRef
  status: 'open' | 'closed'
  openedAt: string
  deadline: string
  closedAt?: string
}

export interface RectificationUpdate {
  /** All items open after this run (carried over and newly opened). */
  open: RectificationItem[]
  opened: RectificationItem[]
  closed: RectificationItem[]
}

function itemKey(organizationId: Id, indicatorCode: string, evidenceKey: string): string {
  return `${organizationId}|${indicatorCode}|${evidenceKey}`
}

/** The 整改清单 of a run: every piece of evidence of every failing indicator. */
export function deriveRectificationItems(run: EvaluationRun, set: IndicatorSet): RectificationItem[] {
  const openedAt = run.asOf
  const deadline = new Date(Date.parse(run.asOf) + set.rectification.deadlineDays * DAY_MS).toISOString()
  const items: RectificationItem[] = []
  for (const result of run.results) {
    for (const indicator of result.indicators) {
      if (indicator.status !== 'fail') continue
      for (const evidence of indicator.evidence) {
        items.push({
          key: itemKey(result.organization.id, indicator.code, evidence.key),
          organizationId: result.organization.id,
          indicatorCode: indicator.code,
          indicatorName: indicator.name,
          evidenceKey: evidence.key,
          message: evidence.message,
          target: evidence.target,
          status: 'open',
          openedAt,
          deadline,
        })
      }
    }
  }
  return items
}

/**
 * Carries the open items over a new run: an item closes when its indicator now passes or its
 * evidence is gone; it stays open when its organization was not in the run or its indicator could
 * not be measured (not applicable) — absence of data is not proof of a fix.
 */
export function reconcileRectification(previousOpen: RectificationItem[], run: EvaluationRun, set: IndicatorSet): RectificationUpdate {
  const current = new Map(deriveRectificationItems(run, set).map((item) => [item.key, item]))
  const evaluated = new Map(run.results.map((result) => [String(result.organization.id), result]))
  const open: RectificationItem[] = []
  const closed: RectificationItem[] = []
  const carried = new Set<string>()
  for (const item of previousOpen) {
    if (item.status !== 'open') continue
    const now = current.get(item.key)
    if (now) {
      open.push({ ...item, message: now.message, target: now.target })
      carried.add(item.key)
      continue
    }
    const result = evaluated.get(String(item.organizationId))
    const indicator = result?.indicators.find((candidate) => candidate.code === item.indicatorCode)
    if (!result || !indicator || indicator.status === 'not-applicable') open.push(item)
    else closed.push({ ...item, status: 'closed', closedAt: run.asOf })
  }
  const opened = [...current.values()].filter((item) => !carried.has(item.key))
  return { open: [...open, ...opened], opened, closed }
}
