// Generated government-style Chinese corpus for the search contract tests and benchmark:
// template-heavy phrases (a worst case for common terms), local place names, document
// numbers with 〔〕, a little English, deterministic from a seed. Streams, so 1M documents
// never sit in memory at once.
import type { DocumentType, SearchDocument } from '../../src/search/index'

const COUNTIES = ['玉州区', '福绵区', '容县', '陆川县', '博白县', '兴业县', '北流市']
const TOWNS = ['民安镇', '大里镇', '石南镇', '沙田镇', '城西街道', '名山街道', '六靖镇', '清湖镇']
const DEPARTMENTS = [
  '教育局',
  '财政局',
  '民政局',
  '人力资源和社会保障局',
  '卫生健康委员会',
  '住房和城乡建设局',
  '生态环境局',
  '交通运输局',
  '农业农村局',
  '市场监督管理局',
  '医疗保障局',
  '自然资源局',
  '水利局',
  '商务局',
  '文化广电体育和旅游局',
  '应急管理局',
  '统计局',
  '审计局',
  '司法局',
  '公安局',
]
const TOPICS = [
  '低保',
  '医保',
  '社会保障',
  '医疗保险',
  '社保',
  '营商环境',
  '乡村振兴',
  '安全生产',
  '防汛抗旱',
  '疫情防控',
  '义务教育',
  '住房公积金',
  '不动产登记',
  '养老服务',
  '就业创业',
  '食品安全',
  '生态保护',
  '项目建设',
  '招商引资',
  '政务公开',
]
const VERBS = ['开展', '推进', '落实', '部署', '召开', '组织', '加强', '深化', '完善', '启动']
const PHRASES = [
  '为深入贯彻落实党中央、国务院决策部署',
  '根据上级有关文件精神，结合我市实际',
  '进一步提高服务质量和办事效率',
  '切实保障人民群众合法权益',
  '各级各部门要高度重视，加强组织领导',
  '确保各项工作任务按时完成',
  '现将有关事项通知如下',
  '请各单位认真贯彻执行',
  '会议强调，要坚持以人民为中心的发展思想',
  '扎实做好各项工作，推动经济社会高质量发展',
  '广大群众可通过政务服务网站在线办理',
  '咨询电话：0775-2821234',
]
const ENGLISH = ['Yulin', 'online service', 'WiFi', 'APP', 'PDF', 'GDP', 'ISO9001', 'E-mail']
const TYPES: DocumentType[] = ['article', 'article', 'article', 'article', 'page', 'disclosure', 'service-guide', 'letter']
const COLUMNS = ['工作动态', '通知公告', '政策文件', '政府信息公开', '办事指南', '互动交流']

/** A paragraph ends at the first full stop after this many characters: about five paragraphs in a 946-character body. */
const PARAGRAPH_LENGTH = 150

/** mulberry32: small, fast, reproducible. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface CorpusSite {
  code: string
  name: string
  organization: string
  organizationName: string
}

/** 160 sites: the portal, county sites and department sites, each with its own organization. */
export function corpusSites(count = 160): CorpusSite[] {
  const sites: CorpusSite[] = [{ code: 'yulin', name: '中国玉林', organization: 'ORG000', organizationName: '玉林市人民政府' }]
  for (let i = 1; i < count; i++) {
    const county = COUNTIES[i % COUNTIES.length]!
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!
    const name = i < COUNTIES.length ? `${county}人民政府` : `${i % 3 === 0 ? county : '玉林市'}${department}`
    sites.push({ code: `site-${String(i).padStart(3, '0')}`, name, organization: `ORG${String(i).padStart(3, '0')}`, organizationName: name })
  }
  return sites
}

export interface CorpusOptions {
  count: number
  seed?: number
  sites?: CorpusSite[]
  /** Average body length in characters (research corpus: 946). */
  bodyLength?: number
  startYear?: number
  endYear?: number
}

export function* generateCorpus(options: CorpusOptions): Generator<SearchDocument> {
  const random = makeRandom(options.seed ?? 42)
  const sites = options.sites ?? corpusSites()
  const bodyLength = options.bodyLength ?? 946
  const startMs = Date.UTC(options.startYear ?? 2015, 0, 1)
  const endMs = Date.UTC((options.endYear ?? 2025) + 1, 0, 1) - 1
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!

  for (let n = 0; n < options.count; n++) {
    const site = sites[Math.floor(random() * sites.length)]!
    // Skewed towards recent years, as real sites are.
    const publishedMs = Math.floor(endMs - Math.pow(random(), 1.5) * (endMs - startMs))
    const publishedAt = new Date(publishedMs).toISOString()
    const year = new Date(publishedMs).getUTCFullYear()
    const topic = pick(TOPICS)
    const place = random() < 0.5 ? pick(COUNTIES) + pick(TOWNS) : pick(COUNTIES)
    const docNumber = `玉政办发〔${year}〕${1 + Math.floor(random() * 120)}号`
    const title = random() < 0.3 ? `关于印发《${place}${topic}实施方案》的通知（${docNumber}）` : `${site.organizationName}${pick(VERBS)}${topic}工作`
    let body = ''
    let paragraphStart = 0
    const target = Math.floor(bodyLength * (0.5 + random()))
    while (body.length < target) {
      // No random draw here, so the corpus is otherwise the one measured before.
      if (body.endsWith('。') && body.length - paragraphStart >= PARAGRAPH_LENGTH) {
        body += '\n'
        paragraphStart = body.length
      }
      const r = random()
      if (r < 0.55) body += pick(PHRASES) + '，'
      else if (r < 0.75) body += `${pick(COUNTIES)}${pick(VERBS)}${pick(TOPICS)}工作，`
      else if (r < 0.85) body += `${pick(TOWNS)}${pick(TOPICS)}覆盖${Math.floor(random() * 10000)}人。`
      else if (r < 0.9) body += `依据${docNumber}文件。`
      else if (r < 0.93) body += ` ${pick(ENGLISH)} `
      else body += `${year}年${1 + Math.floor(random() * 12)}月${pick(DEPARTMENTS)}${pick(VERBS)}检查。`
    }
    const type = pick(TYPES)
    yield {
      id: `${type === 'page' ? 'pages' : 'articles'}:${n + 1}`,
      type,
      site: site.code,
      siteName: site.name,
      organization: site.organization,
      organizationName: site.organizationName,
      column: pick(COLUMNS),
      title,
      body,
      url: `/s/${site.code}/a/${n + 1}`,
      publishedAt,
      year,
    }
  }
}
