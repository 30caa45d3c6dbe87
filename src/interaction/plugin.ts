/**
 * Interaction // 政民互动 as a Payload plugin: letters and their inbox, the working-day calendar,
 * ratings and error reports; the reminder and inbox-promotion jobs.
 */
import type { Plugin } from 'payload'
import { ErrorReports } from '../../collections/error-reports'
import { Holidays } from '../../collections/holidays'
import { LetterInbox } from '../../collections/letter-inbox'
import { Letters } from '../../collections/letters'
import { Ratings } from '../../collections/ratings'
import { capabilityPlugin } from '../lib/plugin'
import { letterInboxTask } from './letter-promotion'
import { letterRemindersTask } from './reminders'

export function interactionPlugin(): Plugin {
  return capabilityPlugin(() => ({
    // 来信收件箱 (LetterInbox): acknowledged submissions awaiting promotion to letters.
    collections: [Letters, LetterInbox, Holidays, Ratings, ErrorReports],
    tasks: [letterRemindersTask, letterInboxTask],
  }))
}
