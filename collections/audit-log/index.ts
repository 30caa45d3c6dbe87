import type { CollectionConfig } from 'payload'
import { readAuditLog, writeAuditLog } from './access'
import { zhEn } from '../shared'


/** Audit log // 审计日志: who changed what, when, from where. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  graphQL: { singularName: 'AuditEntry', pluralName: 'AuditLog' },
  labels: { singular: zhEn('审计日志', 'Audit entry'), plural: zhEn('审计日志', 'Audit log') },
  admin: { useAsTitle: 'summary', defaultColumns: ['at', 'user', 'action', 'targetCollection', 'targetId', 'ip'], group: zhEn('系统', 'System') },
  defaultSort: '-at',
  access: { read: readAuditLog, create: writeAuditLog, update: writeAuditLog, delete: writeAuditLog },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: zhEn('时间', 'When'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: zhEn('操作人', 'Who') },
    { name: 'ip', type: 'text', label: zhEn('来源地址', 'From') },
    { name: 'action', type: 'text', required: true, index: true, label: zhEn('操作', 'Action') },
    { name: 'targetCollection', type: 'text', index: true, label: zhEn('对象类型', 'Collection') },
    { name: 'targetId', type: 'text', index: true, label: zhEn('对象编号', 'Document') },
    { name: 'summary', type: 'text', label: zhEn('摘要', 'Summary') },
    { name: 'changes', type: 'json', label: zhEn('变更内容', 'Changes') },
  ],
}
