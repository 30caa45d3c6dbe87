import type { CollectionConfig } from 'payload'
import { readPageViews, writePageViews } from './access'
import { pageViewSummaryEndpoint } from '../../src/sites'
import { zhEn } from '../shared'

/**
 * PageViews // 访问统计: first-party visit counts per day, at three levels (site, column,
 * article). Each server process writes only rows carrying its own `instance` id, so several
 * processes add up without read-modify-write races; totals sum over instances.
 */
export const PageViews: CollectionConfig = {
  slug: 'page-views',
  labels: { singular: zhEn('访问统计', 'Page views'), plural: zhEn('访问统计', 'Page views') },
  admin: {
    defaultColumns: ['day', 'level', 'site', 'column', 'article', 'count'],
    group: zhEn('站群', 'Site group'),
    description: zhEn('总量与趋势：GET /api/page-views/summary?site=<id>&days=30', 'Totals and trends: GET /api/page-views/summary?site=<id>&days=30'),
  },
  defaultSort: '-day',
  access: { read: readPageViews, create: writePageViews, update: writePageViews, delete: writePageViews },
  endpoints: [pageViewSummaryEndpoint],
  fields: [
    { name: 'day', type: 'text', required: true, index: true, label: zhEn('日期', 'Day'), admin: { description: 'YYYY-MM-DD' } },
    {
      name: 'level',
      type: 'select',
      required: true,
      index: true,
      label: zhEn('层级', 'Level'),
      options: [
        { value: 'site', label: zhEn('网站', 'Site') },
        { value: 'column', label: zhEn('栏目', 'Column') },
        { value: 'article', label: zhEn('文章', 'Article') },
      ],
    },
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('网站', 'Site') },
    { name: 'column', type: 'relationship', relationTo: 'columns', index: true, label: zhEn('栏目', 'Column') },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: zhEn('文章', 'Article') },
    { name: 'instance', type: 'text', required: true, index: true, label: zhEn('服务进程', 'Server instance') },
    { name: 'count', type: 'number', required: true, defaultValue: 0, label: zhEn('访问量', 'Views') },
  ],
}
