import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sitesConfig } from '../../sites'

/** What the scorecard looks for on a site's home page (站内搜索, 我为政府网站找错). */
export interface PageFeatures {
  searchBox: boolean
  errorReportEntry: boolean
}

const SEARCH_FORM = /<form\b[^>]*\brole\s*=\s*["']?search|<input\b[^>]*\btype\s*=\s*["']?search/i
const ERROR_REPORT_ENTRY = /我为政府网站找错/

/** Features of a rendered home page (the self-probe reads the page anyway). */
export function pageFeatures(html: string): PageFeatures {
  return { searchBox: SEARCH_FORM.test(html), errorReportEntry: ERROR_REPORT_ENTRY.test(html) }
}

const themeCache = new Map<string, PageFeatures>()

/**
 * Before the first probe has read a page, the theme's templates tell: a theme's own partials
 * override the base theme's, so the first file found of each name is the one rendered.
 */
export function themeFeatures(theme: string | null | undefined): PageFeatures {
  const config = sitesConfig()
  const name = theme || config.fallbackTheme
  const cached = themeCache.get(name)
  if (cached) return cached
  const read = (file: string) => {
    for (const dir of [name, config.baseTheme]) {
      const candidate = path.resolve(config.themesDir, dir, 'partials', file)
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8')
    }
    return ''
  }
  const features = pageFeatures(`${read('header.liquid')}\n${read('footer.liquid')}`)
  themeCache.set(name, features)
  return features
}
