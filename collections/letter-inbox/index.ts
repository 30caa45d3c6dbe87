import type { CollectionConfig } from 'payload'
import { zhEn } from '../shared'
import { createLetterInbox, deleteLetterInbox, readLetterInbox, updateLetterInbox } from './access'
import { requeueRepairedEntry } from './hooks'

/**
 * Letter inbox // 来信收件箱: a public letter is acknowledged once it is durably stored here — one
 * narrow row, a few milliseconds — and promoted into a full letter (collections/letters) in the
 * background (src/interaction/letter-promotion.ts). Entries that cannot be promoted stay here as
 * "needs attention" with the reason, for the central office.
 *
 * The target site and organization are kept as plain ids, not relationships: if the site is
 * deleted before promotion, a relationship would be nulled (or block the deletion) and the entry
 * would no longer say where the letter was going.
 */
export const LetterInbox: CollectionConfig = {
  slug: 'letter-inbox',
  custom: { auditRedact: ['submission', 'queryCodeHash', 'powNonce', 'addressHash'] },
  labels: { singular: zhEn('收件箱来信', 'Inbox entry'), plural: zhEn('来信收件箱', 'Letter inbox') },
  defaultSort: 'receivedAt',
  admin: {
    useAsTitle: 'problem',
    defaultColumns: ['state', 'problem', 'route', 'targetSite', 'receivedAt', 'attempts'],
    group: zhEn('互动交流', 'Interaction'),
    description: zhEn(
      '已受理、尚未转为正式来信的信件。“需处理”的条目说明了原因：修正目标网站或单位后保存，系统会重新转入群众来信。',
      'Letters received but not yet turned into letters. Entries that need attention say why: correct the target site or unit and save, and they are promoted again.',
    ),
  },
  access: { read: readLetterInbox, create: createLetterInbox, update: updateLetterInbox, delete: deleteLetterInbox },
  hooks: { beforeChange: [requeueRepairedEntry] },
  fields: [
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      label: zhEn('状态', 'State'),
      options: [
        { value: 'pending', label: zhEn('待转入', 'Pending') },
        { value: 'needs-attention', label: zhEn('需处理', 'Needs attention') },
      ],
    },
    { name: 'problem', type: 'textarea', label: zhEn('问题', 'Problem'), admin: { readOnly: true } },
    { name: 'attempts', type: 'number', defaultValue: 0, label: zhEn('尝试次数', 'Attempts'), admin: { readOnly: true } },
    {
      name: 'route',
      type: 'select',
      required: true,
      label: zhEn('来信渠道', 'Route'),
      options: [
        { value: 'site', label: zhEn('部门网站', 'Unit site') },
        { value: 'mailbox', label: zhEn('市长信箱', "Mayor's mailbox") },
      ],
    },
    { name: 'targetSite', type: 'text', required: true, label: zhEn('来信网站 ID', 'Site id') },
    {
      name: 'targetOrganization',
      type: 'text',
      label: zhEn('承办单位 ID', 'Unit id'),
      admin: { description: zhEn('市长信箱来信为空，待交办。', "Empty for the mayor's mailbox until dispatched.") },
    },
    {
      name: 'receivedAt',
      type: 'date',
      required: true,
      index: true,
      label: zhEn('受理时间', 'Received'),
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'deadline',
      type: 'date',
      required: true,
      label: zhEn('办理期限', 'Deadline'),
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'submission', type: 'json', required: true, label: zhEn('来信内容（已校验）', 'Letter (validated)'), admin: { readOnly: true } },
    { name: 'queryCodeHash', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'powNonce', type: 'text', unique: true, admin: { hidden: true } },
    { name: 'addressHash', type: 'text', admin: { hidden: true } },
  ],
}
