import type { CollectionConfig } from 'payload'
import { createSites, deleteSites, mayChangeSiteOwnership, readSites, updateSites } from './access'
import { normalizeDomains, refuseDeleteSiteWithColumns } from './hooks'
import { searchSiteAfterChange } from '../../src/search'
import { zhEn } from '../shared'
import { themeField } from './theme-field'

/** Site // 网站: a tenant of the site group, rendered by a shared theme. */
export const Sites: CollectionConfig = {
  slug: 'sites',
  graphQL: { singularName: 'Site', pluralName: 'Sites' },
  labels: { singular: zhEn('网站', 'Site'), plural: zhEn('网站', 'Sites') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'organization', 'theme', 'status'], group: zhEn('站群', 'Site group') },
  access: { read: readSites, create: createSites, update: updateSites, delete: deleteSites },
  // A site taken offline or archived leaves the search with its articles and letters, and comes back when active.
  hooks: { beforeChange: [normalizeDomains], afterChange: [searchSiteAfterChange], beforeDelete: [refuseDeleteSiteWithColumns] },
  fields: [
    { name: 'name', type: 'text', required: true, label: zhEn('网站名称', 'Name') },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: zhEn('网站代号', 'Code'),
      admin: { description: zhEn('用于 /s/<代号>/ 访问路径，小写字母、数字和连字符', 'Used in /s/<code>/; lowercase letters, digits, hyphens') },
      validate: (v: unknown) =>
        typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(v)
          ? true
          : '网站代号只能包含小写字母、数字和连字符 / code: lowercase letters, digits, hyphens',
    },
    {
      name: 'domains',
      type: 'array',
      label: zhEn('域名', 'Domains'),
      fields: [{ name: 'domain', type: 'text', required: true, index: true, label: zhEn('域名', 'Domain') }],
    },
    {
      name: 'identificationCode',
      type: 'text',
      required: true,
      unique: true,
      label: zhEn('网站标识码', 'Site identification code'),
      validate: (v: unknown) =>
        typeof v === 'string' && /^\d{10}$/.test(v) ? true : '网站标识码须为 10 位数字 / the site identification code must be 10 digits',
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      label: zhEn('主办单位', 'Organization'),
      access: { update: mayChangeSiteOwnership },
    },
    themeField,
    {
      name: 'status',
      type: 'select',
      defaultValue: 'active',
      index: true,
      label: zhEn('状态', 'Status'),
      options: [
        { value: 'active', label: zhEn('运行', 'Active') },
        { value: 'offline', label: zhEn('暂停', 'Offline') },
        { value: 'archived', label: zhEn('归档', 'Archived') },
      ],
    },
    {
      name: 'settings',
      type: 'group',
      label: zhEn('网站设置', 'Settings'),
      fields: [
        { name: 'logo', type: 'upload', relationTo: 'media', label: zhEn('标志', 'Logo') },
        { name: 'primaryColor', type: 'text', defaultValue: '#b3261e', label: zhEn('主色', 'Primary colour'), validate: hexColour },
        { name: 'accentColor', type: 'text', defaultValue: '#1f4e8c', label: zhEn('辅色', 'Accent colour'), validate: hexColour },
        { name: 'navigation', type: 'relationship', relationTo: 'columns', hasMany: true, label: zhEn('导航栏目', 'Navigation') },
        {
          name: 'footer',
          type: 'group',
          label: zhEn('页脚', 'Footer'),
          fields: [
            { name: 'sponsor', type: 'text', label: zhEn('主办单位', 'Sponsor') },
            { name: 'organizer', type: 'text', label: zhEn('承办单位', 'Organizer') },
            { name: 'icp', type: 'text', label: zhEn('ICP备案号', 'ICP filing number') },
            { name: 'publicSecurity', type: 'text', label: zhEn('公安备案号', 'Public security filing number') },
            { name: 'address', type: 'text', label: zhEn('地址', 'Address') },
            { name: 'phone', type: 'text', label: zhEn('电话', 'Phone') },
            { name: 'email', type: 'email', label: zhEn('邮箱', 'Email') },
          ],
        },
      ],
    },
  ],
}

function hexColour(v: unknown) {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v))
    ? true
    : '颜色须为 #RRGGBB / colour must be #RRGGBB'
}
