/** The one-click fix: write a typo finding's replacement into the document, in the same place. */
import { extractField, isLexical } from './extract'
import type { LexicalNode } from '../lib/lexical'
import type { FieldValue, Finding, GuardInput } from './types'

export class StaleFixError extends Error {
  constructor(finding: Finding) {
    super(`the text at ${finding.location.field} ¶${finding.location.paragraph}+${finding.location.offset} is no longer "${finding.text}"`)
    this.name = 'StaleFixError'
  }
}

/** A new document with the fix applied; throws StaleFixError when the text has changed since the guard ran. */
export function applyFix<T extends GuardInput>(doc: T, finding: Finding): T {
  if (!finding.fix) throw new Error(`a ${finding.kind} finding has no fix`)
  const { field, paragraph, offset, length } = finding.location
  const value = doc[field]
  const target = extractField(value).paragraphs[paragraph]
  if (!target || target.text.slice(offset, offset + length) !== finding.text) throw new StaleFixError(finding)
  const replacement = finding.fix.replacement
  let fixed: FieldValue
  if (isLexical(value)) {
    const copy = structuredClone(value)
    for (const segment of target.segments ?? []) {
      const from = Math.max(offset, segment.start)
      const to = Math.min(offset + length, segment.end)
      if (from >= to && !(length === 0 && segment.start === offset)) continue
      const node = segment.path.reduce<LexicalNode>((n, i) => n.children![i], copy.root)
      const text = node.text ?? ''
      // The replacement goes into the first node the word touches; the rest of the word is removed from the others.
      const insert = from === offset ? replacement : ''
      node.text = text.slice(0, from - segment.start) + insert + text.slice(to - segment.start)
    }
    fixed = copy
  } else if (typeof value === 'string') {
    const at = (target.start ?? 0) + offset
    fixed = value.slice(0, at) + replacement + value.slice(at + length)
  } else {
    const paragraphs = [...(value as readonly string[])]
    paragraphs[paragraph] = target.text.slice(0, offset) + replacement + target.text.slice(offset + length)
    fixed = paragraphs
  }
  return { ...doc, [field]: fixed }
}
