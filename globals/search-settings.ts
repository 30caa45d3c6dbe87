import { APIError, type GlobalAfterChangeHook, type GlobalBeforeChangeHook, type GlobalConfig } from 'payload'
import { centralAdminOnly } from '../src/access'
import { DEFAULT_SYNONYM_ROWS, SEARCH_SETTINGS_SLUG, SearchInputError, searchIndexerEngine, synonymGroupsFromRows } from '../src/search'
import { zhEn } from '../collections/shared'

/** A malformed row is refused with a message naming it, before anything is stored. */
const validateSynonyms: GlobalBeforeChangeHook = ({ data }) => {
  try {
    synonymGroupsFromRows(data.synonyms)
  } catch (error) {
    if (error instanceof SearchInputError) throw new APIError(`同义词设置有误 (invalid synonyms): ${error.message}`, 400, undefined, true)
    throw error
  }
  return data
}

/** Both engines take the new list at once; a failure is logged and the reconcile job applies it again. */
const applySynonyms: GlobalAfterChangeHook = async ({ doc, req }) => {
  try {
    await searchIndexerEngine(req.payload).setSynonyms(synonymGroupsFromRows(doc.synonyms))
  } catch (error) {
    req.payload.logger.error({ err: error }, 'search: could not apply the synonyms; the reconcile job will retry')
  }
  return doc
}

/** Search settings // 搜索设置: the synonym list the central office edits. */
export const SearchSettings: GlobalConfig = {
  slug: SEARCH_SETTINGS_SLUG,
  label: zhEn('搜索设置', 'Search settings'),
  admin: { group: zhEn('站群', 'Site group') },
  access: { read: centralAdminOnly, update: centralAdminOnly },
  hooks: { beforeChange: [validateSynonyms], afterChange: [applySynonyms] },
  fields: [
    {
      name: 'synonyms',
      type: 'array',
      label: zhEn('同义词', 'Synonyms'),
      labels: { singular: zhEn('同义词组', 'Synonym group'), plural: zhEn('同义词组', 'Synonym groups') },
      defaultValue: DEFAULT_SYNONYM_ROWS,
      admin: {
        description: zhEn(
          '每行一组等义词，用逗号分隔，如“社保, 社会保障”。搜索其中任一个词时，其余的词也会被搜索。保存后立即生效。',
          'One group of equivalent terms per row, separated by commas, e.g. “社保, 社会保障”. Searching any term also finds the others. Applies on save.',
        ),
      },
      fields: [{ name: 'terms', type: 'text', required: true, label: zhEn('等义词', 'Equivalent terms') }],
    },
  ],
}
