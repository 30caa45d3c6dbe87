import type { GlobalConfig } from 'payload'
import { centralAdminOnly } from '../src/access'
import { zhEn } from '../collections/shared'
import { forgetAccountPolicy, staticPolicy } from '../src/accounts'

/** Group settings // 站群设置: facts of the whole site group. */
export const GroupSettings: GlobalConfig = {
  slug: 'group-settings',
  label: zhEn('站群设置', 'Group settings'),
  admin: { group: zhEn('站群', 'Site group') },
  access: { read: () => true, update: centralAdminOnly },
  hooks: { afterChange: [() => forgetAccountPolicy()] },
  fields: [
    { name: 'name', type: 'text', required: true, defaultValue: '政府网站群', label: zhEn('站群名称', 'Name') },
    { name: 'preset', type: 'text', label: zhEn('初始化预设', 'Preset'), admin: { readOnly: true } },
    {
      name: 'defaultHostingMode',
      type: 'select',
      defaultValue: 'own-site',
      label: zhEn('新单位默认建站模式', 'Default hosting mode for new units'),
      options: [
        { value: 'own-site', label: zhEn('独立网站（玉林模式）', 'Own site (Yulin model)') },
        { value: 'portal-columns', label: zhEn('门户栏目（玉溪模式）', 'Portal columns (Yuxi model)') },
      ],
    },
    { name: 'portalSite', type: 'relationship', relationTo: 'sites', label: zhEn('门户网站', 'Portal site') },
    { name: 'baseDomain', type: 'text', label: zhEn('主域名', 'Base domain'), admin: { description: zhEn('如 yulin.gov.cn', 'e.g. yulin.gov.cn') } },
    {
      // Accounts // 账号安全: overrides of src/accounts/policy.json; blank keeps the default.
      name: 'accounts',
      type: 'group',
      label: zhEn('账号安全', 'Account security'),
      access: { read: centralAdminOnly },
      fields: [
        {
          name: 'passwordMinLength',
          type: 'number',
          min: 8,
          max: 128,
          label: zhEn('密码最短长度', 'Minimum password length'),
          admin: { placeholder: String(staticPolicy.password.minLength) },
        },
        {
          name: 'passwordExpiryDays',
          type: 'number',
          min: 0,
          max: 3650,
          label: zhEn('密码有效期（天，0 为不过期）', 'Password expiry (days, 0 = never)'),
          admin: { placeholder: String(staticPolicy.password.expiryDays) },
        },
        {
          name: 'idleTimeoutMinutes',
          type: 'number',
          min: 0,
          max: 1440,
          label: zhEn('空闲超时（分钟，0 为不限）', 'Idle timeout (minutes, 0 = none)'),
          admin: { placeholder: String(staticPolicy.session.idleTimeoutMinutes) },
        },
        {
          name: 'requireTotpForCentralAdmins',
          type: 'checkbox',
          label: zhEn('站群管理员必须启用双因素认证', 'Central admins must use two-factor authentication'),
        },
      ],
    },
  ],
}
