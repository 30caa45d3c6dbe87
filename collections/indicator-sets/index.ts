import type { CollectionConfig } from 'payload'
import { readIndicatorSets, writeIndicatorSets } from './access'
import { refuseDeleteUsedSet, validateIndicatorSet } from './hooks'
import { zhEn } from '../shared'

/** Indicator set // 考评指标体系: one version of a set, as the data src/scorecard validates. */
export const IndicatorSets: CollectionConfig = {
  slug: 'indicator-sets',
  labels: { singular: zhEn('考评指标体系', 'Indicator set'), plural: zhEn('考评指标体系', 'Indicator sets') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'version', 'active', 'updatedAt'],
    group: zhEn('绩效考评', 'Scorecard'),
    description: zhEn(
      '指标、阈值与分值都是数据；已被考评使用的版本不可修改，请复制为新版本。',
      'Indicators, thresholds and points are data; a version used by a run cannot change — copy it to a new version.',
    ),
  },
  access: { read: readIndicatorSets, create: writeIndicatorSets, update: writeIndicatorSets, delete: writeIndicatorSets },
  hooks: { beforeChange: [validateIndicatorSet], beforeDelete: [refuseDeleteUsedSet] },
  fields: [
    { name: 'name', type: 'text', label: zhEn('名称', 'Name'), admin: { readOnly: true, description: zhEn('取自数据', 'Taken from the data') } },
    { name: 'code', type: 'text', index: true, label: zhEn('代码', 'Code'), admin: { readOnly: true } },
    { name: 'version', type: 'text', index: true, label: zhEn('版本', 'Version'), admin: { readOnly: true } },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: zhEn('启用', 'Active'),
      admin: { position: 'sidebar', description: zhEn('定时考评使用该代码最新启用的版本', 'Scheduled runs use the newest active version of a code') },
    },
    { name: 'builtIn', type: 'checkbox', defaultValue: false, label: zhEn('内置', 'Built in'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'data', type: 'json', required: true, label: zhEn('指标数据', 'Set data') },
  ],
}
