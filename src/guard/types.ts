/** What the content guard (内容安全审核) reports, and the shapes it reads. */
import type { LexicalNode } from '../lib/lexical'

export const findingKinds = [
  'typo',
  'forbidden',
  'sensitive',
  'outdated-name',
  'leader-title',
  'leader-unit',
  'id-number',
  'mobile',
  'bank-card',
  'address',
  'image-alt',
  'link',
] as const
export type FindingKind = (typeof findingKinds)[number]

/** Kinds whose words come from the shipped and admin-edited lists. */
export const listKinds = ['typo', 'forbidden', 'sensitive', 'outdated-name'] as const
export type ListKind = (typeof listKinds)[number]

/** block: publishing is refused; warn: the reviewer ticks it as checked. */
export const severities = ['block', 'warn'] as const
export type Severity = (typeof severities)[number]

/** A field's value: plain text (paragraphs separated by a blank line), paragraphs, or a Lexical document. */
export type FieldValue = string | readonly string[] | { root: LexicalNode } | null | undefined

/** The text of one document by field name: title, subtitle, summary, body, attachment:<name>… */
export type GuardInput = Record<string, FieldValue>

export interface FindingLocation {
  field: string
  /** Paragraph (block) index in the field, from 0. */
  paragraph: number
  /** UTF-16 offset and length in the paragraph's original text. */
  offset: number
  length: number
  /** Up to 12 characters on each side, as shown in the panel. */
  before: string
  after: string
}

export interface Finding {
  kind: FindingKind
  severity: Severity
  location: FindingLocation
  /** The text as written in the document. */
  text: string
  suggestion?: string
  reason?: string
  /** A one-click fix for listed typos: `text` at `location` becomes `replacement`. */
  fix?: { replacement: string }
}
