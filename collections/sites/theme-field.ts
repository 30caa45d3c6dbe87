import type { TextField } from 'payload'
import { installedThemes } from '../../src/sites'
import { zhEn } from '../shared'

// Read when the config is built: a theme folder added later appears after a restart.
const themes = installedThemes()
const names = themes.map((t) => t.name)

/**
 * The site's theme // 主题: one of the folders of themes/ (each with a theme.json). Stored as text and
 * offered as a choice in the admin (src/sites/admin/ThemeSelect.tsx), so adding a theme needs no
 * database migration.
 */
export const themeField: TextField = {
  name: 'theme',
  type: 'text',
  defaultValue: 'department',
  label: zhEn('主题', 'Theme'),
  admin: {
    description: zhEn('themes/ 下已安装的主题', 'A theme installed in themes/'),
    components: {
      Field: {
        path: '/src/sites/admin/ThemeSelect#ThemeSelect',
        clientProps: { options: themes.map((t) => ({ value: t.name, label: `${t.name} — ${t.description}` })) },
      },
    },
  },
  validate: (value: unknown) =>
    value == null || value === '' || names.includes(String(value))
      ? true
      : `未安装的主题“${String(value)}”；可选：${names.join('、')} (unknown theme "${String(value)}"; installed: ${names.join(', ')})`,
}
