import type { CollectionConfig } from 'payload'
import { exportRunEndpoint } from '../../src/scorecard'
import { centralAdminOnlyAccess, readRuns, scorersOnly } from './access'
import { prepareRun, queueRun } from './hooks'
import { zhEn } from '../shared'

const machine = { readOnly: true, position: 'sidebar' as const }

/** Evaluation run // 考评批次: one evaluation of all units (or one) against one indicator-set version. */
export const EvaluationRuns: CollectionConfig = {
  slug: 'evaluation-runs',
  labels: { singular: zhEn('考评批次', 'Evaluation run'), plural: zhEn('考评批次', 'Evaluation runs') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'progress', 'scope', 'organizationCount', 'vetoedCount', 'asOf'],
    group: zhEn('绩效考评', 'Scorecard'),
    description: zhEn(
      '新建批次即排队考评（后台任务），进度显示在列表中；排名见“考评排名”。',
      'Creating a run queues its evaluation (a background job); progress shows in the list; see “Scorecard ranking” for results.',
    ),
  },
  defaultSort: '-createdAt',
  access: { read: readRuns, create: scorersOnly, update: centralAdminOnlyAccess, delete: centralAdminOnlyAccess },
  hooks: { beforeChange: [prepareRun], afterChange: [queueRun] },
  endpoints: [exportRunEndpoint],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: zhEn('名称', 'Title'),
      admin: { description: zhEn('如“2026 年 5 月月度考评”', 'e.g. “May 2026 monthly evaluation”') },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'all',
      label: zhEn('范围', 'Scope'),
      options: [
        { value: 'all', label: zhEn('全部单位', 'All organizations') },
        { value: 'organization', label: zhEn('单个单位', 'One organization') },
      ],
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('单位', 'Organization'),
      admin: { condition: (data) => data?.scope === 'organization' },
    },
    {
      name: 'indicatorSet',
      type: 'relationship',
      relationTo: 'indicator-sets',
      index: true,
      label: zhEn('指标体系版本', 'Indicator set version'),
      admin: { description: zhEn('留空：最新启用的全国指标', 'Empty: the newest active national set') },
    },
    {
      name: 'asOf',
      type: 'date',
      label: zhEn('考评时点', 'As of'),
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: zhEn('留空：开始运行的时刻', 'Empty: when the run starts') },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      index: true,
      label: zhEn('状态', 'Status'),
      options: [
        { value: 'queued', label: zhEn('排队中', 'Queued') },
        { value: 'running', label: zhEn('运行中', 'Running') },
        { value: 'done', label: zhEn('已完成', 'Done') },
        { value: 'failed', label: zhEn('失败', 'Failed') },
      ],
      admin: machine,
    },
    {
      name: 'progress',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 0,
      label: zhEn('进度 %', 'Progress %'),
      admin: { ...machine, components: { Field: '/src/scorecard/admin/ProgressField#ProgressField' } },
    },
    { name: 'stage', type: 'text', label: zhEn('当前步骤', 'Stage'), admin: machine },
    { name: 'setCode', type: 'text', index: true, label: zhEn('指标体系代码', 'Set code'), admin: machine },
    { name: 'setVersion', type: 'text', label: zhEn('指标体系版本号', 'Set version'), admin: machine },
    {
      name: 'trigger',
      type: 'select',
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: zhEn('手动', 'Manual') },
        { value: 'schedule', label: zhEn('定时', 'Scheduled') },
      ],
      label: zhEn('触发方式', 'Trigger'),
      admin: machine,
    },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: zhEn('发起人', 'Requested by'), admin: machine },
    { name: 'startedAt', type: 'date', label: zhEn('开始时间', 'Started'), admin: { ...machine, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', label: zhEn('完成时间', 'Finished'), admin: { ...machine, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'organizationCount', type: 'number', label: zhEn('参评单位', 'Organizations'), admin: { readOnly: true } },
    { name: 'passedCount', type: 'number', label: zhEn('合格', 'Passed'), admin: { readOnly: true } },
    { name: 'vetoedCount', type: 'number', label: zhEn('单项否决', 'Vetoed'), admin: { readOnly: true } },
    { name: 'failedCount', type: 'number', label: zhEn('不合格', 'Failed'), admin: { readOnly: true } },
    { name: 'rectificationOpened', type: 'number', label: zhEn('新增整改', 'Items opened'), admin: { readOnly: true } },
    { name: 'rectificationClosed', type: 'number', label: zhEn('销号整改', 'Items closed'), admin: { readOnly: true } },
    { name: 'textScanAt', type: 'date', label: zhEn('文本扫描时点', 'Text scan at'), admin: { readOnly: true } },
    {
      name: 'textScanMode',
      type: 'select',
      options: ['full', 'incremental'].map((value) => ({ value, label: value })),
      label: zhEn('文本扫描方式', 'Text scan mode'),
      admin: { readOnly: true },
    },
    { name: 'textScanArticles', type: 'number', label: zhEn('扫描文章数', 'Articles scanned'), admin: { readOnly: true } },
    { name: 'durationMs', type: 'number', label: zhEn('用时（毫秒）', 'Duration (ms)'), admin: { readOnly: true } },
    { name: 'error', type: 'textarea', label: zhEn('错误', 'Error'), admin: { readOnly: true, condition: (data) => Boolean(data?.error) } },
    // Findings of the incremental text scan (only articles with problems), continued by the next run.
    {
      name: 'scanState',
      type: 'json',
      admin: { hidden: true },
      access: { read: ({ req }) => Boolean(req.user && (req.user as { roles?: string[] }).roles?.includes('central-admin')) },
    },
  ],
}
