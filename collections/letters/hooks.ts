import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { hasRole, isCentralAdmin, relationId } from '../../src/access'
import {
  LetterTransitionError,
  actorFromUser,
  applyLetterCommand,
  docFieldsFromSnapshot,
  interactionPolicy,
  loadWorkingCalendar,
  publicTextFields,
  snapshotFromDoc,
  type LetterCommand,
} from '../../src/interaction'

/** Fields only the workflow changes; edits sent by a user are replaced with the stored values. */
const WORKFLOW_FIELDS = [
  'status',
  'assignedOrganization',
  'receivedAt',
  'deadline',
  'extended',
  'extensionReason',
  'pendingTransfer',
  'reply',
  'repliedAt',
  'repliedBy',
  'closedAt',
  'rejectionReason',
  'history',
  'queryCodeHash',
  'powNonce',
  'route',
  'site',
  'subject',
  'content',
  'name',
  'phone',
  'email',
  'publishable',
  'satisfaction',
  'supervision',
] as const

/**
 * Staff act on a letter by filling the "command" group in the admin (reply, transfer, extend …);
 * the hook runs the state machine as that user and stores the result. Internal callers
 * (public routes, jobs) pass context.letterInternal and write the fields directly.
 */
export const guardLetterWorkflow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (context?.letterInternal) return withPublicText(data, originalDoc)
  if (operation === 'create') {
    throw new APIError('来信只能通过网站表单提交 (letters are created through the public form; enter postal letters there too)', 400, undefined, true)
  }
  for (const field of WORKFLOW_FIELDS) if (originalDoc && field in originalDoc) data[field] = originalDoc[field]

  const command = toCommand(data.command)
  data.command = { action: null, toOrganization: null, text: null }
  if (command) {
    const now = typeof context?.now === 'string' ? new Date(context.now) : new Date()
    try {
      const next = applyLetterCommand(snapshotFromDoc(originalDoc ?? {}), command, actorFromUser(req.user), {
        at: now,
        calendar: await loadWorkingCalendar(req.payload),
        extensionWorkingDays: interactionPolicy.deadline.extensionWorkingDays,
      })
      Object.assign(data, docFieldsFromSnapshot(next))
    } catch (error) {
      if (error instanceof LetterTransitionError) throw new APIError(error.message, error.code === 'forbidden' ? 403 : 400, undefined, true)
      throw error
    }
  }
  guardPublication(data, originalDoc, req)
  return withPublicText(data, originalDoc)
}

function toCommand(raw: unknown): LetterCommand | null {
  const c = (raw ?? {}) as Record<string, unknown>
  if (!c.action) return null
  const text = typeof c.text === 'string' ? c.text : ''
  const toOrganization = relationId(c.toOrganization) as number | string
  switch (c.action) {
    case 'reply':
      return { action: 'reply', reply: text }
    case 'dispatch':
    case 'request-transfer':
      return c.action === 'dispatch'
        ? { action: 'dispatch', toOrganization, note: text || undefined }
        : { action: 'request-transfer', toOrganization, reason: text }
    case 'accept':
    case 'close':
    case 'approve-transfer':
      return { action: c.action as 'accept' | 'close' | 'approve-transfer', note: text || undefined }
    default:
      return { action: c.action, reason: text } as LetterCommand
  }
}

/** Reviewers (or the central office) approve publication of a replied letter whose writer consented. */
function guardPublication(data: Record<string, any>, originalDoc: Record<string, any> | undefined, req: Parameters<CollectionBeforeChangeHook>[0]['req']) {
  const wasApproved = Boolean(originalDoc?.publication?.approved)
  const approved = Boolean(data.publication?.approved)
  if (approved === wasApproved) {
    data.publication = originalDoc?.publication ?? { approved: false }
    return
  }
  if (!isCentralAdmin(req.user) && !hasRole(req.user, 'reviewer')) {
    throw new APIError('只有审核人员可以批准公开来信 (only reviewers approve publication)', 403, undefined, true)
  }
  if (approved) {
    if (!originalDoc?.publishable) throw new APIError('来信人未同意公开，不能公开 (the writer did not agree to publication)', 400, undefined, true)
    if (!['replied', 'closed'].includes(data.status)) throw new APIError('答复后才能公开 (only replied letters can be published)', 400, undefined, true)
  }
  data.publication = { approved, approvedBy: approved ? relationId(req.user?.id) : null, approvedAt: approved ? new Date().toISOString() : null }
}

function withPublicText(data: Record<string, any>, originalDoc: Record<string, any> | undefined) {
  const merged = { ...(originalDoc ?? {}), ...data }
  return Object.assign(data, publicTextFields(merged))
}
