import type { GlobalConfig } from 'payload'
import { centralAdminOnly } from '../src/access'
import { zhEn } from '../collections/shared'


/** Group settings // 站群设置: facts of the whole site group. */
export const GroupSettings: GlobalConfig = {
  slug: 'group-settings',
  label: zhEn('站群设置', 'Group settings'),
  admin: { group: zhEn('站群', 'Site group') },
  access: { read: () => true, update: centralAdminOnly },
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
  ],
}
