import type { CollectionConfig } from 'payload'
import { createItems, deleteItems, readItems, scorerOnlyField, updateItems } from './access'
import { guardItemStatus } from './hooks'
import { zhEn } from '../shared'

const machine = { readOnly: true }
const scorerOnly = { update: scorerOnlyField }

export const RECTIFICATION_STATUSES = ['open', 'in-progress', 'fixed-pending-recheck', 'closed'] as const

/** Rectification item // 整改事项: one failing piece of evidence a unit must fix by a deadline. */
export const RectificationItems: CollectionConfig = {
  slug: 'rectification-items',
  labels: { singular: zhEn('整改事项', 'Rectification item'), plural: zhEn('整改清单', 'Rectification list') },
  admin: {
    useAsTitle: 'message',
    defaultColumns: ['message', 'indicatorCode', 'organization', 'status', 'deadline', 'targetUrl'],
    group: zhEn('绩效考评', 'Scorecard'),
    description: zhEn(
      '打开“问题位置”修改内容，再把状态改为“已整改待复核”；下一次考评通过后自动销号。',
      'Open “Where to fix”, fix it, set the status to “fixed, pending recheck”; the next run closes it when it passes.',
    ),
  },
  defaultSort: 'deadline',
  access: { read: readItems, create: createItems, update: updateItems, delete: deleteItems },
  hooks: { beforeChange: [guardItemStatus] },
  fields: [
    { name: 'message', type: 'text', required: true, label: zhEn('问题', 'Problem'), access: scorerOnly, admin: machine },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      label: zhEn('状态', 'Status'),
      options: [
        { value: 'open', label: zhEn('待整改', 'Open') },
        { value: 'in-progress', label: zhEn('整改中', 'In progress') },
        { value: 'fixed-pending-recheck', label: zhEn('已整改待复核', 'Fixed, pending recheck') },
        { value: 'closed', label: zhEn('已销号', 'Closed') },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'note', type: 'textarea', label: zhEn('整改说明', 'Notes') },
    { name: 'deadline', type: 'date', index: true, label: zhEn('整改期限', 'Deadline'), access: scorerOnly, admin: { position: 'sidebar' } },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      label: zhEn('责任单位', 'Organization'),
      access: scorerOnly,
      admin: { ...machine, position: 'sidebar' },
    },
    {
      name: 'targetUrl',
      type: 'text',
      label: zhEn('问题位置', 'Where to fix'),
      access: scorerOnly,
      admin: { ...machine, components: { Cell: '/src/scorecard/admin/LinkCell#LinkCell' } },
    },
    { name: 'targetCollection', type: 'text', access: scorerOnly, admin: { ...machine, hidden: true } },
    { name: 'targetId', type: 'text', access: scorerOnly, admin: { ...machine, hidden: true } },
    { name: 'indicatorCode', type: 'text', index: true, label: zhEn('指标', 'Indicator'), access: scorerOnly, admin: machine },
    { name: 'indicatorName', type: 'text', label: zhEn('指标名称', 'Indicator name'), access: scorerOnly, admin: machine },
    { name: 'setCode', type: 'text', index: true, label: zhEn('指标体系', 'Indicator set'), access: scorerOnly, admin: machine },
    { name: 'key', type: 'text', index: true, access: scorerOnly, admin: { ...machine, hidden: true } },
    { name: 'evidenceKey', type: 'text', access: scorerOnly, admin: { ...machine, hidden: true } },
    { name: 'detail', type: 'json', label: zhEn('详情', 'Detail'), access: scorerOnly, admin: machine },
    { name: 'openedAt', type: 'date', label: zhEn('发现时间', 'Opened'), access: scorerOnly, admin: { ...machine, position: 'sidebar' } },
    {
      name: 'openedInRun',
      type: 'relationship',
      relationTo: 'evaluation-runs',
      label: zhEn('发现批次', 'Opened in run'),
      access: scorerOnly,
      admin: { ...machine, position: 'sidebar' },
    },
    {
      name: 'lastSeenInRun',
      type: 'relationship',
      relationTo: 'evaluation-runs',
      label: zhEn('最近复核批次', 'Last checked in run'),
      access: scorerOnly,
      admin: { ...machine, position: 'sidebar' },
    },
    { name: 'closedAt', type: 'date', label: zhEn('销号时间', 'Closed'), access: scorerOnly, admin: { ...machine, position: 'sidebar' } },
    {
      name: 'closedInRun',
      type: 'relationship',
      relationTo: 'evaluation-runs',
      label: zhEn('销号批次', 'Closed in run'),
      access: scorerOnly,
      admin: { ...machine, position: 'sidebar' },
    },
  ],
}
