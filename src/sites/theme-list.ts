/**
 * The installed themes as the admin offers them (the sites collection's `theme` choice): every
 * folder of themes/ with a theme.json, read without loading templates, so a config can list them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import config from './config.json' with { type: 'json' }

export interface InstalledTheme {
  /** The folder name, which theme.json's `name` must equal (themes.ts refuses a theme otherwise). */
  name: string
  description: string
}

export function installedThemes(themesDir: string = config.themesDir, baseName: string = config.baseTheme): InstalledTheme[] {
  const root = resolve(/*turbopackIgnore: true*/ themesDir)
  if (!existsSync(root)) return []
  return readdirSync(root)
    .filter((entry) => entry !== baseName && existsSync(join(root, entry, 'theme.json')))
    .sort()
    .map((entry) => {
      try {
        const manifest = JSON.parse(readFileSync(join(root, entry, 'theme.json'), 'utf8')) as { name?: unknown; description?: unknown }
        return { name: entry, description: typeof manifest.description === 'string' ? manifest.description : entry }
      } catch {
        // A broken manifest is reported when the themes load; here the folder is still a choice.
        return { name: entry, description: entry }
      }
    })
}
