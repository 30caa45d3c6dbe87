import type { CollectionConfig } from 'payload'
import { createOrganizations, deleteOrganizations, readOrganizations, updateOrganizations } from './access'
import { checkOrganizationParent, refuseDeleteWhileInUse } from './hooks'

export const ORGANIZATION_KINDS = ['city', 'department', 'county', 'district', 'township'] as const
export const HOSTING_MODES = ['own-site', 'portal-columns'] as const

/** Organization // 单位: the accountable unit the scorecard ranks, however it publishes. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  graphQL: { singularName: 'Organization', pluralName: 'Organizations' },
  labels: { singular: { zh: '单位', en: 'Organization' }, plural: { zh: '单位', en: 'Organizations' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'kind', 'hostingMode', 'parent'], group: { zh: '站群', en: 'Site group' } },
  access: { read: readOrganizations, create: createOrganizations, update: updateOrganizations, delete: deleteOrganizations },
  hooks: { beforeChange: [checkOrganizationParent], beforeDelete: [refuseDeleteWhileInUse] },
  fields: [
    { name: 'name', type: 'text', required: true, label: { zh: '名称', en: 'Name' } },
    { name: 'shortName', type: 'text', label: { zh: '简称', en: 'Short name' } },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '机构代码', en: 'Code' },
      admin: { description: { zh: '统一社会信用代码，用作索引号前缀', en: 'Unified social credit code; prefix of disclosure index numbers' } },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[0-9A-Z]{6,18}$/.test(value) ? true : '机构代码须为 6–18 位数字或大写字母 / code must be 6–18 digits or capital letters',
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: { zh: '类型', en: 'Kind' },
      options: [
        { value: 'city', label: { zh: '市政府', en: 'City government' } },
        { value: 'department', label: { zh: '部门', en: 'Department' } },
        { value: 'county', label: { zh: '县（市）', en: 'County' } },
        { value: 'district', label: { zh: '区', en: 'District' } },
        { value: 'township', label: { zh: '乡镇（街道）', en: 'Township' } },
      ],
    },
    { name: 'parent', type: 'relationship', relationTo: 'organizations', index: true, label: { zh: '上级单位', en: 'Parent' } },
    {
      name: 'hostingMode',
      type: 'select',
      defaultValue: 'own-site',
      label: { zh: '建站模式', en: 'Hosting mode' },
      options: [
        { value: 'own-site', label: { zh: '独立网站（玉林模式）', en: 'Own site (Yulin model)' } },
        { value: 'portal-columns', label: { zh: '门户栏目（玉溪模式）', en: 'Portal columns (Yuxi model)' } },
      ],
    },
    {
      name: 'hostSite',
      type: 'relationship',
      relationTo: 'sites',
      label: { zh: '托管网站', en: 'Host site' },
      admin: { condition: (data) => data?.hostingMode === 'portal-columns' },
    },
    { name: 'order', type: 'number', defaultValue: 0, label: { zh: '排序', en: 'Order' } },
  ],
}
