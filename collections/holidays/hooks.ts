import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { forgetWorkingCalendar } from '../../src/interaction'

// Deadlines computed after an edit must see it at once, not after the cache expires.
export const refreshCalendarAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetWorkingCalendar()
  return doc
}
export const refreshCalendarAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forgetWorkingCalendar()
  return doc
}
