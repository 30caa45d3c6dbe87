import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The central office repairs an entry that needs attention (e.g. chooses another target site after
 * the original one was deleted) and saves it: the entry goes back to "pending" so the next
 * promotion turns it into a letter. Nothing else about the entry changes state by hand.
 */
export const requeueRepairedEntry: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || originalDoc?.state !== 'needs-attention') return data
  if (data.state === 'needs-attention' || data.state === undefined) {
    data.state = 'pending'
    data.attempts = 0
    data.problem = null
  }
  return data
}
