import type { CollectionConfig } from 'payload'
import { placementEndpoints } from '../../src/sharing'
import { zhEn } from '../shared'
import { createPlacements, deletePlacements, otherUnitsColumns, ownPublishedArticles, readPlacements, updatePlacements } from './access'
import { guardPlacementChange, guardPlacementDelete } from './hooks'

const derived = { readOnly: true, position: 'sidebar' as const }

/**
 * Placement // 报送/推送记录: one article shown in one column of another site, by reference.
 * Submissions (信息报送) wait for the receiving unit; pushes (统一推送) are accepted at once.
 */
export const Placements: CollectionConfig = {
  slug: 'placements',
  graphQL: { singularName: 'Placement', pluralName: 'Placements' },
  labels: { singular: zhEn('报送信息', 'Placement'), plural: zhEn('报送与推送', 'Placements') },
  admin: {
    group: zhEn('信息报送', 'Sharing'),
    defaultColumns: ['article', 'state', 'kind', 'sourceOrganization', 'targetSite', 'targetColumn', 'submittedAt'],
    listSearchableFields: ['batch'],
    description: zhEn(
      '报送：选择本单位已发布的文章和其他网站的栏目，由接收单位审核员采用或退回。待审核：筛选“状态 = 待审核”且“接收单位 = 本单位”。',
      "Submission: choose one of your unit's published articles and another site's column; the receiving unit's reviewers accept or reject it. To review: filter State = Pending and Receiving unit = yours.",
    ),
  },
  defaultSort: '-submittedAt',
  indexes: [{ fields: ['targetColumn', 'state'] }, { fields: ['article', 'targetColumn'] }, { fields: ['kind', 'submittedAt'] }],
  access: { read: readPlacements, create: createPlacements, update: updatePlacements, delete: deletePlacements },
  hooks: { beforeChange: [guardPlacementChange], beforeDelete: [guardPlacementDelete] },
  endpoints: placementEndpoints,
  fields: [
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'submission', // set by the hooks; not required so GraphQL inputs may omit it
      index: true,
      label: zhEn('类型', 'Kind'),
      options: [
        { value: 'submission', label: zhEn('信息报送', 'Submission') },
        { value: 'push', label: zhEn('统一推送', 'Push') },
      ],
      admin: { position: 'sidebar', description: zhEn('统一推送仅限站群管理员', 'Push: central admins only') },
    },
    {
      name: 'state',
      type: 'select',
      defaultValue: 'pending', // set by the hooks
      index: true,
      label: zhEn('状态', 'State'),
      options: [
        { value: 'pending', label: zhEn('待审核', 'Pending') },
        { value: 'accepted', label: zhEn('已采用', 'Accepted') },
        { value: 'rejected', label: zhEn('已退回', 'Rejected') },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: zhEn('报送文章', 'Article'),
      filterOptions: ownPublishedArticles,
    },
    {
      name: 'targetColumn',
      type: 'relationship',
      relationTo: 'columns',
      required: true,
      index: true,
      label: zhEn('接收栏目', 'Receiving column'),
      filterOptions: otherUnitsColumns,
    },
    { name: 'note', type: 'textarea', label: zhEn('报送说明', 'Note to the receiver') },
    {
      name: 'rejectionReason',
      type: 'textarea',
      label: zhEn('退回原因', 'Reason for rejection'),
      admin: { description: zhEn('退回时必填', 'Required when rejecting') },
    },
    { name: 'sourceOrganization', type: 'relationship', relationTo: 'organizations', index: true, label: zhEn('报送单位', 'Submitting unit'), admin: derived },
    { name: 'sourceSite', type: 'relationship', relationTo: 'sites', label: zhEn('来源网站', 'Source site'), admin: derived },
    { name: 'targetSite', type: 'relationship', relationTo: 'sites', index: true, label: zhEn('接收网站', 'Receiving site'), admin: derived },
    { name: 'targetOrganization', type: 'relationship', relationTo: 'organizations', index: true, label: zhEn('接收单位', 'Receiving unit'), admin: derived },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', label: zhEn('报送人', 'Submitted by'), admin: derived },
    {
      name: 'submittedAt',
      type: 'date',
      index: true,
      label: zhEn('报送时间', 'Submitted at'),
      admin: { ...derived, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: zhEn('审核人', 'Decided by'), admin: derived },
    { name: 'decidedAt', type: 'date', label: zhEn('审核时间', 'Decided at'), admin: { ...derived, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'batch',
      type: 'text',
      index: true,
      label: zhEn('推送批次', 'Push batch'),
      admin: {
        ...derived,
        description: zhEn(
          '同一次推送的记录共用批次号；撤回推送：POST /api/placements/recall/<批次号>',
          'Placements of one push share it; recall: POST /api/placements/recall/<batch>',
        ),
      },
    },
  ],
}
