import type { CollectionConfig } from 'payload'
import { interactionPolicy } from '../../src/interaction'
import { createErrorReports, deleteErrorReports, readErrorReports, updateErrorReports } from './access'
import { guardErrorReport } from './hooks'
import { zhEn } from '../shared'

/** Error report // 我为政府网站找错: a visitor's report about a page, routed to the unit that owns it. */
export const ErrorReports: CollectionConfig = {
  slug: 'error-reports',
  custom: { auditRedact: ['name', 'phone', 'email', 'description'] },
  labels: { singular: zhEn('网站找错', 'Error report'), plural: zhEn('我为政府网站找错', 'Error reports') },
  defaultSort: 'deadline',
  admin: { useAsTitle: 'pageUrl', defaultColumns: ['pageUrl', 'kind', 'organization', 'status', 'deadline'], group: zhEn('互动交流', 'Interaction') },
  access: { read: readErrorReports, create: createErrorReports, update: updateErrorReports, delete: deleteErrorReports },
  hooks: { beforeChange: [guardErrorReport] },
  fields: [
    {
      name: 'pageUrl',
      type: 'text',
      required: true,
      maxLength: interactionPolicy.limits.urlMax,
      label: zhEn('出错页面', 'Page URL'),
      admin: { readOnly: true },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: zhEn('错误类型', 'Kind'),
      options: interactionPolicy.errorReportKinds.map((k) => ({ value: k.value, label: k.label })),
      admin: { readOnly: true },
    },
    {
      name: 'description',
      type: 'textarea',
      required: true,
      maxLength: interactionPolicy.limits.errorDescriptionMax,
      label: zhEn('问题描述', 'Description'),
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: zhEn('姓名', 'Name'), admin: { readOnly: true } },
        { name: 'phone', type: 'text', label: zhEn('电话', 'Phone'), admin: { readOnly: true } },
        { name: 'email', type: 'text', label: zhEn('邮箱', 'E-mail'), admin: { readOnly: true } },
      ],
    },
    { name: 'site', type: 'relationship', relationTo: 'sites', index: true, label: zhEn('网站', 'Site'), admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('责任单位', 'Owning unit'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'new',
      label: zhEn('状态', 'Status'),
      options: [
        { value: 'new', label: zhEn('待处理', 'New') },
        { value: 'in-progress', label: zhEn('处理中', 'In progress') },
        { value: 'resolved', label: zhEn('已解决', 'Resolved') },
        { value: 'rejected', label: zhEn('不予采纳', 'Rejected') },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'receivedAt', type: 'date', required: true, index: true, label: zhEn('收到时间', 'Received'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'deadline', type: 'date', required: true, index: true, label: zhEn('处理期限', 'Deadline'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'resolvedAt', type: 'date', label: zhEn('处理完成时间', 'Resolved at'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'resolution', type: 'textarea', label: zhEn('处理说明', 'Resolution') },
    {
      name: 'history',
      type: 'array',
      admin: { readOnly: true },
      label: zhEn('处理记录', 'History'),
      fields: [
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text' },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'at', type: 'date' },
        { name: 'note', type: 'textarea' },
      ],
    },
    { name: 'powNonce', type: 'text', unique: true, admin: { hidden: true } },
  ],
}
