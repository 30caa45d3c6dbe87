import type { CollectionConfig } from 'payload'
import { readManualScores, writeManualScores } from './access'
import { checkManualScore } from './hooks'
import { zhEn } from '../shared'

/**
 * Manual score // 人工评分: an evaluator's figure for a manual indicator (security incidents,
 * bonuses …). The newest entry per unit and indicator applies to every later run of its set.
 */
export const ManualScores: CollectionConfig = {
  slug: 'manual-scores',
  labels: { singular: zhEn('人工评分', 'Manual score'), plural: zhEn('人工评分', 'Manual scores') },
  admin: {
    useAsTitle: 'indicatorCode',
    defaultColumns: ['organization', 'indicatorCode', 'points', 'reason', 'evaluatorName', 'enteredAt'],
    group: zhEn('绩效考评', 'Scorecard'),
    description: zhEn(
      '扣分项填扣分值，加分项填加分值，否决项填 1（否决）或 0（不否决）；必须填写理由。',
      'Deductions: points deducted; bonuses: points awarded; veto items: 1 (veto) or 0; a reason is required.',
    ),
  },
  defaultSort: '-enteredAt',
  access: { read: readManualScores, create: writeManualScores, update: writeManualScores, delete: writeManualScores },
  hooks: { beforeChange: [checkManualScore] },
  fields: [
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, label: zhEn('单位', 'Organization') },
    { name: 'setCode', type: 'text', index: true, defaultValue: 'national-2019', label: zhEn('指标体系代码', 'Indicator set code') },
    {
      name: 'indicatorCode',
      type: 'text',
      required: true,
      index: true,
      label: zhEn('指标编号', 'Indicator code'),
      admin: { description: zhEn('如 V1.4、B1', 'e.g. V1.4, B1') },
    },
    { name: 'points', type: 'number', required: true, min: 0, label: zhEn('分值', 'Points') },
    { name: 'reason', type: 'textarea', required: true, label: zhEn('理由', 'Reason') },
    { name: 'evaluator', type: 'relationship', relationTo: 'users', label: zhEn('考评员', 'Evaluator'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'evaluatorName', type: 'text', label: zhEn('考评员姓名', 'Evaluator name'), admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'enteredAt',
      type: 'date',
      index: true,
      label: zhEn('录入时间', 'Entered'),
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
