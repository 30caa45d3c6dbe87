import type { CollectionConfig, Field } from 'payload'
import { interactionPolicy, letterActions, letterStatuses, satisfactionValues } from '../../src/interaction'
import { centralOnlyField, createLetters, deleteLetters, readLetters, updateLetters } from './access'
import { guardLetterWorkflow } from './hooks'
import { zhEn } from '../shared'
import { searchAfterChange, searchAfterDelete } from '../../src/search'

const readOnly = { readOnly: true }

const STATUS_LABELS: Record<string, [string, string]> = {
  received: ['已受理', 'Received'],
  dispatched: ['已交办', 'Dispatched'],
  'in-progress': ['办理中', 'In progress'],
  replied: ['已答复', 'Replied'],
  closed: ['已办结', 'Closed'],
  returned: ['退回待重新交办', 'Returned for redispatch'],
  rejected: ['不予受理', 'Rejected as invalid'],
}
const ACTION_LABELS: Record<string, [string, string]> = {
  dispatch: ['交办（市政府办）', 'Dispatch (central office)'],
  accept: ['签收办理', 'Accept'],
  reply: ['答复', 'Reply'],
  close: ['办结', 'Close'],
  return: ['退回', 'Return for redispatch'],
  reject: ['不予受理', 'Reject as invalid'],
  'request-transfer': ['申请转办', 'Request transfer'],
  'approve-transfer': ['批准转办（市政府办）', 'Approve transfer (central office)'],
  'deny-transfer': ['驳回转办（市政府办）', 'Deny transfer (central office)'],
  extend: ['申请延期（仅一次）', 'Extend deadline (once)'],
}

const historyFields: Field[] = [
  { name: 'action', type: 'text' },
  { name: 'from', type: 'text' },
  { name: 'to', type: 'text' },
  { name: 'by', type: 'relationship', relationTo: 'users' },
  { name: 'byName', type: 'text' },
  { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'note', type: 'textarea' },
  { name: 'organization', type: 'relationship', relationTo: 'organizations' },
]

