import type { CollectionConfig } from 'payload'
import { vocabulary } from '../../src/sites'
import { createServiceGuides, deleteServiceGuides, readServiceGuides, updateServiceGuides } from './access'
import { checkGuideElements } from './hooks'
import { onVersions } from '../../src/access'
import { zhEn } from '../shared'
import { searchAfterChange, searchAfterDelete } from '../../src/search'

const httpUrl = (v: unknown) =>
  v === null || v === undefined || v === '' || (typeof v === 'string' && /^https?:\/\/[^\s"'<>]+$/i.test(v))
    ? true
    : '须为 http(s) 网址 / must be an http(s) URL'

/** ServiceGuide // 办事指南: one service item with the 8 elements the national indicators require. */
export const ServiceGuides: CollectionConfig = {
  slug: 'service-guides',
  labels: { singular: zhEn('办事指南', 'Service guide'), plural: zhEn('办事指南', 'Service guides') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'organization', 'elementsComplete', 'missingElements', '_status', 'updatedAt'],
    group: zhEn('内容', 'Content'),
    listSearchableFields: ['title'],
    description: zhEn(
      '要素不全的指南在“要素齐全”列显示为否，并列出缺少的要素。',
      'Guides missing any required element show “complete: no” and list what is missing.',
    ),
  },
  defaultSort: 'order',
  versions: { drafts: true, maxPerDoc: 20 },
  access: {
    read: readServiceGuides,
    create: createServiceGuides,
    update: updateServiceGuides,
    delete: deleteServiceGuides,
    readVersions: onVersions(updateServiceGuides),
  },
  hooks: { beforeChange: [checkGuideElements], afterChange: [searchAfterChange], afterDelete: [searchAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: zhEn('事项名称', 'Item name') },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, label: zhEn('实施主体', 'Owner organization') },
    { name: 'legalBasis', type: 'textarea', label: zhEn('设定依据', 'Legal basis') },
    { name: 'conditions', type: 'textarea', label: zhEn('申请条件', 'Conditions') },
    { name: 'materials', type: 'textarea', label: zhEn('申请材料', 'Required materials'), admin: { description: zhEn('每行一项', 'One per line') } },
    { name: 'process', type: 'textarea', label: zhEn('办理流程', 'Process'), admin: { description: zhEn('每行一步', 'One step per line') } },
    { name: 'place', type: 'text', label: zhEn('办理地点', 'Place') },
    { name: 'hours', type: 'text', label: zhEn('办理时间', 'Office hours') },
    { name: 'phone', type: 'text', label: zhEn('咨询电话', 'Phone') },
    { name: 'fees', type: 'text', label: zhEn('收费标准', 'Fees'), admin: { description: zhEn('留空表示不收费', 'Empty: free of charge') } },
    { name: 'timeLimit', type: 'text', label: zhEn('办理时限', 'Time limit') },
    { name: 'onlineUrl', type: 'text', label: zhEn('网上办理地址', 'Online application link'), validate: httpUrl },
    {
      name: 'topics',
      type: 'select',
      hasMany: true,
      index: true,
      label: zhEn('主题 / 人生事件', 'Topics / life events'),
      options: Object.entries(vocabulary.guideTopics).map(([value, label]) => ({ value, label })),
    },
    { name: 'order', type: 'number', defaultValue: 0, label: zhEn('排序', 'Order'), admin: { position: 'sidebar' } },
    {
      name: 'elementsComplete',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: zhEn('要素齐全', 'Elements complete'),
      admin: { readOnly: true, position: 'sidebar', description: zhEn('保存时自动检查 8 项要素', 'Checked on save against the 8 required elements') },
    },
    { name: 'missingElements', type: 'text', label: zhEn('缺少要素', 'Missing elements'), admin: { readOnly: true, position: 'sidebar' } },
  ],
}
