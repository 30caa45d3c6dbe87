/**
 * View models: the plain objects themes render. They hold display-ready strings (formatted
 * dates, absolute links, sanitised HTML) so templates stay logic-free and never see Payload
 * documents; the rendering layer can be tested without a database.
 */

export type PageType =
  | 'home'
  | 'column'
  | 'article'
  | 'catalogue'
  | 'guides'
  | 'guide'
  | 'sitemap'
  | 'not-found'
  | 'error'
  | 'directory'
  | 'unknown-host'
  | 'generic'
  | CapabilityPageType

/**
 * Pages of other capabilities, rendered from `view` (their models are described in docs/themes.md):
 * letters // 来信, ratings // 部门评议, error reports // 我为政府网站找错, search // 站内搜索.
 */
export type CapabilityPageType =
  'letter-form' | 'letter-received' | 'letter-track' | 'letter-status' | 'letters' | 'letter' | 'rating-form' | 'error-report' | 'notice' | 'search'

export interface LinkView {
  title: string
  href: string
  current?: boolean
}

export interface FooterView {
  sponsor: string // 主办单位
  organizer: string // 承办单位
  identificationCode: string // 网站标识码
  icp: string // ICP备案号
  publicSecurity: string // 公安备案号
  address: string
  phone: string
  email: string
}

/** Site // 网站, as a theme sees it. */
export interface SiteView {
  id: number | string
  code: string
  name: string
  theme: string
  /** Absolute origin plus path prefix, without trailing slash: `https://a.gov.cn` or `http://localhost:3000/s/a`. */
  baseUrl: string
  /** `''` on the site's own domain, `/s/<code>` for local access. */
  pathPrefix: string
  logo?: ImageView
  siteStyleUrl: string
  navigation: LinkView[]
  footer: FooterView
  organizationName: string
  organizationKind: string
}

export interface ImageView {
  src: string
  srcset: string
  sizes: string
  alt: string
  width?: number
  height?: number
  /** WebP `srcset` for a `<source type="image/webp">`, empty when no WebP sizes exist. */
  webpSrcset: string
}

export interface ArticleSummaryView {
  id: number | string
  title: string
  href: string
  publishedAt: string
  publishedDate: string // YYYY-MM-DD
  summary: string
  cover?: ImageView
  /** The other unit an item shared by reference comes from (来源), empty for the site's own articles. */
  source?: string
}

export interface ColumnSectionView {
  /** Unique within the page, for heading ids. */
  key: string
  title: string
  href: string
  category: string
  articles: ArticleSummaryView[]
}

export interface PaginationView {
  page: number
  pages: number
  total: number
  prevHref?: string
  nextHref?: string
  items: Array<{ n: number; href: string; current: boolean }>
}

/** Disclosure metadata // 政府信息公开目录元数据. */
export interface DisclosureView {
  indexNumber: string // 索引号
  publisher: string // 发布机构
  documentNumber: string // 文号
  topic: string // 主题分类
  writtenDate: string // 成文日期
  publishedDate: string // 发布日期
  validity: string // 有效性 (label)
}

export interface DisclosureEntryView extends DisclosureView {
  title: string
  href: string
}

export interface AttachmentView {
  title: string
  href: string
  size: string
}

export interface ArticleView {
  id: number | string
  title: string
  subtitle: string
  source: string
  author: string
  publishedAt: string
  publishedDate: string
  bodyHtml: string // sanitised
  cover?: ImageView
  attachments: AttachmentView[]
  disclosure?: DisclosureView
  column: LinkView
  isPreview: boolean
  views?: number
}

export interface FilterOptionView {
  value: string
  label: string
  selected: boolean
}

export interface CatalogueView {
  actionHref: string
  topics: FilterOptionView[]
  publishers: FilterOptionView[]
  years: FilterOptionView[]
  entries: DisclosureEntryView[]
  pagination: PaginationView
}

/** Service guide // 办事指南. */
export interface ServiceGuideView {
  id: number | string
  title: string // 事项名称
  href: string
  organization: string
  legalBasisHtml: string // 设定依据
  conditionsHtml: string // 申请条件
  materialsHtml: string // 申请材料
  processHtml: string // 办理流程
  place: string // 办理地点
  hours: string // 办理时间
  phone: string // 咨询电话
  fees: string // 收费标准
  timeLimit: string // 办理时限
  onlineUrl: string // 网上办理
  topics: string[]
  missing: string[]
}

export interface GuideGroupView {
  title: string
  guides: ServiceGuideView[]
}

export interface GuideCatalogueView {
  actionHref: string
  groupBy: 'organization' | 'topic'
  byOrganizationHref: string
  byTopicHref: string
  groups: GuideGroupView[]
  total: number
}

export interface SiteGroupView {
  kind: string
  label: string
  /** `host` names the site a portal-columns unit publishes on (its entry links to its section there). */
  sites: Array<{ name: string; code: string; href: string; domain: string; host?: string }>
}

/** A portal-columns unit's section // 部门栏目 on its host site: heading, own navigation, landing lists. */
export interface UnitSectionView {
  name: string
  shortName: string
  href: string
  navigation: LinkView[]
  /** On the landing page: the latest items of each sub-column. */
  sections: ColumnSectionView[]
  isLanding: boolean
}

export interface HomeView {
  headline?: ArticleSummaryView
  banner: ArticleSummaryView[]
  sections: ColumnSectionView[]
  /** The same sections, keyed by column category (news, notices, policy, …) for themes that place them. */
  byCategory: Record<string, ColumnSectionView>
  entrances: LinkView[]
  unitSites: SiteGroupView[]
  totalVisits: number
}

export interface ColumnPageView {
  title: string
  href: string
  children: LinkView[]
  siblings: LinkView[]
  articles: ArticleSummaryView[]
  pagination: PaginationView
  rssHref: string
}

export interface SitemapNodeView {
  title: string
  href: string
  children: SitemapNodeView[]
}

/** What every page carries besides its own content. */
export interface PageMeta {
  type: PageType
  title: string
  description: string
  canonicalUrl: string
  ogType: 'website' | 'article'
  ogImage?: string
  breadcrumbs: LinkView[]
  searchHref: string
  errorReportHref: string
  rssHref?: string
  robots?: string
}

export interface PageContext {
  site: SiteView
  page: PageMeta
  home?: HomeView
  column?: ColumnPageView
  article?: ArticleView
  catalogue?: CatalogueView
  guides?: GuideCatalogueView
  guide?: ServiceGuideView
  sitemap?: SitemapNodeView[]
  directory?: SiteGroupView[]
  /** Set on pages inside a portal-columns unit's subtree. */
  unit?: UnitSectionView
  message?: { heading: string; text: string; requestId?: string; host?: string }
  /** The view model of a capability's page (letters, ratings, error reports, search). */
  view?: object
  /** Safe HTML made where no template can be used (src/security's refusal page), for the `generic` page. */
  mainHtml?: string
}
