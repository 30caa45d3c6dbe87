// Plain-data inputs and outputs of the scorecard (考评). Everything here is serialisable, so the
// same inputs can come from the database (gather), from fixtures in tests, or from a benchmark.

export type Id = number | string

/** Where an editor fixes a problem: the admin links to /admin/collections/<collection>/<id>. */
export interface TargetRef {
  collection: string
  id: Id
}

export type ColumnCategory =
  // 栏目类别
  | 'news' // 动态、要闻
  | 'notices' // 通知公告
  | 'policy' // 政策文件
  | 'profile' // 机构概况
  | 'personnel' // 人事信息
  | 'plans' // 规划计划
  | 'interaction' // 互动交流
  | 'services' // 办事服务
  | 'disclosure' // 信息公开
  | 'other'

export type OrganizationKind = 'city' | 'department' | 'county' | 'district' | 'township'

export interface OrganizationFacts {
  // 单位
  id: Id
  name: string
  kind: OrganizationKind
  hostingMode?: 'own-site' | 'portal-columns'
}

/** One column (栏目) the organization owns, as a per-column aggregate: no articles are needed. */
export interface ColumnFacts {
  id: Id
  name: string
  category: ColumnCategory
  siteId?: Id
  path?: string
  /** Published items in the column. */
  itemCount: number
  /** Latest publish date among dated published items (ISO), null when none is dated. */
  latestPublishedAt: string | null
  /** Published items without a publish date (they count as "not updated"). */
  undatedCount?: number
  /** Shown on the site's (or the unit's) home page. */
  onHomepage?: boolean
}

/** What the incremental text scan records about one article with a problem. */
export interface ArticleFinding {
  indicatorCode: string
  organizationId: Id
  articleId: Id
  columnId?: Id
  title: string
  /** e.g. the term found, the image src, the broken href, the publish date. */
  detail: Record<string, string | number | null>
  /** How many deduction units this finding carries (e.g. 3 images without alt). */
  count: number
}

/** The input the text scan reads for one article (only articles changed since the last run). */
export interface ArticleText {
  id: Id
  organizationId: Id
  columnId?: Id
  /** URL of the article page, used to resolve relative links. */
  url?: string
  title: string
  /** Plain text of title + body (rich text flattened by gather). */
  text: string
  publishedAt: string | null
  createdAt?: string
  /** Imported from a legacy system: an old publish date is genuine, not backdated. */
  legacyImport?: boolean
  images: Array<{ src: string; alt?: string | null }>
  links: Array<{ href: string }>
}

export interface SiteFacts {
  // 网站
  id: Id
  name?: string
  homeUrl?: string
  identificationCode?: string | null // 网站标识码
  icp?: string | null // ICP备案号
  publicSecurity?: string | null // 公安备案号
  hasSearchBox?: boolean
  hasErrorReportEntry?: boolean // 我为政府网站找错
}

export interface ProbeSample {
  siteId: Id
  url: string
  at: string
  ok: boolean
  status: number | null
  durationMs: number
  error?: string
  /** What the probe saw on the page (search box, 找错 entry), when it inspected the body. */
  features?: { searchBox: boolean; errorReportEntry: boolean }
}

export const SERVICE_GUIDE_ELEMENTS = [
  'itemName', // 事项名称
  'legalBasis', // 设定依据
  'conditions', // 申请条件
  'materials', // 申请材料
  'place', // 办理地点
  'hours', // 办理时间
  'phone', // 咨询电话
  'process', // 办理流程
] as const
export type ServiceGuideElement = (typeof SERVICE_GUIDE_ELEMENTS)[number]

export interface ServiceGuideFacts {
  // 办事指南
  id: Id
  title: string
  /** Element → whether it is filled (gather decides "filled": non-empty after trimming). */
  elements: Partial<Record<ServiceGuideElement, boolean>>
  onlineAvailable?: boolean
}

export interface LetterFacts {
  // 来信
  id: Id
  title?: string
  receivedAt: string
  repliedAt: string | null
  /** Invalid letters (duplicates, abuse, out of scope) are not counted. */
  valid?: boolean
}

export interface ErrorReportFacts {
  // 我为政府网站找错
  id: Id
  reportedAt: string
  resolvedAt: string | null
  valid?: boolean
}

export interface PublicRatingFacts {
  // 公众评议
  indicator: string
  average: number
  votes: number
}

export interface ManualEntry {
  // 人工评分
  indicatorCode: string
  /** deduction: points deducted; bonus: points awarded; veto: 1 = vetoed, 0 = passed. */
  points: number
  reason: string
  enteredBy?: string
}

/**
 * All facts about one organization. An absent field means "this data source does not exist
 * (yet)": its indicators score not-applicable. An empty array means "exists, nothing in it".
 */
export interface OrganizationInput {
  organization: OrganizationFacts
  columns?: ColumnFacts[]
  site?: SiteFacts
  probes?: ProbeSample[]
  serviceGuides?: ServiceGuideFacts[]
  /** When service statistics (办事统计) were last published. */
  serviceStatisticsUpdatedAt?: string | null
  letters?: LetterFacts[]
  /** A working channel for questions and suggestions exists (letters open to the public). */
  interactionChannel?: { available: boolean; target?: TargetRef }
  errorReports?: ErrorReportFacts[]
  publicRatings?: PublicRatingFacts[]
  /** Own items submitted to other sites in the lookback window (信息报送), by current state. */
  submissions?: SubmissionFacts
  manualEntries?: ManualEntry[]
}

export interface SubmissionFacts {
  submitted: number
  accepted: number
  rejected: number
}

export interface Evidence {
  /** Stable within an indicator and organization: used to match rectification items across runs. */
  key: string
  message: string
  target: TargetRef
  detail?: Record<string, string | number | boolean | null>
}

export type CheckStatus = 'pass' | 'fail' | 'not-applicable'
