import type { Refusal } from './messages'

export type Id = number | string
/** 建站模式: an own site (Yulin model) or columns on a host site (Yuxi model, 办栏目). */
export type HostingMode = 'own-site' | 'portal-columns'
/** Stands for the site a switch to own-site will create, before it has an id. */
export const NEW_SITE = 'new-site'

export interface NewSiteOptions {
  code?: string
  domains?: string[]
  theme?: string
  name?: string
  /** 网站标识码 (10 digits); default: the next free code in the host site's region. */
  identificationCode?: string
}

export interface SwitchOptions {
  organization: Id
  to: HostingMode
  /** to portal-columns: the site that will hold the unit's columns (default: the group's portal). */
  hostSite?: Id
  /** to portal-columns: the column under which the unit's landing column goes (default: where other units' sections are, else the top level). */
  parentColumn?: Id | null
  /** to portal-columns: the landing column's slug (default: the unit's site code). */
  slug?: string
  /** to own-site: the site to create (default: the unit's archived site if it has one, else a new one named after the unit). */
  site?: NewSiteOptions
}

export interface ColumnMove {
  id: Id
  name: string
  fromPath: string
  toPath: string
  /** `landing` for the tops of an own site moving under the new landing column. */
  toParent: Id | null | 'landing'
}

export interface PlannedRedirect {
  siteId: Id
  fromPath: string
  match: 'exact' | 'prefix'
  toSiteId: Id
  toPath: string
  reason: string
}

export interface RedirectChange {
  id: Id
  siteId: Id
  fromPath: string
  action: 'retarget' | 'delete'
  toSiteId?: Id
  toPath?: string
}

export interface UrlChange {
  kind: 'home' | 'column' | 'rss' | 'article' | 'catalogue' | 'guides' | 'sitemap' | 'interaction'
  from: string
  to: string
}

export interface SiteSummary {
  id: Id
  code: string
  name: string
  domains: string[]
}

export interface ModeSwitchPlan {
  options: SwitchOptions
  ok: boolean
  refusals: Refusal[]
  organization: { id: Id; name: string; code: string }
  from: HostingMode
  to: HostingMode
  /** Where the unit's pages are now: a site and the path of the area on it (`''` = the whole site). */
  source?: { site: SiteSummary; root: string }
  /** Where they go. `site.id` is NEW_SITE when a site will be created. */
  target?: { site: SiteSummary; root: string }
  /** to portal-columns: the landing column to create; to own-site: the landing column to remove. */
  landing?: { id?: Id; name: string; slug: string; path: string; parentId: Id | null }
  /** to own-site: create this site, or reactivate the unit's archived one. */
  newSite?: { reactivate?: Id; code: string; name: string; domains: string[]; theme: string; identificationCode: string; footer: Record<string, string> }
  columns: ColumnMove[]
  counts: { columns: number; articles: number; versions: number; media: number; letters: number; serviceGuides: number }
  urls: UrlChange[]
  articleUrls: { total: number; sample: UrlChange[] }
  redirects: PlannedRedirect[]
  redirectChanges: RedirectChange[]
  plannedAt: string
}
