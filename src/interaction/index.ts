/**
 * Public interaction (互动交流): letters and the mayor's mailbox (群众来信 / 市长信箱), public
 * ratings of departments (部门评议), error reports (我为政府网站找错), with working-day deadlines,
 * reminders (催办) and supervision (电子监察). Other code imports only from here.
 */
export { systemClock, manualClock, type Clock, type ManualClock } from './clock'
export { WorkingCalendar, assertDay, type CalendarEntry, type DayKind } from './working-days'
export {
  interactionPolicy,
  ratingIndicators,
  ratingScale,
  letterCategoryValues,
  errorReportKindValues,
  workingDaysForCategory,
  type InteractionPolicy,
  type RatingIndicator,
} from './policy'
export {
  applyLetterCommand,
  newLetterSnapshot,
  allowedActions,
  letterStatuses,
  letterActions,
  openStatuses,
  handledStatuses,
  LetterTransitionError,
  CENTRAL_ROLE,
  HANDLER_ROLE,
  type Actor,
  type HistoryEntry,
  type LetterAction,
  type LetterCommand,
  type LetterSnapshot,
  type LetterStatus,
  type PendingTransfer,
} from './letter-workflow'
export { generateQueryCode, formatQueryCode, parseQueryCode, hashQueryCode, phoneTail, phoneTailMatches, QUERY_CODE_ALPHABET } from './query-code'
export { maskPersonalData, maskLetterForPublication, maskName } from './masking'
export { deadlineFlag, unitStatistics, type DeadlineFlag, type LetterFacts, type UnitStatistics } from './supervision'
export {
  aggregateRatings,
  checkScores,
  normalizeAddress,
  ratingVisitorKey,
  readRatedCookie,
  writeRatedCookie,
  yearOfMonth,
  quarterOfMonth,
  type RatingAggregate,
  type Scores,
} from './ratings'
export {
  cleanText,
  check,
  validateLetterSubmission,
  validateErrorReport,
  letterSubmissionSchema,
  errorReportSchema,
  satisfactionSchema,
  satisfactionValues,
  phoneSchema,
  emailSchema,
  type LetterSubmission,
  type ErrorReportSubmission,
  type FieldErrors,
} from './validation'
export { createChallenge, verifySolution, solveChallenge, leadingZeroBits, memorySpentChallenges, type Challenge, type SpentChallenges } from './proof-of-work'
export { powSolverScript } from './pow-solver-script'

// Database-backed services (Payload Local API)
export { loadWorkingCalendar, forgetWorkingCalendar } from './calendar-store'
export {
  submitLetter,
  createLetterDoc,
  trackLetter,
  runLetterCommand,
  rateReply,
  snapshotFromDoc,
  docFieldsFromSnapshot,
  publicTextFields,
  publicLetterWhere,
  isPubliclyVisibleLetter,
  actorFromUser,
  type SubmitLetterInput,
  type TrackResult,
} from './letter-service'
export { storeRating, storeErrorReport, type RatingOutcome } from './public-submissions'
export { letterInboxStore, receiveLetter, type ReceiveLetterInput, type ReceivedLetter } from './letter-intake'
export { LETTER_INBOX, findInboxEntryByHash, trackingViewOfInboxEntry, type InboxEntry, type InboxState } from './letter-inbox'
export { promoteLetterInbox, createLetterPromoter, letterPromoterFor, letterInboxTask, type LetterPromoter, type PromotionRun } from './letter-promotion'
export { letterStatistics, ratingStatistics, interactionFactsByOrganization, type InteractionFacts } from './supervision-store'
export { runLetterReminders, letterRemindersTask, type ReminderRun } from './reminders'

// HTTP
export { createInteractionRouter, INTERACTION_PATHS, type InteractionRouterOptions } from './routes'
// What the search indexes of the interaction (handed to it by src/search-sources.ts).
export { letterSearchSource } from './search-source'
export { interactionPlugin } from './plugin'
