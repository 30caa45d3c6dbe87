import { normalizeText, queryTokens } from './tokenizer'

/** Meilisearch ignores words past the tenth; both engines keep the same limit. */
export const MAX_TERMS = 10

export interface TermAlternative {
  /** Normalized text, used for highlighting. */
  text: string
  tokens: string[]
  prefixLast: boolean
  /** The first token (reversed digits) is a prefix: the term's leading digit run ends a number in the text. */
  suffixFirst: boolean
}

/** One term the results must contain, as any of its alternatives (itself or a synonym). */
export interface QueryTerm {
  text: string
  phrase: boolean
  alternatives: TermAlternative[]
}

/**
 * Splits user text into terms: whitespace separates terms, and a pair of ASCII double quotes
 * keeps words together as one phrase (as Meilisearch does). Nothing else is syntax: *, NEAR,
 * OR, ^, : and parentheses are ordinary characters of a term.
 */
export function parseQueryTerms(text: string, synonyms: Map<string, string[]> = new Map()): QueryTerm[] {
  const normalized = normalizeText(text)
  const pieces: { text: string; phrase: boolean }[] = []
  const parts = normalized.split('"')
  parts.forEach((part, index) => {
    // Odd parts were inside quotes; an unbalanced final quote leaves ordinary words.
    const quoted = index % 2 === 1 && index < parts.length - 1
    if (quoted) {
      const phrase = part.trim()
      if (phrase) pieces.push({ text: phrase, phrase: true })
    } else {
      for (const word of part.split(' ')) if (word) pieces.push({ text: word, phrase: false })
    }
  })

  const terms: QueryTerm[] = []
  const seen = new Set<string>()
  for (const piece of pieces) {
    if (terms.length >= MAX_TERMS) break
    if (seen.has(piece.text)) continue
    const variants = piece.phrase ? [piece.text] : (synonyms.get(piece.text) ?? [piece.text])
    const alternatives = variants.map((variant) => ({ text: variant, ...queryTokens(variant) })).filter((alternative) => alternative.tokens.length > 0)
    if (alternatives.length === 0) continue
    seen.add(piece.text)
    terms.push({ text: piece.text, phrase: piece.phrase, alternatives })
  }
  return terms
}
