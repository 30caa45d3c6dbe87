/**
 * Search // 全站搜索 as a Payload plugin: the query log, the synonym settings, the reconcile job, the
 * query report view, and the sources it indexes, handed in by the application (src/search-sources.ts)
 * because the search knows no capability that has searchable documents.
 */
import type { Config, Plugin } from 'payload'
import { SearchQueries } from '../../collections/search-queries'
import { SearchSettings } from '../../globals/search-settings'
import { capabilityPlugin } from '../lib/plugin'
import { searchReconcileTask } from './indexer'
import { searchSourcesPlugin, type SearchSource } from './sources'

export function searchPlugin(options: { sources: readonly SearchSource[] }): Plugin {
  const handSources = searchSourcesPlugin(options.sources)
  const addParts = capabilityPlugin(() => ({
    collections: [SearchQueries],
    globals: [SearchSettings],
    tasks: [searchReconcileTask],
    views: { searchReport: { Component: '/src/search/admin/QueryReportView#QueryReportView', path: '/search-report' } },
  }))
  return async (config: Config) => addParts(await handSources(config))
}
