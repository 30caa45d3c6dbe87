import type { CollectionBeforeChangeHook } from 'payload'

/** The record is the switch's log: state, progress and outcome come from the switch, never from a form. */
export const keepRecordMachineWritten: CollectionBeforeChangeHook = ({ data, context }) => {
  if (!context?.modeSwitchInternal) throw new Error('mode-switches records are written by the switch only')
  return data
}
