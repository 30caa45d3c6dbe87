/**
 * The life of a letter (来信) as a pure state machine. Every transition names who acted and when,
 * checks that actor's right to act, and returns a new snapshot plus the history entry;
 * anything else is refused with a LetterTransitionError that says why.
 */
import type { WorkingCalendar } from './working-days'

export const letterStatuses = [
  'received', // 已受理: stored, waiting for a unit (site letters are assigned at once)
  'dispatched', // 已交办: the central office sent it to a unit
  'in-progress', // 办理中
  'replied', // 已答复
  'closed', // 已办结
  'returned', // 退回重新交办: the unit says it is not theirs
  'rejected', // 不予受理 (invalid), with a reason
] as const
export type LetterStatus = (typeof letterStatuses)[number]

export const letterActions = [
  'dispatch',
  'accept',
  'reply',
  'close',
  'return',
  'reject',
  'request-transfer',
  'approve-transfer',
  'deny-transfer',
  'extend',
] as const
export type LetterAction = (typeof letterActions)[number]

export type Id = number | string

/** Who acts: a handler of a unit, or the central office (central-admin). */
export interface Actor {
  id: Id
  name?: string
  roles: string[]
  organization?: Id | null
}

export interface HistoryEntry {
  action: LetterAction | 'submit'
  from: LetterStatus | null
  to: LetterStatus
  by: Id | null
  byName?: string
  at: string
  note?: string
  organization?: Id | null
}

export interface PendingTransfer {
  toOrganization: Id
  reason: string
  requestedBy: Id
  requestedAt: string
}

/** The part of a letter the workflow reads and writes. */
export interface LetterSnapshot {
  status: LetterStatus
  assignedOrganization: Id | null
  receivedAt: string
  deadline: string
  extended: boolean
  extensionReason?: string | null
  pendingTransfer?: PendingTransfer | null
  reply?: string | null
  repliedAt?: string | null
  repliedBy?: Id | null
  closedAt?: string | null
  rejectionReason?: string | null
  history: HistoryEntry[]
}

export type LetterCommand =
  | { action: 'dispatch'; toOrganization: Id; note?: string }
  | { action: 'accept'; note?: string }
  | { action: 'reply'; reply: string }
  | { action: 'close'; note?: string }
  | { action: 'return'; reason: string }
  | { action: 'reject'; reason: string }
  | { action: 'request-transfer'; toOrganization: Id; reason: string }
  | { action: 'approve-transfer'; note?: string }
  | { action: 'deny-transfer'; reason: string }
  | { action: 'extend'; reason: string }

export class LetterTransitionError extends Error {
  constructor(
    message: string,
    readonly code: 'illegal-state' | 'forbidden' | 'missing-input' | 'unknown-action',
  ) {
    super(message)
    this.name = 'LetterTransitionError'
  }
}

export const CENTRAL_ROLE = 'central-admin'
export const HANDLER_ROLE = 'letter-handler'

/** Which states each action may start from, and where it leads (null = status unchanged). */
const transitions: Record<LetterAction, { from: LetterStatus[]; to: LetterStatus | null; who: 'central' | 'unit' | 'either' }> = {
  dispatch: { from: ['received', 'returned'], to: 'dispatched', who: 'central' },
  accept: { from: ['received', 'dispatched'], to: 'in-progress', who: 'unit' },
  reply: { from: ['in-progress'], to: 'replied', who: 'unit' },
  close: { from: ['replied'], to: 'closed', who: 'either' },
  return: { from: ['received', 'dispatched', 'in-progress'], to: 'returned', who: 'unit' },
  reject: { from: ['received', 'dispatched', 'in-progress', 'returned'], to: 'rejected', who: 'either' },
  'request-transfer': { from: ['received', 'dispatched', 'in-progress'], to: null, who: 'unit' },
  'approve-transfer': { from: ['received', 'dispatched', 'in-progress'], to: 'dispatched', who: 'central' },
  'deny-transfer': { from: ['received', 'dispatched', 'in-progress'], to: null, who: 'central' },
  extend: { from: ['received', 'dispatched', 'in-progress'], to: null, who: 'unit' },
}

export function allowedActions(status: LetterStatus): LetterAction[] {
  return letterActions.filter((action) => transitions[action].from.includes(status))
}

const isCentral = (actor: Actor) => actor.roles.includes(CENTRAL_ROLE)
const sameId = (a: Id | null | undefined, b: Id | null | undefined) => a != null && b != null && String(a) === String(b)

function requireText(value: unknown, what: string, action: string): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) throw new LetterTransitionError(`"${action}" needs ${what}`, 'missing-input')
  return text
}

function checkActor(actor: Actor, who: 'central' | 'unit' | 'either', letter: LetterSnapshot, action: LetterAction) {
  if (isCentral(actor)) return
  if (who === 'central') {
    throw new LetterTransitionError(`Only the central office (${CENTRAL_ROLE}) may "${action}" a letter`, 'forbidden')
  }
  if (!actor.roles.includes(HANDLER_ROLE)) {
    throw new LetterTransitionError(`"${action}" needs the ${HANDLER_ROLE} or ${CENTRAL_ROLE} role`, 'forbidden')
  }
  if (!sameId(actor.organization, letter.assignedOrganization)) {
    throw new LetterTransitionError(`This letter is assigned to another unit; a handler may only "${action}" letters of their own unit`, 'forbidden')
  }
}

