// A small site group in a real database for the scorecard integration tests:
//   市政府 (city portal, clean, + a manual bonus)   甲局 A (clean)   丁局 D (portal columns, clean)
//   乙局 B (trips every veto item the database can show)   丙局 C (three deductions).
// Old content goes in through the bulk import path (no workflow log, so its old dates are genuine);
// scenario articles go through the Local API like an editor's.
import type { Payload } from 'payload'
import { insertArticles, type BulkArticle } from '../../src/db/bulk'
import { lexicalParagraphs } from '../../src/seed/text'

export const NOW = new Date()
const DAY = 86_400_000
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()
export const PASSWORD = 'Scorecard#2026test'

type Id = number | string
export interface DbGroup {
  orgs: Record<'city' | 'a' | 'b' | 'c' | 'd', Id>
  sites: Record<'city' | 'a' | 'b' | 'c', { id: Id; code: string }>
  columns: Record<string, Id>
  articles: Record<string, Id>
  users: Record<'central' | 'evaluator' | 'editorA' | 'editorC' | 'reviewerC', string>
}

let serial = 0
const body = (text: string, links: string[] = []) => {
  const state = lexicalParagraphs([text]) as any
  for (const href of links) {
    state.root.children.push({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      children: [
        {
          type: 'link',
          version: 3,
          fields: { url: href, newTab: false, linkType: 'custom' },
          format: '',
          indent: 0,
          direction: 'ltr',
          children: [{ type: 'text', text: '链接', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
        },
      ],
    })
  }
  return state
}

export async function seedDbGroup(payload: Payload): Promise<DbGroup> {
  const create = async (collection: string, data: Record<string, unknown>) =>
    (await payload.create({ collection: collection as never, data: data as never, overrideAccess: true })) as { id: Id }
  const org = async (name: string, code: string, kind: string, extra: Record<string, unknown> = {}) =>
    (await create('organizations', { name, shortName: name, code, kind, ...extra })).id
  const city = await org('玉林市人民政府', 'TESTCITY01', 'city')
  const orgs = {
    city,
    a: await org('甲局', 'TESTUNITA1', 'department', { parent: city }),
    b: await org('乙局', 'TESTUNITB1', 'department', { parent: city }),
    c: await org('丙局', 'TESTUNITC1', 'department', { parent: city }),
    d: await org('丁局', 'TESTUNITD1', 'department', { parent: city, hostingMode: 'portal-columns' }),
  }
  const site = async (key: keyof DbGroup['sites'], n: number, footer: Record<string, string | null>) => {
    const code = key === 'city' ? 'www' : `unit-${key}`
    const doc = await create('sites', {
      name: `${key} 网站`,
      code,
      identificationCode: `45090000${String(n).padStart(2, '0')}`,
      organization: orgs[key],
      theme: key === 'city' ? 'portal' : 'department',
      status: 'active',
      settings: { footer },
    })
    return { id: doc.id, code }
  }
  const footer = (n: number) => ({ icp: `桂ICP备0500000${n}号`, publicSecurity: `桂公网安备 4509020200000${n}号` })
  const sites = {
    city: await site('city', 1, footer(1)),
    a: await site('a', 2, footer(2)),
    b: await site('b', 3, footer(3)),
    c: await site('c', 4, { icp: null, publicSecurity: footer(4).publicSecurity }),
  }
  await payload.update({ collection: 'organizations', id: orgs.d, data: { hostSite: sites.city.id } as never, overrideAccess: true })

  const columns: Record<string, Id> = {}
  const column = async (key: string, siteKey: keyof DbGroup['sites'], owner: Id, slug: string, category: string, parent?: Id) => {
    columns[key] = (
      await create('columns', { name: key, slug, category, site: sites[siteKey].id, ownerOrganization: owner, parent: parent ?? null, visibility: 'public' })
    ).id
    return columns[key]!
  }
  for (const unit of ['city', 'a', 'c'] as const) {
    const owner = orgs[unit]
    await column(`${unit}.news`, unit, owner, 'gzdt', 'news')
    await column(`${unit}.notices`, unit, owner, 'tzgg', 'notices')
    await column(`${unit}.policy`, unit, owner, 'zcwj', 'policy')
    await column(`${unit}.profile`, unit, owner, 'jggk', 'profile')
    await column(`${unit}.services`, unit, owner, 'bsfw', 'services')
    await column(`${unit}.interaction`, unit, owner, 'hdjl', 'interaction')
  }
  // 丁局 publishes as a section of the portal: a landing column with two children.
  const dRoot = await column('d.root', 'city', orgs.d, 'dj', 'other')
  await column('d.news', 'city', orgs.d, 'djdt', 'news', dRoot)
  await column('d.notices', 'city', orgs.d, 'djgg', 'notices', dRoot)
  // 乙局: 5 stale news columns, stale notices and policy, 10 long-stale profile columns, 5 blank
  // columns and no interaction column.
  for (let i = 1; i <= 5; i++) await column(`b.news${i}`, 'b', orgs.b, `news${i}`, 'news')
  await column('b.notices', 'b', orgs.b, 'tzgg', 'notices')
  await column('b.policy', 'b', orgs.b, 'zcwj', 'policy')
  for (let i = 1; i <= 10; i++) await column(`b.profile${i}`, 'b', orgs.b, `jggk${i}`, 'profile')
  for (let i = 1; i <= 5; i++) await column(`b.blank${i}`, 'b', orgs.b, `blank${i}`, 'other')

  // Imported history: one item per content column, dated by the scenario.
  const ages: Record<string, number> = {}
  for (const key of Object.keys(columns)) {
    if (/services|interaction|blank|d\.root/.test(key)) continue
    ages[key] = key.startsWith('b.')
      ? key.includes('profile')
        ? 400
        : key.includes('news')
          ? 20
          : 200
      : key === 'c.policy'
        ? 200
        : key.includes('profile')
          ? 100
          : 3
  }
  const imported: BulkArticle[] = Object.entries(ages).map(([key, age]) => {
    const col = (key.split('.')[0] === 'd' ? 'city' : key.split('.')[0]) as keyof DbGroup['sites']
    const owner = orgs[key.split('.')[0] as keyof DbGroup['orgs']]
    return {
      title: `${key} 历史信息`,
      column: columns[key]!,
      site: sites[col].id,
      organization: owner,
      state: 'published',
      publishedAt: daysAgo(age),
      body: body('玉林市召开工作会议，部署近期重点工作。'),
      disclosure: { indexNumber: `TEST/${++serial}` },
    }
  })
  await insertArticles(payload, imported)

  // Scenario articles through the Local API (workflow log written: dates are checked).
  const articles: Record<string, Id> = {}
  const publish = async (key: string, columnKey: string, title: string, text: string, extra: Record<string, unknown> = {}, links: string[] = []) => {
    articles[key] = (await create('articles', { title, column: columns[columnKey], _status: 'published', body: body(text, links), ...extra })).id
  }
  await publish('bTypo', 'b.news1', '乙局动态', '市长助里出席会议并讲话。', { publishedAt: daysAgo(20) })
  await publish('bForbidden', 'b.news2', '六合彩开奖结果', '正文。', { publishedAt: daysAgo(20) })
  await publish('cLink', 'c.news', '丙局动态', '详见通知。', { publishedAt: daysAgo(1) }, [`/s/${sites.c.code}/zcwj/99999999.html`, `/s/${sites.c.code}/tzgg/`])

  // Service guides, where that collection is installed: complete ones with an online link for
  // every unit but 乙局 (which has none, tripping the online-services veto).
  if ((payload.collections as Record<string, unknown>)['service-guides']) {
    for (const unit of ['city', 'a', 'c', 'd'] as const) {
      await create('service-guides', {
        title: `${unit} 办事事项`,
        organization: orgs[unit],
        legalBasis: '《条例》第三条',
        conditions: '本市居民',
        materials: '身份证',
        place: '政务服务中心',
        hours: '工作日 9:00–17:00',
        phone: '0775-1234567',
        process: '受理\n审核\n办结',
        onlineUrl: 'https://zwfw.example.gov.cn/item/1',
        _status: 'published',
      })
    }
  }

  // Users of the units and of the central office.
  const users = {
    central: 'central@test.gov.cn',
    evaluator: 'evaluator@test.gov.cn',
    editorA: 'editor@a.test.gov.cn',
    editorC: 'editor@c.test.gov.cn',
    reviewerC: 'reviewer@c.test.gov.cn',
  }
  const user = (email: string, organization: Id, roles: string[]) =>
    create('users', { email, name: email.split('@')[0], password: PASSWORD, organization, roles })
  await user(users.central, city, ['central-admin'])
  await user(users.evaluator, city, ['evaluator'])
  await user(users.editorA, orgs.a, ['editor'])
  await user(users.editorC, orgs.c, ['editor'])
  await user(users.reviewerC, orgs.c, ['reviewer'])

  // A week of probes: 乙局's site failed 14 of 140 times (10 % ≥ 5 %), the others never.
  const probes: Array<Record<string, unknown>> = []
  for (const [key, s] of Object.entries(sites)) {
    for (let i = 0; i < 140; i++) {
      const bad = key === 'b' && i < 14
      probes.push({
        site: s.id,
        url: `http://127.0.0.1/s/${s.code}/`,
        at: new Date(NOW.getTime() - ((i + 0.5) * (7 * DAY)) / 141).toISOString(),
        ok: !bad,
        status: bad ? 503 : 200,
        durationMs: 120,
      })
    }
  }
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
  // Samples are written in one batch (the probe job itself is tested separately, one round at a time).
  await db.drizzle.insert(db.tables.probe_samples).values(probes.map((p) => ({ ...p, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() })))
  return { orgs, sites, columns, articles, users }
}
