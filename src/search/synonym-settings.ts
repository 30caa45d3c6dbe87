// The central office's synonym list // 同义词 lives in the `search-settings` global (one group per
// row, terms separated by commas); this turns rows into groups and hands them to the engine.
import type { Payload } from 'payload'
import { SearchInputError } from './errors'
import { DEFAULT_SYNONYMS, normalizeSynonymGroups, type SynonymGroups } from './synonyms'
import type { SearchEngine } from './types'

export const SEARCH_SETTINGS_SLUG = 'search-settings'

export interface SynonymRow {
  terms?: string | null
}

/** Terms are separated by commas (ASCII or Chinese), 、, ; or spaces. */
const SEPARATORS = /[,，、;；\s]+/

/** Rows as the admin stores them → validated groups; throws SearchInputError naming the bad row. */
export function synonymGroupsFromRows(rows: SynonymRow[] | null | undefined): SynonymGroups {
  const groups = (rows ?? []).map((row) =>
    String(row?.terms ?? '')
      .split(SEPARATORS)
      .filter(Boolean),
  )
  try {
    return normalizeSynonymGroups(groups)
  } catch (error) {
    if (error instanceof SearchInputError) {
      const row = /group (\d+)/.exec(error.message)
      throw new SearchInputError(row ? `第 ${Number(row[1]) + 1} 行 (row ${Number(row[1]) + 1}): ${error.message}` : error.message)
    }
    throw error
  }
}

/** Groups → rows, for the global's default value. */
export function rowsFromSynonymGroups(groups: SynonymGroups): SynonymRow[] {
  return groups.map((group) => ({ terms: group.join(', ') }))
}

export const DEFAULT_SYNONYM_ROWS = rowsFromSynonymGroups(DEFAULT_SYNONYMS)

/** The groups in force: the global's rows once saved, the shipped defaults before. */
export async function currentSynonymGroups(payload: Payload): Promise<SynonymGroups> {
  if (!payload.globals.config.some((global) => (global.slug as string) === SEARCH_SETTINGS_SLUG)) return DEFAULT_SYNONYMS
  const settings = await payload.findGlobal({ slug: SEARCH_SETTINGS_SLUG, depth: 0, overrideAccess: true })
  if (!settings?.updatedAt && !settings?.synonyms?.length) return DEFAULT_SYNONYMS
  return synonymGroupsFromRows(settings.synonyms)
}

/** Gives the engine the groups in force (the reconcile job calls this, so a rebuilt index agrees too). */
export async function applySynonymSettings(payload: Payload, engine: SearchEngine): Promise<SynonymGroups> {
  const groups = await currentSynonymGroups(payload)
  await engine.setSynonyms(groups)
  return groups
}