/** Letter // 群众来信 (incl. 市长信箱): written by the public, handled by a unit within a working-day deadline. */
export const Letters: CollectionConfig = {
  slug: 'letters',
  // Personal data stays out of the audit log; the letter's own history records who did what.
  custom: {
    auditRedact: [
      'name',
      'phone',
      'email',
      'subject',
      'content',
      'reply',
      'command',
      'publicSubject',
      'publicContent',
      'publicReply',
      'queryCodeHash',
      'history',
    ],
  },
  labels: { singular: zhEn('来信', 'Letter'), plural: zhEn('群众来信', 'Letters') },
  defaultSort: 'deadline',
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'status', 'assignedOrganization', 'deadline', 'supervision.flag', 'receivedAt'],
    group: zhEn('互动交流', 'Interaction'),
    description: zhEn('按办理期限排序；在“办理操作”中选择操作并保存。', 'Sorted by deadline; choose an action under “Handle” and save.'),
  },
  access: { read: readLetters, create: createLetters, update: updateLetters, delete: deleteLetters },
  hooks: { beforeChange: [guardLetterWorkflow], afterChange: [searchAfterChange], afterDelete: [searchAfterDelete] },
  fields: [
    { name: 'subject', type: 'text', required: true, maxLength: interactionPolicy.limits.subjectMax, label: zhEn('标题', 'Subject'), admin: readOnly },
    {
      name: 'category',
      type: 'select',
      required: true,
      index: true,
      label: zhEn('类别', 'Category'),
      options: interactionPolicy.letterCategories.map((c) => ({ value: c.value, label: c.label })),
      admin: readOnly,
    },
    { name: 'content', type: 'textarea', required: true, maxLength: interactionPolicy.limits.contentMax, label: zhEn('内容', 'Content'), admin: readOnly },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, label: zhEn('姓名', 'Name'), admin: readOnly },
        { name: 'phone', type: 'text', required: true, label: zhEn('电话', 'Phone'), admin: readOnly },
        { name: 'email', type: 'text', label: zhEn('邮箱', 'E-mail'), admin: readOnly },
      ],
    },
    { name: 'publishable', type: 'checkbox', defaultValue: false, label: zhEn('来信人同意公开', 'Writer agrees to publication'), admin: readOnly },
    {
      name: 'route',
      type: 'select',
      required: true,
      defaultValue: 'site',
      label: zhEn('来信渠道', 'Route'),
      options: [
        { value: 'site', label: zhEn('部门网站', 'Unit site') },
        { value: 'mailbox', label: zhEn('市长信箱', "Mayor's mailbox") },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'site',
      type: 'relationship',
      relationTo: 'sites',
      required: true,
      index: true,
      label: zhEn('来信网站', 'Site'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'received',
      label: zhEn('状态', 'Status'),
      options: letterStatuses.map((s) => ({ value: s, label: zhEn(...STATUS_LABELS[s]) })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'assignedOrganization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('承办单位', 'Handling unit'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'receivedAt',
      type: 'date',
      required: true,
      index: true,
      label: zhEn('受理时间', 'Received'),
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'deadline',
      type: 'date',
      required: true,
      index: true,
      label: zhEn('办理期限', 'Deadline'),
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'extended', type: 'checkbox', defaultValue: false, label: zhEn('已延期', 'Extended'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'extensionReason', type: 'textarea', label: zhEn('延期理由', 'Extension reason'), admin: readOnly },
    {
      name: 'pendingTransfer',
      type: 'group',
      label: zhEn('待批转办申请', 'Pending transfer request'),
      admin: readOnly,
      fields: [
        { name: 'toOrganization', type: 'relationship', relationTo: 'organizations', label: zhEn('转至单位', 'To unit') },
        { name: 'reason', type: 'textarea', label: zhEn('理由', 'Reason') },
        { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: zhEn('申请人', 'Requested by') },
        { name: 'requestedAt', type: 'date', label: zhEn('申请时间', 'Requested at') },
      ],
    },
    {
      name: 'command',
      type: 'group',
      label: zhEn('办理操作', 'Handle'),
      admin: { description: zhEn('选择操作，填写答复或理由后保存。', 'Choose an action, write the reply or reason, then save.') },
      fields: [
        { name: 'action', type: 'select', label: zhEn('操作', 'Action'), options: letterActions.map((a) => ({ value: a, label: zhEn(...ACTION_LABELS[a]) })) },
        { name: 'toOrganization', type: 'relationship', relationTo: 'organizations', label: zhEn('交办/转办至', 'To unit') },
        { name: 'text', type: 'textarea', maxLength: interactionPolicy.limits.replyMax, label: zhEn('答复内容或理由', 'Reply or reason') },
      ],
    },
    { name: 'reply', type: 'textarea', maxLength: interactionPolicy.limits.replyMax, label: zhEn('答复', 'Reply'), admin: readOnly },
    {
      name: 'repliedAt',
      type: 'date',
      index: true,
      label: zhEn('答复时间', 'Replied at'),
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'repliedBy', type: 'relationship', relationTo: 'users', label: zhEn('答复人', 'Replied by'), admin: readOnly },
    { name: 'closedAt', type: 'date', label: zhEn('办结时间', 'Closed at'), admin: readOnly },
    { name: 'rejectionReason', type: 'textarea', label: zhEn('不予受理理由', 'Rejection reason'), admin: readOnly },
    {
      name: 'publication',
      type: 'group',
      label: zhEn('公开审核', 'Publication review'),
      fields: [
        { name: 'approved', type: 'checkbox', defaultValue: false, index: true, label: zhEn('批准公开（审核人员）', 'Approved for publication (reviewer)') },
        { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: readOnly, label: zhEn('审核人', 'Approved by') },
        { name: 'approvedAt', type: 'date', admin: readOnly, label: zhEn('审核时间', 'Approved at') },
      ],
    },
    {
      name: 'satisfaction',
      type: 'group',
      label: zhEn('来信人评价', "Writer's rating"),
      admin: readOnly,
      fields: [
        { name: 'value', type: 'select', options: satisfactionValues.map((v) => ({ value: v, label: v })), label: zhEn('满意度', 'Satisfaction') },
        { name: 'at', type: 'date', label: zhEn('评价时间', 'Rated at') },
      ],
    },
    {
      name: 'supervision',
      type: 'group',
      label: zhEn('督办（电子监察）', 'Supervision'),
      admin: readOnly,
      fields: [
        {
          name: 'flag',
          type: 'select',
          index: true,
          defaultValue: 'green',
          options: ['green', 'yellow', 'red'].map((v) => ({ value: v, label: v })),
          label: zhEn('预警', 'Flag'),
        },
        { name: 'remindedFlag', type: 'text', label: zhEn('已催办级别', 'Reminded for') },
        { name: 'remindedAt', type: 'date', label: zhEn('催办时间', 'Reminded at') },
      ],
    },
    { name: 'history', type: 'array', label: zhEn('办理记录', 'History'), admin: readOnly, fields: historyFields },
    // Masked copies for public pages and the search index (never the raw text).
    { name: 'publicSubject', type: 'text', admin: { hidden: true } },
    { name: 'publicContent', type: 'textarea', admin: { hidden: true } },
    { name: 'publicReply', type: 'textarea', admin: { hidden: true } },
    { name: 'queryCodeHash', type: 'text', required: true, unique: true, index: true, access: { read: centralOnlyField }, admin: { hidden: true } },
    { name: 'powNonce', type: 'text', unique: true, access: { read: centralOnlyField }, admin: { hidden: true } },
  ],
}
