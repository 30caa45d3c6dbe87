/**
 * Public sites // 网站群前台: host → site routing, theme rendering, page cache, feeds, service
 * guides and visit statistics. Other code imports only from this file.
 */
export type * from './view-models'
export { loadThemes, ThemeError, type Theme, type ThemeAsset, type ThemeManifest, type ThemeRegistry } from './themes'
export { createRenderer, type Renderer } from './render'
export { lexicalToSafeHtml, lexicalToText, sanitizeContentHtml, type RichTextOptions } from './richtext'
export { imageView, safeUrl, humanSize, type MediaDoc } from './images'
export { sitesConfig, vocabulary, type SitesConfig } from './settings'
export { parseRoute, parsePage, type Route } from './routes'
export { PageCache, buildResponse, sendResponse, type CachedResponse, type ViewKey } from './page-cache'
export { createLeanHandler, cacheKey, type LeanHandler } from './lean-handler'
export { GUIDE_ELEMENTS, missingGuideElements } from './guide-elements'
export { PageViewCounter, pageViewSummary, pageViewSummaryEndpoint, type PageViewSummary } from './page-views'
export { createPublicSites, type PublicSites, type PublicSitesOptions, type RequestHandler, type Logger } from './public-sites'
export { createPreviewToken, verifyPreviewToken, PreviewTokenError } from './preview'
export { ContentWatcher, attachChangeHooks, type ContentChange } from './invalidation'
export { tags as cacheTags } from './tags'
export { loadSiteIndex, type SiteIndex, type SiteRecord, type ColumnRecord } from './site-index'
export { setPublicReadPath, publicReadPath, type ReadPath } from './fast-reads'
export { unitHome, unitHomeUrl, unitSectionOf, columnUnits, type UnitHome, type UnitSection } from './units'
export { RedirectTable, loadRedirectTable, redirectLocation, matchesPrefix, type RedirectRule, type RedirectSite, type RedirectTarget } from './redirects'
