import type { CollectionConfig } from 'payload'
import { readRedirects, writeRedirects } from './access'
import { validateRedirect } from './hooks'
import { zhEn } from '../shared'

/**
 * Redirect // 永久跳转: an old address (a path on a site, archived sites included) that answers 301
 * with the page's new address. Written by mode switches; the public sites look them up where a
 * page would otherwise be missing (src/sites/redirects.ts).
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: zhEn('跳转', 'Redirect'), plural: zhEn('跳转', 'Redirects') },
  admin: { useAsTitle: 'fromPath', defaultColumns: ['site', 'fromPath', 'match', 'toUrl', 'statusCode', 'modeSwitch'], group: zhEn('站群', 'Site group') },
  access: { read: readRedirects, create: writeRedirects, update: writeRedirects, delete: writeRedirects },
  hooks: { beforeChange: [validateRedirect] },
  indexes: [{ fields: ['site', 'fromPath'], unique: true }],
  fields: [
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('原网站', 'From site') },
    {
      name: 'fromPath',
      type: 'text',
      required: true,
      index: true,
      label: zhEn('原路径', 'From path'),
      admin: { description: zhEn('网站内路径，以 / 开头', 'Site-relative, starting with /') },
    },
    {
      name: 'match',
      type: 'select',
      required: true,
      defaultValue: 'exact',
      label: zhEn('匹配方式', 'Match'),
      options: [
        { value: 'exact', label: zhEn('仅此路径', 'This path only') },
        { value: 'prefix', label: zhEn('此路径及其下所有路径', 'This path and everything below') },
      ],
    },
    { name: 'toSite', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('新网站', 'To site') },
    { name: 'toPath', type: 'text', required: true, label: zhEn('新路径', 'To path') },
    { name: 'toUrl', type: 'text', label: zhEn('新地址', 'New URL'), admin: { readOnly: true } },
    { name: 'statusCode', type: 'number', defaultValue: 301, label: zhEn('状态码', 'Status code'), admin: { readOnly: true } },
    { name: 'reason', type: 'text', label: zhEn('原因', 'Reason') },
    { name: 'modeSwitch', type: 'relationship', relationTo: 'mode-switches', index: true, label: zhEn('模式切换', 'Mode switch') },
  ],
}
