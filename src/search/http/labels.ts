// Names for facet values: the engine counts by site and organization code; visitors read names.
import type { Payload } from 'payload'
import settings from '../settings.json' with { type: 'json' }
import type { DocumentType } from '../types'

/** Content types // 内容类型 as visitors read them. */
export const TYPE_LABELS: Record<DocumentType, string> = {
  article: '文章',
  page: '页面',
  disclosure: '政府信息公开',
  'service-guide': '办事指南',
  letter: '来信选登',
}

export interface Labels {
  site(code: string): string
  organization(code: string): string
}

/** Site and organization names by code, reloaded every `labelsTtlSeconds`; codes stand in on failure. */
export function labelSource(payload: Payload): () => Promise<Labels> {
  let loaded: { sites: Map<string, string>; organizations: Map<string, string>; at: number } | null = null
  let loading: Promise<void> | null = null
  const load = async () => {
    const read = async (collection: 'sites' | 'organizations') => {
      const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, select: { code: true, name: true } })
      return new Map(docs.map((doc) => [String(doc.code), String(doc.name)]))
    }
    const [sites, organizations] = await Promise.all([read('sites'), read('organizations')])
    loaded = { sites, organizations, at: Date.now() }
  }
  return async () => {
    if (!loaded || Date.now() - loaded.at > settings.http.labelsTtlSeconds * 1000) {
      loading ??= load()
        .catch((error) => payload.logger.error({ err: error }, 'search: could not load site names for facets'))
        .finally(() => {
          loading = null
        })
      await loading
    }
    const current = loaded
    return {
      site: (code) => current?.sites.get(code) ?? code,
      organization: (code) => current?.organizations.get(code) ?? code,
    }
  }
}
