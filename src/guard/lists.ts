/**
 * Guard lists as data: tab-separated files, one entry per line, validated row by row. A malformed
 * row is refused with its file and line, and nothing of that file is used.
 *
 * Columns (the first line of every file is exactly this header):
 *   word  kind  severity  suggestion  reason  before  after  exceptions  fields
 * - word: the text to find (spaces inside are ignored when matching).
 * - kind: typo | forbidden | sensitive | outdated-name; severity: block | warn.
 * - suggestion: for a typo, the replacement the one-click fix writes; otherwise advice.
 * - before / after: a context pattern (regular expression) that must match the text right before /
 *   right after the word, e.g. 截止 is a typo for 截至 only when a time follows (截止目前, 截止2024年).
 * - exceptions: longer phrases, separated by |, each containing the word, in which it is not a
 *   finding (农业部门 for 农业部).
 * - fields: the fields the entry applies to, separated by | (empty: all).
 * Trailing empty columns may be left out. Lines starting with # and blank lines are skipped.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { findingKinds, listKinds, severities, type FindingKind, type ListKind, type Severity } from './types'

export const LIST_COLUMNS = ['word', 'kind', 'severity', 'suggestion', 'reason', 'before', 'after', 'exceptions', 'fields'] as const

export interface GuardListEntry {
  word: string
  kind: ListKind
  severity: Severity
  suggestion?: string
  reason?: string
  before?: string
  after?: string
  exceptions: string[]
  fields: string[]
  /** Where the entry came from, for the panel and the audit: file:line or a collection id. */
  source: string
}

export interface ListIssue {
  file: string
  line: number
  message: string
}

export class GuardListError extends Error {
  constructor(readonly issues: ListIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'))
    this.name = 'GuardListError'
  }
}

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}
const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
const pattern = optionalText.refine((s) => s === undefined || compiles(s), 'is not a valid regular expression')
const listOf = z
  .string()
  .trim()
  .transform((s) => (s ? s.split('|').map((part) => part.trim()) : []))

export const listEntrySchema = z
  .object({
    word: z.string().trim().min(1, 'word is empty').max(60, 'word is longer than 60 characters'),
    kind: z.enum(listKinds),
    severity: z.enum(severities),
    suggestion: optionalText,
    reason: optionalText,
    before: pattern,
    after: pattern,
    exceptions: listOf,
    fields: listOf,
  })
  .refine((e) => e.exceptions.every((x) => x.includes(e.word)), { message: 'every exception must contain the word', path: ['exceptions'] })
  .refine((e) => e.kind !== 'typo' || !!e.suggestion, { message: 'a typo needs its correction in suggestion', path: ['suggestion'] })

/** One file's text → entries; throws GuardListError listing every bad line. */
export function parseGuardList(text: string, file: string): GuardListEntry[] {
  const lines = text.split(/\r?\n/)
  const issues: ListIssue[] = []
  const entries: GuardListEntry[] = []
  const seen = new Map<string, number>()
  let headerSeen = false
  lines.forEach((raw, index) => {
    const line = index + 1
    if (!raw.trim() || raw.startsWith('#')) return
    const cells = raw.split('\t')
    if (!headerSeen) {
      headerSeen = true
      if (cells.join('\t') !== LIST_COLUMNS.join('\t')) issues.push({ file, line, message: `the header must be: ${LIST_COLUMNS.join(' ⇥ ')}` })
      return
    }
    if (cells.length < 3 || cells.length > LIST_COLUMNS.length) {
      issues.push({ file, line, message: `expected 3–${LIST_COLUMNS.length} tab-separated columns, found ${cells.length}` })
      return
    }
    const row = Object.fromEntries(LIST_COLUMNS.map((column, i) => [column, cells[i] ?? '']))
    const parsed = listEntrySchema.safeParse(row)
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ')
      issues.push({ file, line, message })
      return
    }
    const key = [parsed.data.word, parsed.data.kind, parsed.data.before, parsed.data.after].join('\u0000')
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push({ file, line, message: `duplicate of line ${first}` })
      return
    }
    seen.set(key, line)
    entries.push({ ...parsed.data, source: `${file}:${line}` })
  })
  if (!headerSeen) issues.push({ file, line: 1, message: 'the file has no header line' })
  if (issues.length) throw new GuardListError(issues)
  return entries
}

export type RuleSeverities = Record<Exclude<FindingKind, ListKind>, Severity>
const ruleKinds = findingKinds.filter((k): k is Exclude<FindingKind, ListKind> => !(listKinds as readonly string[]).includes(k))
export const ruleSeveritiesSchema = z
  .object(Object.fromEntries(ruleKinds.map((k) => [k, z.enum(severities)])) as Record<(typeof ruleKinds)[number], z.ZodEnum<{ block: 'block'; warn: 'warn' }>>)
  .strict()

export const SHIPPED_LISTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lists')

export interface ShippedLists {
  entries: GuardListEntry[]
  ruleSeverities: RuleSeverities
  titles: string[]
}

/** Every *.tsv list, the rule severities and the leader titles shipped in `dir`. */
export function loadGuardLists(dir = SHIPPED_LISTS_DIR): ShippedLists {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
  const issues: ListIssue[] = []
  const entries: GuardListEntry[] = []
  for (const file of files) {
    try {
      entries.push(...parseGuardList(readFileSync(path.join(dir, file), 'utf8'), file))
    } catch (error) {
      if (error instanceof GuardListError) issues.push(...error.issues)
      else throw error
    }
  }
  const rules = ruleSeveritiesSchema.safeParse(JSON.parse(readFileSync(path.join(dir, 'rules.json'), 'utf8')))
  if (!rules.success) issues.push({ file: 'rules.json', line: 1, message: rules.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })
  const titles = z.array(z.string().min(1)).safeParse(JSON.parse(readFileSync(path.join(dir, 'leader-titles.json'), 'utf8')))
  if (!titles.success) issues.push({ file: 'leader-titles.json', line: 1, message: 'must be an array of titles' })
  if (issues.length) throw new GuardListError(issues)
  return { entries, ruleSeverities: rules.data as RuleSeverities, titles: titles.data! }
}
