import type { ThemeRegistry } from './themes'
import type { PageContext } from './view-models'

export interface Renderer {
  /** Renders a page with the site's theme, or the fallback theme when the site names one that does not exist. */
  render(context: PageContext): string
  themes: ThemeRegistry
}

export function createRenderer(themes: ThemeRegistry, fallbackTheme: string): Renderer {
  if (!themes.has(fallbackTheme)) throw new Error(`fallback theme "${fallbackTheme}" not found; available: ${themes.names().join(', ')}`)
  return {
    themes,
    render(context) {
      const name = themes.has(context.site.theme) ? context.site.theme : fallbackTheme
      return themes.get(name).render(context.page.type, context)
    },
  }
}
