import { describe, expect, it } from 'vitest'
import {
  WorkingCalendar,
  allowedActions,
  applyLetterCommand,
  letterActions,
  letterStatuses,
  newLetterSnapshot,
  LetterTransitionError,
  type Actor,
  type CalendarEntry,
  type LetterCommand,
  type LetterSnapshot,
  type LetterStatus,
} from '../../src/interaction'
import holidays2025 from '../../src/interaction/data/holidays-2025.json'

const calendar = new WorkingCalendar(holidays2025.entries as CalendarEntry[])
const options = (at = '2025-04-25T02:00:00Z') => ({ at: new Date(at), calendar, extensionWorkingDays: 15 })
const central: Actor = { id: 1, name: '市政府办', roles: ['central-admin'], organization: 100 }
const handlerA: Actor = { id: 2, name: '教育局办理员', roles: ['letter-handler'], organization: 7 }
const handlerB: Actor = { id: 3, name: '交通局办理员', roles: ['letter-handler'], organization: 8 }
const editorA: Actor = { id: 4, roles: ['editor'], organization: 7 }

const fresh = (assigned: number | null = 7) =>
  newLetterSnapshot({ receivedAt: new Date('2025-04-25T02:00:00Z'), workingDays: 15, calendar, assignedOrganization: assigned })

const commandFor: Record<string, LetterCommand> = {
  dispatch: { action: 'dispatch', toOrganization: 7 },
  accept: { action: 'accept' },
  reply: { action: 'reply', reply: '已答复' },
  close: { action: 'close' },
  return: { action: 'return', reason: '不属于本单位职责' },
  reject: { action: 'reject', reason: '内容无效' },
  'request-transfer': { action: 'request-transfer', toOrganization: 8, reason: '属交通局职责' },
  'approve-transfer': { action: 'approve-transfer' },
  'deny-transfer': { action: 'deny-transfer', reason: '仍由本单位办理' },
  extend: { action: 'extend', reason: '需现场调查' },
}

function inState(status: LetterStatus): LetterSnapshot {
  const base = fresh()
  return {
    ...base,
    status,
    pendingTransfer: { toOrganization: 8, reason: 'x', requestedBy: 2, requestedAt: base.receivedAt },
  }
}

