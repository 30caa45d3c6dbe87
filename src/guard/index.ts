/**
 * Content guard (内容安全审核): finds typos, forbidden and sensitive expressions, outdated names,
 * leaders' wrong titles or units, personal information, images without alt text and bad links in
 * a document's fields, with a severity (block / warn), a location and — for listed typos — a fix.
 * Pure functions over text and lists; wiring into collections, the panel and the sweep lives with
 * the collections. Other code imports only from here. See docs/guard.md.
 */
export {
  findingKinds,
  listKinds,
  severities,
  type Finding,
  type FindingKind,
  type FindingLocation,
  type FieldValue,
  type GuardInput,
  type ListKind,
  type Severity,
} from './types'
export {
  parseGuardList,
  loadGuardLists,
  listEntrySchema,
  ruleSeveritiesSchema,
  GuardListError,
  LIST_COLUMNS,
  SHIPPED_LISTS_DIR,
  type GuardListEntry,
  type ListIssue,
  type RuleSeverities,
  type ShippedLists,
} from './lists'
export { buildGuardLists, guardText, type GuardLists, type GuardListsInput, type GuardOptions } from './engine'
export { leaderRecordSchema, type LeaderRecord } from './leaders'
export { applyFix, StaleFixError } from './fix'
export { checkLinks, guardLinks, linkHostMismatch, type LinkCheck, type CheckLinksOptions } from './links'
export { idChecksumValid, idBirthDateValid, luhnValid } from './personal-info'
export { foldText } from './normalize'
export { AhoCorasick } from './aho-corasick'
export { docxText, xlsxText, pdfText, attachmentExtractor, AttachmentTextError, ATTACHMENT_LIMIT_BYTES } from './attachments'
