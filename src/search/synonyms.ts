import defaultSynonymGroups from './synonyms.default.json' with { type: 'json' }
import { SearchInputError } from './errors'
import { normalizeText } from './tokenizer'

/** Synonyms // 同义词: groups of equivalent terms the central office edits; each term expands to its group. */
export type SynonymGroups = string[][]

export const DEFAULT_SYNONYMS: SynonymGroups = defaultSynonymGroups

const MAX_GROUPS = 5000
const MAX_TERM_LENGTH = 50

/** Validates and normalizes groups; throws SearchInputError on malformed data. */
export function normalizeSynonymGroups(groups: unknown): SynonymGroups {
  if (!Array.isArray(groups) || groups.length > MAX_GROUPS) {
    throw new SearchInputError(`synonyms must be an array of at most ${MAX_GROUPS} groups`)
  }
  return groups.map((group, index) => {
    if (!Array.isArray(group) || group.length < 2) {
      throw new SearchInputError(`synonym group ${index} must list at least two terms`)
    }
    const terms = group.map((term) => {
      if (typeof term !== 'string') throw new SearchInputError(`synonym group ${index} holds a non-string`)
      const normalized = normalizeText(term)
      if (!normalized || normalized.length > MAX_TERM_LENGTH || /\s/.test(normalized)) {
        throw new SearchInputError(`synonym "${term}" must be one word of 1–${MAX_TERM_LENGTH} characters`)
      }
      return normalized
    })
    return [...new Set(terms)]
  })
}

/** Maps each normalized term to every term equivalent to it (itself first). */
export function buildSynonymMap(groups: SynonymGroups): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const group of groups) {
    for (const term of group) {
      const known = map.get(term) ?? [term]
      for (const other of group) if (!known.includes(other)) known.push(other)
      map.set(term, known)
    }
  }
  return map
}
