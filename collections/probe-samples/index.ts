import type { CollectionConfig } from 'payload'
import { deleteProbeSamples, readProbeSamples, writeProbeSamples } from './access'
import { zhEn } from '../shared'

const ro = { readOnly: true }

/** Probe sample // 可用性监测记录: one request of a site's home page by the self-probe. */
export const ProbeSamples: CollectionConfig = {
  slug: 'probe-samples',
  labels: { singular: zhEn('可用性监测', 'Probe sample'), plural: zhEn('可用性监测', 'Probe samples') },
  admin: { useAsTitle: 'url', defaultColumns: ['site', 'at', 'ok', 'status', 'durationMs', 'error'], group: zhEn('绩效考评', 'Scorecard') },
  defaultSort: '-at',
  access: { read: readProbeSamples, create: writeProbeSamples, update: writeProbeSamples, delete: deleteProbeSamples },
  fields: [
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('网站', 'Site'), admin: ro },
    { name: 'url', type: 'text', required: true, label: zhEn('地址', 'URL'), admin: ro },
    { name: 'at', type: 'date', required: true, index: true, label: zhEn('时间', 'At'), admin: { ...ro, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'ok', type: 'checkbox', label: zhEn('成功', 'OK'), admin: ro },
    { name: 'status', type: 'number', label: zhEn('状态码', 'HTTP status'), admin: ro },
    { name: 'durationMs', type: 'number', label: zhEn('用时（毫秒）', 'Time (ms)'), admin: ro },
    { name: 'error', type: 'text', label: zhEn('错误', 'Error'), admin: ro },
    { name: 'searchBox', type: 'checkbox', label: zhEn('有站内搜索', 'Search box'), admin: ro },
    { name: 'errorReportEntry', type: 'checkbox', label: zhEn('有找错入口', 'Error-report entry'), admin: ro },
  ],
}
