// Synthetic inputs at Yulin scale for the scorecard benchmark: 160 organizations, per-column
// aggregates standing for 1,000,000 articles, 100,000 letters, a week of probes per site.
import type { ArticleText, ColumnFacts, OrganizationInput } from '../../src/scorecard'

const DAY = 86_400_000
const CATEGORIES: ColumnFacts['category'][] = [
  'news',
  'news',
  'news',
  'notices',
  'policy',
  'profile',
  'personnel',
  'plans',
  'interaction',
  'services',
  'disclosure',
  'other',
]

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export interface Scale {
  organizations: number
  columnsPerOrganization: number
  articles: number
  letters: number
}

export function syntheticInputs(scale: Scale, asOf: Date): OrganizationInput[] {
  const rand = random(42)
  const now = asOf.getTime()
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString()
  const articlesPerColumn = Math.round(scale.articles / (scale.organizations * scale.columnsPerOrganization))
  const lettersPerOrg = Math.round(scale.letters / scale.organizations)
  return Array.from({ length: scale.organizations }, (_, o) => {
    const id = o + 1
    const columns: ColumnFacts[] = Array.from({ length: scale.columnsPerOrganization }, (_, c) => {
      const blank = rand() < 0.02
      const category = CATEGORIES[c % CATEGORIES.length]!
      // news mostly within its 2 weeks, the rest within 4 months: a few stale columns per unit
      const age = category === 'news' ? rand() * 16 : rand() * 120
      return {
        id: id * 1000 + c,
        name: `栏目${c}`,
        category,
        itemCount: blank ? 0 : articlesPerColumn,
        latestPublishedAt: blank ? null : iso(age),
        undatedCount: rand() < 0.01 ? 1 : 0,
        onHomepage: c < 4,
      }
    })
    return {
      organization: { id, name: `单位${id}`, kind: id === 1 ? 'city' : id <= 8 ? 'county' : 'department' },
      columns,
      site: {
        id,
        identificationCode: '4509000001',
        icp: '桂ICP备05000001号',
        publicSecurity: '桂公网安备45090202000001号',
        hasSearchBox: true,
        hasErrorReportEntry: rand() > 0.1,
      },
      probes: Array.from({ length: 140 }, (_, p) => ({
        siteId: id,
        url: `https://u${id}.yulin.gov.cn/`,
        at: iso((p + 0.5) / 20),
        ok: rand() > 0.01,
        status: 200,
        durationMs: 200 + rand() * 1000,
      })),
      serviceGuides: Array.from({ length: 7 }, (_, g) => ({
        id: id * 100 + g,
        title: `事项${g}`,
        onlineAvailable: true,
        elements: {
          itemName: true,
          legalBasis: rand() > 0.05,
          conditions: true,
          materials: true,
          place: true,
          hours: rand() > 0.05,
          phone: true,
          process: true,
        },
      })),
      serviceStatisticsUpdatedAt: iso(rand() * 100),
      letters: Array.from({ length: lettersPerOrg }, (_, l) => {
        const received = rand() * 400
        // letters still open are recent ones (< 30 days); older ones were answered within 20 days
        const replyDays = received > 30 || rand() < 0.5 ? rand() * 20 : null
        return { id: id * 100_000 + l, receivedAt: iso(received), repliedAt: replyDays === null || replyDays > received ? null : iso(received - replyDays) }
      }),
      interactionChannel: { available: true },
      errorReports: Array.from({ length: 5 }, (_, r) => ({
        id: id * 100 + r,
        reportedAt: iso(rand() * 300),
        resolvedAt: rand() > 0.1 ? iso(rand() * 10) : null,
      })),
      manualEntries: [],
    }
  })
}

const CLEAN_SENTENCES = [
  '玉林市人民政府召开常务会议，研究部署近期重点工作。',
  '会议要求，各部门要切实履职尽责，确保各项任务落到实处。',
  '为进一步优化营商环境，我市出台若干措施。',
  '欢迎广大市民通过市长信箱反映意见建议。',
]
const TYPO_SENTENCE = '市长助里出席会议并讲话。'

/** Articles as the text scan sees them, generated one at a time so a million never sit in memory. */
export function* syntheticArticles(count: number, organizations: number, asOf: Date): Generator<ArticleText> {
  const rand = random(7)
  for (let i = 0; i < count; i++) {
    const organizationId = (i % organizations) + 1
    let text = ''
    // about one sentence in 500,000 carries the known typo (市长助里)
    for (let s = 0; s < 12; s++) text += rand() < 0.000002 ? TYPO_SENTENCE : CLEAN_SENTENCES[Math.floor(rand() * CLEAN_SENTENCES.length)]
    yield {
      id: i + 1,
      organizationId,
      columnId: organizationId * 1000 + (i % 60),
      url: `https://u${organizationId}.yulin.gov.cn/a/${i + 1}.html`,
      title: `文章${i + 1}`,
      text,
      publishedAt: new Date(asOf.getTime() - rand() * 300 * DAY).toISOString(),
      createdAt: undefined,
      images: [{ src: `/m/${i}.jpg`, alt: rand() > 0.02 ? '图片' : '' }],
      links: [{ href: `/a/${Math.floor(rand() * count) + 1}.html` }, { href: 'https://www.gov.cn/' }],
    }
  }
}