export interface TransitionOptions {
  at: Date
  calendar: WorkingCalendar
  /** Working days an extension adds (policy.deadline.extensionWorkingDays). */
  extensionWorkingDays: number
}

/** Apply one command; returns the new snapshot (the input is not modified). */
export function applyLetterCommand(letter: LetterSnapshot, command: LetterCommand, actor: Actor, options: TransitionOptions): LetterSnapshot {
  const rule = transitions[command?.action as LetterAction]
  if (!rule) throw new LetterTransitionError(`Unknown letter action "${String(command?.action)}"; known: ${letterActions.join(', ')}`, 'unknown-action')
  if (!rule.from.includes(letter.status)) {
    const allowed = allowedActions(letter.status)
    throw new LetterTransitionError(
      `Cannot "${command.action}" a letter that is ${letter.status}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing (final state)'}`,
      'illegal-state',
    )
  }
  checkActor(actor, rule.who, letter, command.action)

  const at = options.at.toISOString()
  const next: LetterSnapshot = { ...letter, history: [...letter.history] }
  let note: string | undefined

  switch (command.action) {
    case 'dispatch':
      if (command.toOrganization == null || command.toOrganization === '')
        throw new LetterTransitionError('"dispatch" needs the unit to send the letter to', 'missing-input')
      next.assignedOrganization = command.toOrganization
      note = command.note
      break
    case 'accept':
      if (next.assignedOrganization == null)
        throw new LetterTransitionError('"accept" needs the letter to be assigned to a unit first (dispatch it)', 'illegal-state')
      note = command.note
      break
    case 'reply':
      next.reply = requireText(command.reply, 'the reply text', 'reply')
      next.repliedAt = at
      next.repliedBy = actor.id
      next.pendingTransfer = null
      break
    case 'close':
      next.closedAt = at
      note = command.note
      break
    case 'return':
      note = requireText(command.reason, 'a reason', 'return')
      next.pendingTransfer = null
      break
    case 'reject':
      note = next.rejectionReason = requireText(command.reason, 'a reason', 'reject')
      next.pendingTransfer = null
      break
    case 'request-transfer': {
      if (letter.pendingTransfer) throw new LetterTransitionError('A transfer request is already waiting for the central office', 'illegal-state')
      if (command.toOrganization == null || command.toOrganization === '')
        throw new LetterTransitionError('"request-transfer" needs the unit to transfer to', 'missing-input')
      if (sameId(command.toOrganization, letter.assignedOrganization))
        throw new LetterTransitionError('Cannot transfer a letter to the unit that already holds it', 'missing-input')
      note = requireText(command.reason, 'a reason', 'request-transfer')
      next.pendingTransfer = { toOrganization: command.toOrganization, reason: note, requestedBy: actor.id, requestedAt: at }
      break
    }
    case 'approve-transfer':
      if (!letter.pendingTransfer) throw new LetterTransitionError('There is no transfer request to approve', 'illegal-state')
      next.assignedOrganization = letter.pendingTransfer.toOrganization
      next.pendingTransfer = null
      note = command.note ?? letter.pendingTransfer.reason
      break
    case 'deny-transfer':
      if (!letter.pendingTransfer) throw new LetterTransitionError('There is no transfer request to deny', 'illegal-state')
      note = requireText(command.reason, 'a reason', 'deny-transfer')
      next.pendingTransfer = null
      break
    case 'extend':
      if (letter.extended) throw new LetterTransitionError('The deadline has already been extended once; a letter may be extended only once', 'illegal-state')
      note = next.extensionReason = requireText(command.reason, 'a reason', 'extend')
      next.extended = true
      next.deadline = options.calendar.extendDeadline(new Date(letter.deadline), options.extensionWorkingDays).toISOString()
      break
  }

  const to = rule.to ?? letter.status
  next.status = to
  next.history.push({
    action: command.action,
    from: letter.status,
    to,
    by: actor.id,
    byName: actor.name,
    at,
    note,
    organization: next.assignedOrganization,
  })
  return next
}

/** The first snapshot of a new letter: received, with its deadline computed from the category's working days. */
export function newLetterSnapshot(input: {
  receivedAt: Date
  workingDays: number
  calendar: WorkingCalendar
  assignedOrganization: Id | null
}): LetterSnapshot {
  const at = input.receivedAt.toISOString()
  return {
    status: 'received',
    assignedOrganization: input.assignedOrganization,
    receivedAt: at,
    deadline: input.calendar.deadlineFrom(input.receivedAt, input.workingDays).toISOString(),
    extended: false,
    pendingTransfer: null,
    history: [{ action: 'submit', from: null, to: 'received', by: null, at, organization: input.assignedOrganization }],
  }
}

export const openStatuses: LetterStatus[] = ['received', 'dispatched', 'in-progress', 'returned']
export const handledStatuses: LetterStatus[] = ['replied', 'closed']
