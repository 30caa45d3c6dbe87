// Shared fixtures for the scorecard tests: a fixed "now" and a unit whose every data source
// exists and passes, so each test changes exactly the one fact it is about.
import {
  builtInIndicatorSet,
  evaluateOrganization,
  indexFindings,
  scanArticles,
  type ArticleText,
  type ColumnFacts,
  type IndicatorResult,
  type IndicatorSet,
  type OrganizationInput,
  type OrganizationKind,
  type ProbeSample,
  type TextScanState,
} from '../../src/scorecard'

export const AS_OF = new Date('2024-06-30T00:00:00Z')
const DAY = 86_400_000

export const daysAgo = (days: number) => new Date(AS_OF.getTime() - days * DAY).toISOString()

export const national = () => builtInIndicatorSet('national-2019')

export function column(id: number, category: ColumnFacts['category'], ageDays: number | null, extra: Partial<ColumnFacts> = {}): ColumnFacts {
  return {
    id,
    name: `${category}-${id}`,
    category,
    itemCount: ageDays === null ? 0 : 10,
    latestPublishedAt: ageDays === null ? null : daysAgo(ageDays),
    undatedCount: 0,
    ...extra,
  }
}

export function probes(siteId: number, total: number, bad: number, slowMs = 20_000): ProbeSample[] {
  // Spread over the last 7 days, bad ones first; a "bad" sample alternates slow and failed.
  return Array.from({ length: total }, (_, i) => {
    const at = new Date(AS_OF.getTime() - ((i + 0.5) * 7 * DAY) / total).toISOString()
    if (i >= bad) return { siteId, url: 'https://x.example/', at, ok: true, status: 200, durationMs: 300 }
    return i % 2 === 0
      ? { siteId, url: 'https://x.example/', at, ok: true, status: 200, durationMs: slowMs }
      : { siteId, url: 'https://x.example/', at, ok: false, status: 503, durationMs: 120 }
  })
}

export const COMPLETE_ELEMENTS = {
  itemName: true,
  legalBasis: true,
  conditions: true,
  materials: true,
  place: true,
  hours: true,
  phone: true,
  process: true,
}

export function cleanInput(id: number, name = `单位${id}`, kind: OrganizationKind = 'department'): OrganizationInput {
  const base = id * 100
  return {
    organization: { id, name, kind, hostingMode: 'own-site' },
    columns: [
      column(base + 1, 'news', 2, { onHomepage: true }),
      column(base + 2, 'notices', 30),
      column(base + 3, 'policy', 60),
      column(base + 4, 'profile', 200),
      column(base + 5, 'personnel', 100),
      column(base + 6, 'plans', 300),
      column(base + 7, 'interaction', null),
    ],
    site: {
      id,
      identificationCode: '4509000001',
      icp: '桂ICP备05000001号',
      publicSecurity: '桂公网安备 45090202000001号',
      hasSearchBox: true,
      hasErrorReportEntry: true,
    },
    probes: probes(id, 140, 0),
    serviceGuides: [{ id: base + 1, title: '办事指南A', elements: COMPLETE_ELEMENTS, onlineAvailable: true }],
    serviceStatisticsUpdatedAt: daysAgo(20),
    letters: [
      { id: base + 1, receivedAt: daysAgo(100), repliedAt: daysAgo(95) },
      { id: base + 2, receivedAt: daysAgo(20), repliedAt: daysAgo(15) },
    ],
    interactionChannel: { available: true },
    errorReports: [{ id: base + 1, reportedAt: daysAgo(50), resolvedAt: daysAgo(45) }],
    publicRatings: [],
    manualEntries: [],
  }
}

export function cleanArticle(id: number, organizationId: number, extra: Partial<ArticleText> = {}): ArticleText {
  return {
    id,
    organizationId,
    columnId: organizationId * 100 + 1,
    url: 'https://www.yulin.gov.cn/news/' + id + '.html',
    title: `文章${id}`,
    text: '玉林市人民政府召开常务会议，研究部署近期重点工作。',
    publishedAt: daysAgo(3),
    createdAt: daysAgo(3),
    images: [{ src: '/media/a.jpg', alt: '会议现场' }],
    links: [{ href: '/news/1.html' }],
    ...extra,
  }
}

export const INTERNAL_HOSTS = new Set(['www.yulin.gov.cn'])
export const knownUrl = (url: URL) => url.pathname === '/news/1.html' || url.pathname === '/'

export function fullScan(set: IndicatorSet, articles: ArticleText[]): TextScanState {
  return scanArticles(set, null, { upserted: articles }, { asOf: AS_OF, full: true, resolveInternalUrl: knownUrl, internalHosts: INTERNAL_HOSTS })
}

/** Evaluates one organization and returns one indicator's result. */
export function indicator(set: IndicatorSet, code: string, input: OrganizationInput, scan?: TextScanState): IndicatorResult {
  const findings = scan ? (indexFindings(scan).get(String(input.organization.id)) ?? new Map()) : undefined
  const result = evaluateOrganization(set, input, AS_OF, findings).indicators.find((r) => r.code === code)
  if (!result) throw new Error(`no indicator ${code} in ${set.code}`)
  return result
}
