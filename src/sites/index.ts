/**
 * Public sites // 网站群前台: host → site routing, theme rendering, page cache, feeds, service
 * guides and visit statistics. Other code imports only from this file.
 */
export type * from './view-models'
export { loadThemes, ThemeError, type Theme, type ThemeAsset, type ThemeManifest, type ThemeRegistry } from './themes'
export { createRenderer, type Renderer } from './render'
export { lexicalToParagraphs, lexicalToSafeHtml, lexicalToText, sanitizeContentHtml, type RichTextOptions } from './richtext'
export { imageView, safeUrl, humanSize, type MediaDoc } from './images'
export { sitesConfig, vocabulary, type SitesConfig } from './settings'
export { parseRoute, parsePage, type Route } from './routes'
export { PageCache, buildResponse, sendResponse, type CachedResponse, type ViewKey } from './page-cache'
export { createLeanHandler, cacheKey, type LeanHandler } from './lean-handler'
export { GUIDE_ELEMENTS, missingGuideElements } from './guide-elements'
export { PageViewCounter, pageViewSummary, pageViewSummaryEndpoint, type PageViewSummary } from './page-views'
export { createPublicSites, type PublicSites, type PublicSitesOptions, type RequestHandler, type Logger } from './public-sites'
export { standalonePublicPages, type PublicPages, type CapabilityPage, type SiteRef, type SiteResolver } from './public-pages'
export { installedThemes, type InstalledTheme } from './theme-list'
export { themeChromeHtml } from './theme-features'
export { createPreviewToken, verifyPreviewToken, PreviewTokenError } from './preview'
export { ContentWatcher, onContentChange, PUBLIC_PAGE_COLLECTIONS, type ContentChange } from './invalidation'
export { tags as cacheTags } from './tags'
export {
  CAPABILITY_PATHS,
  isPathSegment,
  isReservedPath,
  isSiteCode,
  LOCAL_SITE_MOUNT,
  localPrefix,
  localUrl,
  NEXT_HANDOFF_PATHS,
  NEXT_HANDOFF_ROUTES,
  parseLocalPath,
  parseSiteStylePath,
  previewPath,
  RESERVED_PATHS,
  SITE_CODE_PATTERN,
  siteBase,
  sitePaths,
  siteStylePath,
  siteUrl,
  type AddressedSite,
  type SiteUrlOptions,
} from './addresses'
export { articleSearchSource, articleToSearchDocument, serviceGuideSearchSource, type SearchableArticle } from './search-sources'
export { loadSiteIndex, type SiteIndex, type SiteRecord, type ColumnRecord } from './site-index'
export { setPublicReadPath, publicReadPath, type ReadPath } from './fast-reads'
export { unitHome, unitHomeUrl, unitSectionOf, columnUnits, type UnitHome, type UnitSection } from './units'
export { RedirectTable, loadRedirectTable, redirectLocation, matchesPrefix, type RedirectRule, type RedirectSite, type RedirectTarget } from './redirects'
export { sitesPlugin, publicPageInvalidationPlugin } from './plugin'
