// A small synthetic site group for the end-to-end tests: A is clean, B trips every veto item,
// C has a handful of deductions, D is a clean city portal with bonus points, E falls below 60.
import type { ArticleText, OrganizationInput } from '../../src/scorecard'
import { cleanArticle, cleanInput, column, COMPLETE_ELEMENTS, daysAgo, probes } from './fixtures'

const guide = (id: number, missing: string[]) => ({
  id,
  title: `指南${id}`,
  onlineAvailable: true,
  elements: Object.fromEntries(Object.keys(COMPLETE_ELEMENTS).map((k) => [k, !missing.includes(k)])),
})

export function syntheticGroup(): { inputs: OrganizationInput[]; articles: ArticleText[] } {
  const a = cleanInput(1, '甲局', 'department')

  const b = cleanInput(2, '乙局', 'department')
  b.columns = [
    ...[1, 2, 3, 4, 5].map((i) => column(200 + i, 'news', 20)),
    ...Array.from({ length: 10 }, (_, i) => column(210 + i, 'profile', 400)),
    ...[1, 2, 3, 4, 5].map((i) => column(220 + i, 'other', null)),
  ]
  b.probes = probes(2, 140, 14)
  b.interactionChannel = { available: false }
  b.letters = [{ id: 201, title: '噪音扰民', receivedAt: daysAgo(120), repliedAt: null }]
  b.serviceGuides = []
  b.manualEntries = [{ indicatorCode: 'V1.4', points: 1, reason: '首页被篡改未及时处置', enteredBy: '评估员王五' }]

  const c = cleanInput(3, '丙局', 'department')
  c.columns!.find((col) => col.category === 'policy')!.latestPublishedAt = daysAgo(200)
  c.serviceGuides = [guide(301, ['legalBasis', 'hours', 'phone']), guide(302, [])]
  c.site = { ...c.site!, hasSearchBox: false }
  c.errorReports = [{ id: 301, reportedAt: daysAgo(40), resolvedAt: null }]

  const d = cleanInput(4, '玉林市人民政府', 'city')
  d.manualEntries = [
    { indicatorCode: 'B1', points: 8, reason: '政策图解系列', enteredBy: '评估员' },
    { indicatorCode: 'B2', points: 5, reason: '在线访谈常态化', enteredBy: '评估员' },
  ]

  const e = cleanInput(5, '某县人民政府', 'county')
  e.columns = [
    column(501, 'news', 1, { onHomepage: true, undatedCount: 6 }),
    column(502, 'news', 30),
    column(503, 'news', 40),
    column(504, 'policy', 200),
    column(505, 'policy', 300),
  ]
  e.serviceGuides = [guide(501, ['legalBasis', 'conditions', 'materials', 'place', 'hours', 'phone', 'process', 'itemName']), guide(502, []), guide(503, [])]
  e.site = { id: 5, identificationCode: null, icp: null, publicSecurity: null, hasSearchBox: false, hasErrorReportEntry: false }
  e.letters = [
    { id: 501, receivedAt: daysAgo(80), repliedAt: daysAgo(70) },
    { id: 502, receivedAt: daysAgo(65), repliedAt: null },
  ]
  e.errorReports = [{ id: 501, reportedAt: daysAgo(45), resolvedAt: null }]
  e.manualEntries = [{ indicatorCode: 'B1', points: 5, reason: '不计入：基础分不足 80', enteredBy: '评估员' }]

  const articles = [
    cleanArticle(1001, 1),
    cleanArticle(2001, 2, { text: '副市常张三出席活动。' }),
    cleanArticle(2002, 2, { title: '网络赌场广告' }),
    cleanArticle(2003, 2, { publishedAt: new Date(Date.parse(daysAgo(0)) + 5 * 86_400_000).toISOString() }),
    cleanArticle(3001, 3, { images: [{ src: '/c1.jpg' }, { src: '/c2.jpg', alt: '' }] }),
    cleanArticle(4001, 4),
    cleanArticle(5001, 5),
  ]
  return { inputs: [a, b, c, d, e], articles }
}
