import type { CollectionConfig } from 'payload'
import { ROLES } from '../../src/access'
import { createUsers, deleteUsers, readUsers, siteAdminField, centralAdminField, updateUsers } from './access'
import { guardUserOrganization } from './hooks'
import { zhEn } from '../shared'

const ROLE_LABELS: Record<string, { zh: string; en: string }> = {
  'central-admin': zhEn('站群管理员', 'Central admin'),
  'site-admin': zhEn('网站管理员', 'Site admin'),
  editor: zhEn('编辑', 'Editor'),
  reviewer: zhEn('审核员', 'Reviewer'),
  'letter-handler': zhEn('信件办理员', 'Letter handler'),
  evaluator: zhEn('考评员', 'Evaluator'),
}

/** User // 用户: staff of an organization, with roles. */
export const Users: CollectionConfig = {
  slug: 'users',
  graphQL: { singularName: 'User', pluralName: 'Users' },
  labels: { singular: zhEn('用户', 'User'), plural: zhEn('用户', 'Users') },
  auth: { maxLoginAttempts: 5, lockTime: 15 * 60 * 1000, tokenExpiration: 8 * 60 * 60, useAPIKey: false },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'organization', 'roles'], group: zhEn('系统', 'System') },
  access: { read: readUsers, create: createUsers, update: updateUsers, delete: deleteUsers, admin: ({ req }) => Boolean(req.user) },
  hooks: { beforeChange: [guardUserOrganization] },
  fields: [
    { name: 'name', type: 'text', required: true, label: zhEn('姓名', 'Name') },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('所属单位', 'Organization'),
      access: { update: centralAdminField },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      label: zhEn('角色', 'Roles'),
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { update: siteAdminField, create: siteAdminField },
    },
  ],
}
