import type { CollectionConfig } from 'payload'
import { ROLES } from '../../src/access'
import { createUsers, deleteUsers, readUsers, siteAdminField, centralAdminField, unlockUsers, updateUsers } from './access'
import { guardUserOrganization } from './hooks'
import { zhEn } from '../shared'
import {
  accountEndpoints,
  afterLogin,
  afterLogout,
  afterUnlock,
  auditPasswordChange,
  enforcePasswordPolicy,
  guardLogin,
  guardPasswordReset,
  sessionCookies,
  sessionStrategy,
  staticPolicy,
  uniformLoginErrors,
} from '../../src/accounts'
import { nobody } from '../../src/access'

// Written only by src/accounts through the database layer; no API reads or writes them.
const internal = { read: nobody, create: nobody, update: nobody }
const shownOnly = { create: nobody, update: nobody }

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
  // Lockout is enforced by src/accounts (per account and per address); Payload's own counter stays as the mirror the admin shows.
  auth: {
    maxLoginAttempts: staticPolicy.lockout.maxFailures,
    lockTime: staticPolicy.lockout.lockMinutes * 60_000,
    tokenExpiration: staticPolicy.session.tokenExpirationSeconds,
    useAPIKey: false,
    cookies: sessionCookies(),
    strategies: [sessionStrategy],
  },
  endpoints: accountEndpoints,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'organization', 'roles'], group: zhEn('系统', 'System') },
  access: { read: readUsers, create: createUsers, update: updateUsers, delete: deleteUsers, unlock: unlockUsers, admin: ({ req }) => Boolean(req.user) },
  hooks: {
    beforeOperation: [guardLogin, guardPasswordReset],
    beforeChange: [guardUserOrganization, enforcePasswordPolicy],
    afterChange: [auditPasswordChange],
    afterLogin: [afterLogin],
    afterLogout: [afterLogout],
    afterOperation: [afterUnlock],
    afterError: [uniformLoginErrors],
  },
  custom: { auditRedact: ['passwordHistory', 'sessionActivity', 'totpSecret', 'totpPendingSecret', 'totpRecoveryCodes'] },
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
    // Account security // 账号安全 (src/accounts)
    {
      name: 'mustChangePassword',
      type: 'checkbox',
      defaultValue: false,
      label: zhEn('下次登录须修改密码', 'Must change password at next login'),
      admin: { position: 'sidebar', description: zhEn('初始密码、管理员重置的密码须由本人修改', 'Set for initial and admin-reset passwords') },
      access: { update: siteAdminField, create: siteAdminField },
    },
    {
      name: 'passwordChangedAt',
      type: 'date',
      label: zhEn('密码修改时间', 'Password changed'),
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      access: shownOnly,
    },
    {
      name: 'totpEnabled',
      type: 'checkbox',
      defaultValue: false,
      label: zhEn('已启用双因素认证', 'Two-factor authentication on'),
      admin: { position: 'sidebar', readOnly: true },
      access: shownOnly,
    },
    { name: 'passwordHistory', type: 'json', hidden: true, access: internal },
    { name: 'sessionActivity', type: 'json', admin: { hidden: true }, access: internal },
    { name: 'totpSecret', type: 'text', hidden: true, access: internal },
    { name: 'totpPendingSecret', type: 'text', hidden: true, access: internal },
    { name: 'totpRecoveryCodes', type: 'json', hidden: true, access: internal },
    { name: 'totpLastStep', type: 'number', hidden: true, access: internal },
  ],
}
