/**
 * Everything the search indexes, assembled here because only at this level are sites and
 * interaction both visible (interaction imports sites, and the search imports neither). Payload
 * gets it through `searchSourcesPlugin(searchSources)` in payload.config.ts; the hooks, the
 * reconcile job and every indexer built without explicit sources read it from there.
 */
import { letterSearchSource } from './interaction'
import type { SearchSource } from './search'
import { articleSearchSource, serviceGuideSearchSource } from './sites'

export const searchSources: readonly SearchSource[] = [articleSearchSource, letterSearchSource, serviceGuideSearchSource]
