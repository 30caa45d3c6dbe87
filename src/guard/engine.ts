/**
 * The guard itself: compile the lists once (buildGuardLists), then guardText reads every field
 * in one pass of the list automaton per paragraph plus the personal-information, leader, image
 * and link rules. Pure: no database, no network (links are checked by checkLinks).
 */
import { AhoCorasick } from './aho-corasick'
import { extractField, type ExtractedField } from './extract'
import { buildLeaderIndex, findLeaderIssues, type LeaderIndex, type LeaderRecord } from './leaders'
import type { GuardListEntry, RuleSeverities } from './lists'
import { foldText, foldWord, originalRange, type FoldedText } from './normalize'
import { findPersonalInfo } from './personal-info'
import type { Finding, FindingKind, GuardInput, Severity } from './types'
import { linkHostMismatch } from './links'

interface CompiledEntry extends GuardListEntry {
  folded: string
  beforeRe?: RegExp
  afterRe?: RegExp
  foldedExceptions: { text: string; at: number }[]
}

export interface GuardLists {
  entries: CompiledEntry[]
  automaton: AhoCorasick
  leaders: LeaderIndex
  ruleSeverities: RuleSeverities
}

export interface GuardListsInput {
  entries: readonly GuardListEntry[]
  ruleSeverities: RuleSeverities
  leaders?: readonly LeaderRecord[]
  /** Title words recognised next to a leader's name (leader-titles.json), besides the leaders' own titles. */
  titles?: readonly string[]
}

/** How far before/after a word a context pattern looks. */
const CONTEXT_WINDOW = 16

export function buildGuardLists(input: GuardListsInput): GuardLists {
  const entries = input.entries.map((entry): CompiledEntry => {
    const folded = foldWord(entry.word)
    return {
      ...entry,
      folded,
      beforeRe: entry.before ? new RegExp(`(?:${entry.before})$`, 'u') : undefined,
      afterRe: entry.after ? new RegExp(`^(?:${entry.after})`, 'u') : undefined,
      foldedExceptions: entry.exceptions.map((x) => ({ text: foldWord(x), at: foldWord(x).indexOf(folded) })),
    }
  })
  return {
    entries,
    automaton: new AhoCorasick(entries.map((e) => e.folded)),
    leaders: buildLeaderIndex(input.leaders ?? [], input.titles ?? []),
    ruleSeverities: input.ruleSeverities,
  }
}

export interface GuardOptions {
  /** Alt text of media by id, for upload nodes that are not populated. */
  mediaAlt?: (id: string | number) => string | null | undefined
  /** For the ID-number birth-date check. */
  now?: Date
}

export function guardText(input: GuardInput, lists: GuardLists, options: GuardOptions = {}): Finding[] {
  const findings: Finding[] = []
  for (const [field, value] of Object.entries(input)) {
    const extracted = extractField(value)
    extracted.paragraphs.forEach((paragraph, index) => {
      const folded = foldText(paragraph.text)
      const add = (kind: FindingKind, severity: Severity, start: number, end: number, extra: Partial<Finding> = {}) =>
        findings.push(finding(field, index, paragraph.text, folded, kind, severity, start, end, extra))
      for (const hit of listHits(folded.text, field, lists)) {
        const entry = lists.entries[hit.pattern]
        const fix = entry.kind === 'typo' && entry.suggestion ? { replacement: entry.suggestion } : undefined
        add(entry.kind, entry.severity, hit.start, hit.end, { suggestion: entry.suggestion, reason: entry.reason, fix })
      }
      for (const hit of findLeaderIssues(folded.text, lists.leaders))
        add(hit.kind, lists.ruleSeverities[hit.kind], hit.start, hit.end, { suggestion: hit.suggestion })
      for (const hit of findPersonalInfo(folded.text, options.now))
        add(hit.kind, lists.ruleSeverities[hit.kind], hit.start, hit.end, { suggestion: hit.suggestion })
    })
    findings.push(...imageFindings(field, extracted, lists, options), ...linkTextFindings(field, extracted, lists))
  }
  return findings
}

/** List matches that pass their context and exceptions; a match inside a longer match of the same kind is dropped. */
function listHits(text: string, field: string, lists: GuardLists) {
  const hits = lists.automaton.search(text).filter((hit) => {
    const entry = lists.entries[hit.pattern]
    if (entry.fields.length && !entry.fields.includes(field)) return false
    if (entry.beforeRe && !entry.beforeRe.test(text.slice(Math.max(0, hit.start - CONTEXT_WINDOW), hit.start))) return false
    if (entry.afterRe && !entry.afterRe.test(text.slice(hit.end, hit.end + CONTEXT_WINDOW))) return false
    return !entry.foldedExceptions.some((x) => x.at >= 0 && text.startsWith(x.text, hit.start - x.at))
  })
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          lists.entries[other.pattern].kind === lists.entries[hit.pattern].kind &&
          other.start <= hit.start &&
          other.end >= hit.end &&
          other.end - other.start > hit.end - hit.start,
      ),
  )
}

const AROUND = 12

function finding(
  field: string,
  paragraph: number,
  original: string,
  folded: FoldedText,
  kind: FindingKind,
  severity: Severity,
  start: number,
  end: number,
  extra: Partial<Finding>,
): Finding {
  const { offset, length } = originalRange(folded, start, end)
  return {
    kind,
    severity,
    location: {
      field,
      paragraph,
      offset,
      length,
      before: original.slice(Math.max(0, offset - AROUND), offset),
      after: original.slice(offset + length, offset + length + AROUND),
    },
    text: original.slice(offset, offset + length),
    ...extra,
  }
}

function imageFindings(field: string, extracted: ExtractedField, lists: GuardLists, options: GuardOptions): Finding[] {
  const findings: Finding[] = []
  for (const { node, paragraph } of extracted.uploads) {
    if ((node.relationTo ?? 'media') !== 'media') continue
    const populated = node.value && typeof node.value === 'object' ? (node.value as { id?: string | number; alt?: unknown; filename?: unknown }) : undefined
    const id = populated ? populated.id : (node.value as string | number | undefined)
    // An id alone says nothing about alt: without a populated doc or a lookup the image is not judged.
    if (!populated && !options.mediaAlt) continue
    const alt = node.fields?.alt ?? (populated ? populated.alt : id !== undefined ? options.mediaAlt!(id) : undefined)
    if (typeof alt === 'string' && alt.trim()) continue
    const name = typeof populated?.filename === 'string' ? populated.filename : `媒体 ${id ?? '?'}`
    findings.push({
      kind: 'image-alt',
      severity: lists.ruleSeverities['image-alt'],
      location: { field, paragraph, offset: 0, length: 0, before: '', after: '' },
      text: name,
      suggestion: '在媒体库中为该图片填写替代文本（alt）',
    })
  }
  return findings
}

function linkTextFindings(field: string, extracted: ExtractedField, lists: GuardLists): Finding[] {
  return extracted.links.flatMap((link) => {
    const mismatch = linkHostMismatch(link.text, link.href)
    if (!mismatch) return []
    return [
      {
        kind: 'link' as const,
        severity: lists.ruleSeverities.link,
        location: { field, paragraph: link.paragraph, offset: link.offset, length: link.text.length, before: '', after: '' },
        text: link.text,
        suggestion: `链接文字显示 ${mismatch.shown}，实际指向 ${mismatch.actual}`,
      },
    ]
  })
}
