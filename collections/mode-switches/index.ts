import type { CollectionConfig } from 'payload'
import { modeSwitchEndpoints } from '../../src/hosting'
import { modeSwitchAccess, noManualWrites } from './access'
import { keepRecordMachineWritten } from './hooks'
import { zhEn } from '../shared'

const machine = { readOnly: true }

/**
 * Mode switch // 建站模式切换: one move of a unit between its own site and columns on a host
 * site, with its preview, progress and outcome. Started from the organization's switch panel
 * (or POST /api/mode-switches/switch-mode); each record is the log of one attempt.
 */
export const ModeSwitches: CollectionConfig = {
  slug: 'mode-switches',
  labels: { singular: zhEn('建站模式切换', 'Mode switch'), plural: zhEn('建站模式切换', 'Mode switches') },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['organization', 'from', 'to', 'state', 'progress', 'requestedBy', 'startedAt'],
    group: zhEn('站群', 'Site group'),
    components: { beforeList: ['/src/hosting/admin/SwitchPanel#SwitchPanel'] },
  },
  defaultSort: '-createdAt',
  access: { read: modeSwitchAccess, create: noManualWrites, update: noManualWrites, delete: noManualWrites },
  hooks: { beforeChange: [keepRecordMachineWritten] },
  endpoints: modeSwitchEndpoints,
  fields: [
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      label: zhEn('单位', 'Organization'),
      admin: machine,
    },
    { name: 'from', type: 'text', label: zhEn('原模式', 'From mode'), admin: machine },
    { name: 'to', type: 'text', label: zhEn('新模式', 'To mode'), admin: machine },
    {
      name: 'state',
      type: 'select',
      defaultValue: 'planned',
      index: true,
      label: zhEn('状态', 'State'),
      options: [
        { value: 'planned', label: zhEn('已预览', 'Planned') },
        { value: 'running', label: zhEn('进行中', 'Running') },
        { value: 'done', label: zhEn('已完成', 'Done') },
        { value: 'failed', label: zhEn('失败（已回滚）', 'Failed (rolled back)') },
      ],
      admin: machine,
    },
    { name: 'progress', type: 'number', min: 0, max: 100, defaultValue: 0, label: zhEn('进度 %', 'Progress %'), admin: machine },
    { name: 'summary', type: 'text', label: zhEn('摘要', 'Summary'), admin: machine },
    { name: 'error', type: 'textarea', label: zhEn('失败原因', 'Failure'), admin: machine },
    { name: 'plan', type: 'json', label: zhEn('预览', 'Preview'), admin: machine },
    { name: 'counts', type: 'json', label: zhEn('数量核对', 'Counts checked'), admin: machine },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: zhEn('操作人', 'Who'), admin: machine },
    { name: 'startedAt', type: 'date', label: zhEn('开始时间', 'Started'), admin: { ...machine, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', label: zhEn('完成时间', 'Finished'), admin: { ...machine, date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
