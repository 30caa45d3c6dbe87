import type { CollectionConfig } from 'payload'
import { isCentralAdmin } from '../../src/access'
import { createColumns, deleteColumns, readColumns, updateColumns } from './access'
import { refuseDeleteColumnInUse, updateDescendantPaths, validateColumnTree } from './hooks'
import { zhEn } from '../shared'

/** Column categories; each fixes how often the national indicators expect updates. */
export const COLUMN_CATEGORIES = [
  { value: 'news', label: zhEn('新闻动态', 'News') },
  { value: 'notices', label: zhEn('通知公告', 'Notices') },
  { value: 'policy', label: zhEn('政策文件', 'Policy documents') },
  { value: 'disclosure', label: zhEn('政府信息公开', 'Information disclosure') },
  { value: 'profile', label: zhEn('机构概况', 'Profile') },
  { value: 'personnel', label: zhEn('人事信息', 'Personnel') },
  { value: 'plans', label: zhEn('规划计划', 'Plans') },
  { value: 'interaction', label: zhEn('互动交流', 'Interaction') },
  { value: 'services', label: zhEn('办事服务', 'Services') },
  { value: 'other', label: zhEn('其他', 'Other') },
]

/** Column // 栏目: a node of a site's navigation tree, owned by an organization. */
export const Columns: CollectionConfig = {
  slug: 'columns',
  graphQL: { singularName: 'Column', pluralName: 'Columns' },
  labels: { singular: zhEn('栏目', 'Column'), plural: zhEn('栏目', 'Columns') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'path', 'site', 'category', 'ownerOrganization', 'order'], group: zhEn('站群', 'Site group') },
  defaultSort: 'order',
  access: { read: readColumns, create: createColumns, update: updateColumns, delete: deleteColumns },
  hooks: { beforeChange: [validateColumnTree], afterChange: [updateDescendantPaths], beforeDelete: [refuseDeleteColumnInUse] },
  fields: [
    { name: 'name', type: 'text', required: true, label: zhEn('栏目名称', 'Name') },
    {
      name: 'slug',
      type: 'text',
      required: true,
      label: zhEn('路径名', 'Slug'),
      validate: (v: unknown) =>
        typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(v) ? true : '路径名只能包含小写字母、数字和连字符 / slug: lowercase letters, digits, hyphens',
    },
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('所属网站', 'Site') },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'columns',
      index: true,
      label: zhEn('上级栏目', 'Parent'),
      filterOptions: ({ data }) => (data?.site ? { site: { equals: typeof data.site === 'object' ? data.site.id : data.site } } : true),
    },
    { name: 'path', type: 'text', index: true, label: zhEn('完整路径', 'Path'), admin: { readOnly: true } },
    { name: 'category', type: 'select', required: true, defaultValue: 'other', index: true, options: COLUMN_CATEGORIES, label: zhEn('栏目类别', 'Category') },
    {
      name: 'ownerOrganization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('维护单位', 'Owner organization'),
      // Handing a column to another unit is the central office's decision (it moves tenancy).
      access: { update: ({ req }) => isCentralAdmin(req.user) },
    },
    { name: 'order', type: 'number', defaultValue: 0, label: zhEn('排序', 'Order') },
    {
      name: 'visibility',
      type: 'select',
      defaultValue: 'public',
      label: zhEn('可见性', 'Visibility'),
      options: [
        { value: 'public', label: zhEn('在导航中显示', 'Shown in navigation') },
        { value: 'hidden', label: zhEn('不在导航中显示', 'Hidden from navigation') },
      ],
    },
    { name: 'description', type: 'textarea', label: zhEn('栏目说明', 'Description') },
  ],
}
