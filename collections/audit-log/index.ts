import type { CollectionConfig } from 'payload'
import { readAuditLog, writeAuditLog } from './access'
import { refuseChange } from './hooks'
import { zhEn } from '../shared'
import { auditExportEndpoint } from '../../src/accounts'

/** Audit log // 审计日志: who changed what, when, from where. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  graphQL: { singularName: 'AuditEntry', pluralName: 'AuditLog' },
  labels: { singular: zhEn('审计日志', 'Audit entry'), plural: zhEn('审计日志', 'Audit log') },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'user', 'action', 'targetCollection', 'targetId', 'ip'],
    listSearchableFields: ['summary', 'action', 'targetCollection', 'targetId', 'ip'],
    group: zhEn('系统', 'System'),
    description: zhEn(
      '导出：/api/audit-log/export?from=2026-01-01&to=2026-01-31&user=&action=&collection=&format=csv|xlsx',
      'Export: /api/audit-log/export?from=2026-01-01&to=2026-01-31&user=&action=&collection=&format=csv|xlsx',
    ),
  },
  defaultSort: '-at',
  access: { read: readAuditLog, create: writeAuditLog, update: writeAuditLog, delete: writeAuditLog, readVersions: writeAuditLog },
  // Append-only even for trusted code: updates and deletes are refused whatever the access override.
  hooks: { beforeOperation: [refuseChange] },
  endpoints: [auditExportEndpoint],
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: zhEn('时间', 'When'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: zhEn('操作人', 'Who') },
    { name: 'ip', type: 'text', index: true, label: zhEn('来源地址', 'From') },
    { name: 'userAgent', type: 'text', label: zhEn('客户端', 'User agent') },
    { name: 'action', type: 'text', required: true, index: true, label: zhEn('操作', 'Action') },
    { name: 'targetCollection', type: 'text', index: true, label: zhEn('对象类型', 'Collection') },
    { name: 'targetId', type: 'text', index: true, label: zhEn('对象编号', 'Document') },
    { name: 'summary', type: 'text', label: zhEn('摘要', 'Summary') },
    { name: 'changes', type: 'json', label: zhEn('变更内容', 'Changes') },
  ],
}
