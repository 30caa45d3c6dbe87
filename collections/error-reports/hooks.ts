import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isCentralAdmin, relationId } from '../../src/access'

const STATUS_FLOW: Record<string, string[]> = {
  new: ['in-progress', 'resolved', 'rejected'],
  'in-progress': ['resolved', 'rejected'],
  resolved: [],
  rejected: [],
}

/**
 * Staff move a report new → in progress → resolved/rejected, with a note when closing; what the
 * public sent, the owner and the deadline stay as received (the central office may reassign).
 */
export const guardErrorReport: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  if (context?.errorReportInternal || operation === 'create') return data
  for (const field of ['pageUrl', 'kind', 'description', 'name', 'phone', 'email', 'site', 'receivedAt', 'deadline', 'powNonce', 'history']) {
    if (originalDoc && field in originalDoc) data[field] = originalDoc[field]
  }
  if (!isCentralAdmin(req.user)) data.organization = originalDoc?.organization
  const from = String(originalDoc?.status ?? 'new')
  const to = String(data.status ?? from)
  if (to !== from) {
    if (!STATUS_FLOW[from]?.includes(to)) throw new APIError(`不能从“${from}”改为“${to}” (cannot go from ${from} to ${to})`, 400, undefined, true)
    if ((to === 'resolved' || to === 'rejected') && !String(data.resolution ?? '').trim()) {
      throw new APIError('请填写处理说明 (write what was done)', 400, undefined, true)
    }
    const at = typeof context?.now === 'string' ? context.now : new Date().toISOString()
    if (to === 'resolved' || to === 'rejected') data.resolvedAt = at
    data.history = [...(originalDoc?.history ?? []), { from, to, by: relationId(req.user?.id), at, note: data.resolution ?? null }]
  }
  return data
}