describe('letter workflow', () => {
  it('runs the full mayor’s-mailbox life: received → dispatched → in-progress → replied → closed, recording who and when', () => {
    let letter = fresh(null)
    expect(letter.deadline).toBe('2025-05-20T15:59:59.999Z')
    letter = applyLetterCommand(letter, { action: 'dispatch', toOrganization: 7 }, central, options('2025-04-25T03:00:00Z'))
    expect(letter).toMatchObject({ status: 'dispatched', assignedOrganization: 7 })
    letter = applyLetterCommand(letter, { action: 'accept' }, handlerA, options('2025-04-27T01:00:00Z'))
    letter = applyLetterCommand(letter, { action: 'reply', reply: '  答复内容  ' }, handlerA, options('2025-05-06T01:00:00Z'))
    expect(letter).toMatchObject({ status: 'replied', reply: '答复内容', repliedAt: '2025-05-06T01:00:00.000Z', repliedBy: 2 })
    letter = applyLetterCommand(letter, { action: 'close' }, central, options('2025-05-07T01:00:00Z'))
    expect(letter.status).toBe('closed')
    expect(letter.history.map((h) => [h.action, h.from, h.to, h.by, h.at])).toEqual([
      ['submit', null, 'received', null, '2025-04-25T02:00:00.000Z'],
      ['dispatch', 'received', 'dispatched', 1, '2025-04-25T03:00:00.000Z'],
      ['accept', 'dispatched', 'in-progress', 2, '2025-04-27T01:00:00.000Z'],
      ['reply', 'in-progress', 'replied', 2, '2025-05-06T01:00:00.000Z'],
      ['close', 'replied', 'closed', 1, '2025-05-07T01:00:00.000Z'],
    ])
  })

  it('a unit-site letter is accepted directly without dispatch', () => {
    const letter = applyLetterCommand(fresh(7), { action: 'accept' }, handlerA, options())
    expect(letter.status).toBe('in-progress')
  })

  it('cannot accept a letter nobody was assigned', () => {
    expect(() => applyLetterCommand(fresh(null), { action: 'accept' }, central, options())).toThrow(/dispatch it/)
  })

  it('returned letters are re-dispatched by the central office', () => {
    let letter = applyLetterCommand(fresh(7), { action: 'return', reason: '不属于本单位' }, handlerA, options())
    expect(letter).toMatchObject({ status: 'returned' })
    expect(() => applyLetterCommand(letter, { action: 'dispatch', toOrganization: 8 }, handlerA, options())).toThrow(/Only the central office/)
    letter = applyLetterCommand(letter, { action: 'dispatch', toOrganization: 8 }, central, options())
    expect(letter).toMatchObject({ status: 'dispatched', assignedOrganization: 8 })
  })

  it('rejects as invalid only with a reason, and keeps the reason', () => {
    expect(() => applyLetterCommand(fresh(), { action: 'reject', reason: '   ' }, handlerA, options())).toThrow(/needs a reason/)
    const letter = applyLetterCommand(fresh(), { action: 'reject', reason: '重复来信' }, handlerA, options())
    expect(letter).toMatchObject({ status: 'rejected', rejectionReason: '重复来信' })
    expect(allowedActions('rejected')).toEqual([])
  })

  it('transfers need the central office’s approval', () => {
    let letter = applyLetterCommand(fresh(7), { action: 'accept' }, handlerA, options())
    letter = applyLetterCommand(letter, { action: 'request-transfer', toOrganization: 8, reason: '属交通局职责' }, handlerA, options())
    expect(letter.status).toBe('in-progress')
    expect(letter.assignedOrganization).toBe(7)
    expect(() => applyLetterCommand(letter, { action: 'request-transfer', toOrganization: 9, reason: 'again' }, handlerA, options())).toThrow(/already waiting/)
    expect(() => applyLetterCommand(letter, { action: 'approve-transfer' }, handlerA, options())).toThrow(/Only the central office/)
    letter = applyLetterCommand(letter, { action: 'approve-transfer' }, central, options())
    expect(letter).toMatchObject({ status: 'dispatched', assignedOrganization: 8, pendingTransfer: null })
    expect(() => applyLetterCommand(letter, { action: 'accept' }, handlerA, options())).toThrow(/assigned to another unit/)
    expect(applyLetterCommand(letter, { action: 'accept' }, handlerB, options()).status).toBe('in-progress')
  })

  it('a denied transfer leaves the letter with its unit', () => {
    let letter = applyLetterCommand(fresh(7), { action: 'request-transfer', toOrganization: 8, reason: 'x' }, handlerA, options())
    letter = applyLetterCommand(letter, { action: 'deny-transfer', reason: '职责明确' }, central, options())
    expect(letter).toMatchObject({ assignedOrganization: 7, pendingTransfer: null, status: 'received' })
    expect(() => applyLetterCommand(letter, { action: 'approve-transfer' }, central, options())).toThrow(/no transfer request/)
    expect(() => applyLetterCommand(fresh(7), { action: 'request-transfer', toOrganization: 7, reason: 'x' }, handlerA, options())).toThrow(/already holds it/)
  })

  it('extends the deadline once, with a reason, by the policy’s working days', () => {
    expect(() => applyLetterCommand(fresh(), { action: 'extend', reason: '' }, handlerA, options())).toThrow(/needs a reason/)
    const letter = applyLetterCommand(fresh(), { action: 'extend', reason: '需现场调查' }, handlerA, options())
    expect(letter).toMatchObject({ extended: true, extensionReason: '需现场调查' })
    // 2025-05-20 + 15 working days (Dragon Boat 05-31…06-02 is not counted) = 2025-06-11
    expect(calendar.dayOf(new Date(letter.deadline))).toBe('2025-06-11')
    expect(() => applyLetterCommand(letter, { action: 'extend', reason: 'again' }, handlerA, options())).toThrow(/only once/)
  })

  it('refuses handlers of other units and users without the handler role', () => {
    expect(() => applyLetterCommand(fresh(7), { action: 'reply', reply: 'x' }, handlerB, options())).toThrow(LetterTransitionError)
    expect(() => applyLetterCommand(fresh(7), { action: 'accept' }, editorA, options())).toThrow(/needs the letter-handler or central-admin role/)
  })

  it('refuses unknown actions', () => {
    expect(() => applyLetterCommand(fresh(), { action: 'delete' } as never, central, options())).toThrow(/Unknown letter action "delete"/)
  })

  it('does not modify the snapshot it was given', () => {
    const letter = fresh()
    const copy = structuredClone(letter)
    applyLetterCommand(letter, { action: 'accept' }, handlerA, options())
    expect(letter).toEqual(copy)
  })

  // Every (state, action) pair: legal ones succeed for the central office, illegal ones say what is allowed.
  const legal: Record<LetterStatus, string[]> = {
    received: ['dispatch', 'accept', 'return', 'reject', 'request-transfer', 'approve-transfer', 'deny-transfer', 'extend'],
    dispatched: ['accept', 'return', 'reject', 'request-transfer', 'approve-transfer', 'deny-transfer', 'extend'],
    'in-progress': ['reply', 'return', 'reject', 'request-transfer', 'approve-transfer', 'deny-transfer', 'extend'],
    replied: ['close'],
    closed: [],
    returned: ['dispatch', 'reject'],
    rejected: [],
  }
  for (const status of letterStatuses) {
    for (const action of letterActions) {
      const isLegal = legal[status].includes(action)
      it(`${status} + ${action} is ${isLegal ? 'legal' : 'refused'}`, () => {
        const letter = action === 'request-transfer' ? { ...inState(status), pendingTransfer: null } : inState(status)
        const run = () => applyLetterCommand(letter, commandFor[action], central, options())
        if (isLegal) {
          const next = run()
          expect(next.history.at(-1)).toMatchObject({ action, from: status, by: 1 })
        } else {
          expect(run).toThrow(new RegExp(`Cannot "${action}" a letter that is ${status}; allowed now: `))
        }
      })
    }
  }
})
