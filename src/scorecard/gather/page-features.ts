import { themeChromeHtml } from '../../sites'

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
 * Before the first probe has read a page, the theme tells: the theme registry renders what the
 * theme puts around every page, and the same checks as for a probed page read it.
 */
export function themeFeatures(theme: string | null | undefined): PageFeatures {
  const name = theme ?? ''
  const cached = themeCache.get(name)
  if (cached) return cached
  const features = pageFeatures(themeChromeHtml(theme))
  themeCache.set(name, features)
  return features
}
