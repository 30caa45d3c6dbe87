import type { CollectionConfig } from 'payload'
import { interactionPolicy, ratingIndicators, ratingScale } from '../../src/interaction'
import { createRatings, deleteRatings, readRatings, updateRatings } from './access'
import { checkRatingScores } from './hooks'
import { zhEn } from '../shared'

/** Rating // 部门评议: one visitor's scores of a unit on the 10 indicators, at most one per visitor, unit and month. */
export const Ratings: CollectionConfig = {
  slug: 'ratings',
  custom: { auditRedact: ['visitorKey', 'comment'] },
  labels: { singular: zhEn('公众评议', 'Rating'), plural: zhEn('公众评议', 'Ratings') },
  defaultSort: '-createdAt',
  admin: { defaultColumns: ['organization', 'period', 'createdAt'], group: zhEn('互动交流', 'Interaction') },
  access: { read: readRatings, create: createRatings, update: updateRatings, delete: deleteRatings },
  hooks: { beforeValidate: [checkRatingScores] },
  fields: [
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, label: zhEn('被评单位', 'Unit') },
    {
      name: 'period',
      type: 'text',
      required: true,
      index: true,
      label: zhEn('月份', 'Month'),
      admin: { description: zhEn('YYYY-MM，北京时间', 'YYYY-MM, Beijing time') },
    },
    {
      name: 'scores',
      type: 'group',
      label: zhEn('评分', 'Scores'),
      fields: ratingIndicators.map((indicator) => ({
        name: indicator.key,
        type: 'number' as const,
        required: true,
        min: ratingScale.min,
        max: ratingScale.max,
        label: indicator.label,
      })),
    },
    { name: 'comment', type: 'textarea', maxLength: interactionPolicy.limits.ratingCommentMax, label: zhEn('意见', 'Comment') },
    { name: 'site', type: 'relationship', relationTo: 'sites', label: zhEn('评议网站', 'Site') },
    // HMAC of (address, user agent, unit, month): unique, so a repeat is refused by the database itself.
    { name: 'visitorKey', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'powNonce', type: 'text', unique: true, admin: { hidden: true } },
  ],
}
