import type { CollectionConfig } from 'payload'
import { centralAdminOnly, centralOrOwn, nobody } from '../../src/access'
import { searchQueryReportEndpoint } from '../../src/search'
import { zhEn } from '../shared'

/**
 * Search queries // 搜索统计: what visitors searched, one row per site, normalized query and day
 * (China time), so the table stays small however busy the search is. Written in batches by the
 * search router; read by the central office (all sites) and by each unit's staff (its own sites).
 */
export const SearchQueries: CollectionConfig = {
  slug: 'search-queries',
  labels: { singular: zhEn('搜索词统计', 'Search query'), plural: zhEn('搜索词统计', 'Search queries') },
  defaultSort: '-searches',
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'siteName', 'day', 'searches', 'zeroResultSearches', 'lastHits'],
    listSearchableFields: ['query', 'siteCode'],
    group: zhEn('站群', 'Site group'),
    description: zhEn(
      '按搜索次数排序即为热门搜索词；筛选“最近结果数 = 0”即为无结果搜索词（访客找不到的内容）。汇总报告：/api/search-queries/report?site=网站代码&days=30',
      'Sorted by searches: the hot queries. Filter “last hits = 0” for zero-result queries (what visitors cannot find). Summary: /api/search-queries/report?site=<code>&days=30',
    ),
  },
  access: {
    read: centralOrOwn('organization', 'site-admin', 'editor', 'reviewer'),
    create: nobody,
    update: nobody,
    delete: centralAdminOnly,
  },
  endpoints: [searchQueryReportEndpoint],
  fields: [
    { name: 'query', type: 'text', required: true, index: true, label: zhEn('搜索词', 'Query') },
    { name: 'siteName', type: 'text', label: zhEn('网站', 'Site') },
    { name: 'siteCode', type: 'text', index: true, label: zhEn('网站代码', 'Site code') },
    { name: 'site', type: 'relationship', relationTo: 'sites', index: true, label: zhEn('网站', 'Site'), admin: { position: 'sidebar' } },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('主办单位', 'Organization'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'day',
      type: 'text',
      required: true,
      index: true,
      label: zhEn('日期', 'Day'),
      admin: { description: zhEn('北京时间 YYYY-MM-DD', 'China time, YYYY-MM-DD') },
    },
    { name: 'searches', type: 'number', required: true, defaultValue: 0, index: true, label: zhEn('搜索次数', 'Searches') },
    { name: 'zeroResultSearches', type: 'number', required: true, defaultValue: 0, label: zhEn('无结果次数', 'Zero-result searches') },
    { name: 'lastHits', type: 'number', required: true, defaultValue: 0, index: true, label: zhEn('最近结果数', 'Last hits') },
    { name: 'lastAt', type: 'date', label: zhEn('最近搜索时间', 'Last searched'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    // site code | day | query: one row per aggregate, so concurrent flushes cannot create twins.
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
  ],
}
