import type { CollectionConfig } from 'payload'
import { deleteResults, readResults, writeResults } from './access'
import { zhEn } from '../shared'

const ro = { readOnly: true }

/** Evaluation result // 考评结果: one organization's scores in one run, with the evidence of every failure. */
export const EvaluationResults: CollectionConfig = {
  slug: 'evaluation-results',
  labels: { singular: zhEn('考评结果', 'Evaluation result'), plural: zhEn('考评结果', 'Evaluation results') },
  admin: {
    useAsTitle: 'organizationName',
    defaultColumns: ['organizationName', 'rank', 'total', 'status', 'vetoCodes', 'run'],
    group: zhEn('绩效考评', 'Scorecard'),
    description: zhEn('每次考评每个单位一条；证据中的链接指向需要修改的内容。', 'One per unit and run; evidence links lead to what must be fixed.'),
  },
  defaultSort: 'rank',
  access: { read: readResults, create: writeResults, update: writeResults, delete: deleteResults },
  fields: [
    { name: 'run', type: 'relationship', relationTo: 'evaluation-runs', required: true, index: true, label: zhEn('考评批次', 'Run'), admin: ro },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, label: zhEn('单位', 'Organization'), admin: ro },
    { name: 'organizationName', type: 'text', label: zhEn('单位名称', 'Organization name'), admin: ro },
    {
      name: 'organizationKind',
      type: 'select',
      index: true,
      label: zhEn('单位类型', 'Kind'),
      options: ['city', 'department', 'county', 'district', 'township'].map((value) => ({ value, label: value })),
      admin: ro,
    },
    { name: 'asOf', type: 'date', index: true, label: zhEn('考评时点', 'As of'), admin: ro },
    { name: 'rank', type: 'number', index: true, label: zhEn('名次', 'Rank'), admin: ro },
    {
      name: 'status',
      type: 'select',
      index: true,
      label: zhEn('结论', 'Result'),
      options: [
        { value: 'pass', label: zhEn('合格', 'Pass') },
        { value: 'fail', label: zhEn('不合格', 'Fail') },
        { value: 'vetoed', label: zhEn('单项否决', 'Vetoed') },
        { value: 'not-applicable', label: zhEn('不适用', 'Not applicable') },
      ],
      admin: ro,
    },
    { name: 'total', type: 'number', label: zhEn('总分', 'Total'), admin: ro },
    { name: 'baseScore', type: 'number', label: zhEn('基础分', 'Base score'), admin: ro },
    { name: 'bonus', type: 'number', label: zhEn('加分', 'Bonus'), admin: ro },
    { name: 'vetoCodes', type: 'text', label: zhEn('否决项', 'Veto items'), admin: ro },
    {
      name: 'areaDeductions',
      type: 'group',
      label: zhEn('分组扣分', 'Deductions per area'),
      admin: ro,
      fields: [
        { name: 'publishing', type: 'number', label: zhEn('发布解读', 'Publishing') },
        { name: 'services', type: 'number', label: zhEn('办事服务', 'Services') },
        { name: 'interaction', type: 'number', label: zhEn('互动交流', 'Interaction') },
        { name: 'functional', type: 'number', label: zhEn('功能设计', 'Functional design') },
      ],
    },
    {
      name: 'indicators',
      type: 'json',
      label: zhEn('各项指标与证据', 'Indicators and evidence'),
      admin: { ...ro, components: { Field: '/src/scorecard/admin/IndicatorsField#IndicatorsField' } },
    },
  ],
}
