/**
 * What a theme puts around every page, for readers that must know it before any page was served
 * (the scorecard's 站内搜索 search box and 我为政府网站找错 error-report checks). The registry
 * renders the page chrome (layout, header, navigation, footer) of a placeholder site, so a theme's
 * own partials override `_base`'s, and an unknown theme falls back, exactly as on a real page.
 */
import { createRenderer, type Renderer } from './render'
import { sitesConfig } from './settings'
import { loadThemes, type ThemeRegistry } from './themes'
import type { PageContext } from './view-models'

let installed: Renderer | undefined

function placeholderPage(theme: string): PageContext {
  const baseUrl = 'http://localhost/s/theme-sample'
  return {
    site: {
      id: 0,
      code: 'theme-sample',
      name: '示例网站',
      theme,
      baseUrl,
      pathPrefix: '/s/theme-sample',
      siteStyleUrl: '',
      navigation: [],
      footer: { sponsor: '', organizer: '', identificationCode: '', icp: '', publicSecurity: '', address: '', phone: '', email: '' },
      organizationName: '',
      organizationKind: '',
    },
    page: {
      type: 'generic',
      title: '示例网站',
      description: '',
      canonicalUrl: `${baseUrl}/`,
      ogType: 'website',
      breadcrumbs: [],
      searchHref: `${baseUrl}/search`,
      errorReportHref: `${baseUrl}/error-report`,
    },
    mainHtml: '',
  }
}

/**
 * The HTML a theme wraps every page in. `themes` defaults to the installed themes, loaded once from
 * the sites configuration's folder; an empty or unknown name renders the fallback theme.
 */
export function themeChromeHtml(theme: string | null | undefined, themes?: ThemeRegistry): string {
  const config = sitesConfig()
  const renderer = themes
    ? createRenderer(themes, config.fallbackTheme)
    : (installed ??= createRenderer(loadThemes(config.themesDir, config.baseTheme, { compiled: config.compiledTemplates }), config.fallbackTheme))
  return renderer.render(placeholderPage(theme || config.fallbackTheme))
}
