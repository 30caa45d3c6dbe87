import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeEvaluationRun, rankingViewData, SCORECARD_EVALUATE_TASK } from '../../src/scorecard'
import { login, startApiServer } from '../helpers/http'
import { bootPayload, userByEmail } from '../helpers/payload'
import { daysAgo, PASSWORD, seedDbGroup, type DbGroup } from './db-group'

/**
 * One evaluation run over a small group in a real database: exact flags, scores, ranking and
 * evidence; the rectification list carried to the next run; who may read and change what; the
 * Excel export over HTTP.
 */
let payload: Payload
let group: DbGroup
let firstRunId: number | string
let results: Map<string, any>

const as = async (email: string) => ({ user: await userByEmail(payload, email), overrideAccess: false })
const hasLetters = () => Boolean((payload.collections as Record<string, unknown>).letters)
const hasGuides = () => Boolean((payload.collections as Record<string, unknown>)['service-guides'])
const indicator = (org: keyof DbGroup['orgs'], code: string) => (results.get(String(group.orgs[org]))!.indicators as any[]).find((i) => i.code === code)

async function newRun(title: string) {
  const run = await payload.create({
    collection: 'evaluation-runs' as never,
    data: { title, scope: 'all' } as never,
    ...(await as(group.users.evaluator)),
    context: { scorecardNoQueue: true },
  })
  return (run as { id: number | string }).id
}

beforeAll(async () => {
  payload = await bootPayload('scorecard-run')
  group = await seedDbGroup(payload)
  await payload.create({
    collection: 'manual-scores' as never,
    data: { organization: group.orgs.b, indicatorCode: 'V1.4', points: 1, reason: '首页被篡改未及时处置' } as never,
    ...(await as(group.users.evaluator)),
  })
  await payload.create({
    collection: 'manual-scores' as never,
    data: { organization: group.orgs.city, indicatorCode: 'B1', points: 5, reason: '政策图解系列' } as never,
    ...(await as(group.users.evaluator)),
  })
  firstRunId = await newRun('第一次考评')
  await executeEvaluationRun(payload, firstRunId)
  const { docs } = await payload.find({
    collection: 'evaluation-results' as never,
    where: { run: { equals: firstRunId } },
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  results = new Map((docs as any[]).map((doc) => [String(doc.organization), doc]))
})
afterAll(async () => {
  await payload?.destroy()
})

describe('one evaluation run over the database', () => {
  it('records the set version, counts and progress on the run', async () => {
    const run = (await payload.findByID({ collection: 'evaluation-runs' as never, id: firstRunId, depth: 0, overrideAccess: true })) as any
    expect(run).toMatchObject({
      status: 'done',
      progress: 100,
      setCode: 'national-2019',
      setVersion: '2019.1',
      organizationCount: 5,
      vetoedCount: 1,
      passedCount: 4,
      textScanMode: 'full',
    })
    expect(run.textScanArticles).toBeGreaterThanOrEqual(30)
  })

  it('scores the clean units 100, the city 105 with its bonus, 丙局 92.5 and ranks 乙局 last', () => {
    const row = (org: keyof DbGroup['orgs']) => results.get(String(group.orgs[org]))
    expect([row('city').total, row('city').bonus, row('city').rank]).toEqual([105, 5, 1])
    expect([row('a').total, row('a').status, row('a').rank]).toEqual([100, 'pass', 2])
    expect([row('d').total, row('d').status, row('d').rank]).toEqual([100, 'pass', 2])
    expect([row('c').total, row('c').status, row('c').rank]).toEqual([92.5, 'pass', 4])
    expect(row('c').areaDeductions).toMatchObject({ publishing: 5, functional: 2.5 })
    expect([row('b').status, row('b').rank]).toEqual(['vetoed', 5])
  })

  it('flags exactly the veto items 乙局 tripped, with evidence', () => {
    const expected = ['V1.1', 'V1.2', 'V1.3', 'V1.4', 'V2', 'V3', 'V4.1', 'V4.2', 'V4.3', ...(hasLetters() ? ['V5.1'] : []), ...(hasGuides() ? ['V6'] : [])]
    expect(results.get(String(group.orgs.b)).vetoCodes.split(' ').sort()).toEqual(expected.sort())
    for (const org of ['city', 'a', 'c', 'd'] as const) expect(results.get(String(group.orgs[org])).vetoCodes, org).toBe('')
    expect(indicator('b', 'V1.1').evidence).toEqual([expect.objectContaining({ target: { collection: 'articles', id: group.articles.bTypo } })])
    expect(indicator('b', 'V1.1').evidence[0].message).toContain('市长助里')
    expect(indicator('b', 'V1.2').evidence[0].target).toEqual({ collection: 'articles', id: group.articles.bForbidden })
    expect(indicator('b', 'V2').evidence[0].target).toEqual({ collection: 'sites', id: group.sites.b.id })
    expect(indicator('b', 'V2').metrics).toMatchObject({ samples: 140, bad: 14 })
    expect(indicator('b', 'V3').evidence[0].message).toMatch(/首页自 .* 起未更新（20 天/)
    expect(indicator('b', 'V4.1').count).toBe(7)
    expect(indicator('b', 'V4.2').count).toBe(10)
    expect(
      indicator('b', 'V4.3')
        .evidence.map((e: any) => e.target.id)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5].map((i) => group.columns[`b.blank${i}`]).sort())
    expect(indicator('b', 'V1.4').evidence[0].message).toBe('首页被篡改未及时处置')
  })

  it('gives 丙局 exactly its three deductions, each pointing at what to fix', () => {
    const failing = (results.get(String(group.orgs.c)).indicators as any[]).filter((i) => i.status === 'fail').map((i) => [i.code, i.points])
    expect(failing).toEqual([
      ['D1.1', 5],
      ['D4.1', 2],
      ['D4.4', 0.5],
    ])
    expect(indicator('c', 'D1.1').evidence[0]).toMatchObject({
      key: `column:${group.columns['c.policy']}`,
      target: { collection: 'columns', id: group.columns['c.policy'] },
    })
    expect(indicator('c', 'D4.4').evidence[0]).toMatchObject({ target: { collection: 'articles', id: group.articles.cLink } })
    expect(indicator('c', 'D4.4').evidence[0].message).toContain('99999999.html')
  })

  it('scores the portal-columns unit over its own columns and leaves site checks not applicable', () => {
    expect(indicator('d', 'V3').status).toBe('pass')
    expect(indicator('d', 'V2').status).toBe('not-applicable')
    expect(indicator('d', 'D4.1').status).toBe('not-applicable')
  })

  it('opens a rectification item per failing piece of evidence, linked to the admin page', async () => {
    const { docs } = await payload.find({
      collection: 'rectification-items' as never,
      where: { organization: { equals: group.orgs.c } },
      limit: 50,
      depth: 0,
      overrideAccess: true,
    })
    expect((docs as any[]).map((d) => d.indicatorCode).sort()).toEqual(['D1.1', 'D4.1', 'D4.4'])
    const stale = (docs as any[]).find((d) => d.indicatorCode === 'D1.1')
    expect(stale).toMatchObject({ status: 'open', targetUrl: `/admin/collections/columns/${group.columns['c.policy']}` })
    expect(Date.parse(stale.deadline) - Date.parse(stale.openedAt)).toBe(30 * 86_400_000)
  })
})

describe('access', () => {
  it('lets a unit read only its own results and items; anonymous reads nothing', async () => {
    const own = await payload.find({ collection: 'evaluation-results' as never, depth: 0, ...(await as(group.users.editorC)) })
    expect((own.docs as any[]).map((d) => String(d.organization))).toEqual([String(group.orgs.c)])
    const foreign = await payload.find({
      collection: 'evaluation-results' as never,
      where: { organization: { equals: group.orgs.b } },
      ...(await as(group.users.editorC)),
    })
    expect(foreign.totalDocs).toBe(0)
    const items = await payload.find({ collection: 'rectification-items' as never, limit: 100, ...(await as(group.users.editorA)) })
    expect(items.totalDocs).toBe(0)
    for (const collection of ['evaluation-results', 'rectification-items', 'evaluation-runs', 'manual-scores', 'probe-samples', 'indicator-sets']) {
      const anonymous = await payload.find({ collection: collection as never, overrideAccess: false }).catch((e) => e)
      expect(anonymous instanceof Error ? 'refused' : anonymous.totalDocs, collection).toMatch(/refused|^0$/)
    }
  })

  it('lets a unit move its own items along but not close them or touch another unit’s', async () => {
    const [item] = (
      await payload.find({
        collection: 'rectification-items' as never,
        where: { and: [{ organization: { equals: group.orgs.c } }, { indicatorCode: { equals: 'D1.1' } }] },
        depth: 0,
        overrideAccess: true,
      })
    ).docs as any[]
    // The problem text is the scorer's: a save that changes it is refused whole, naming the field.
    await expect(
      payload.update({
        collection: 'rectification-items' as never,
        id: item.id,
        data: { status: 'fixed-pending-recheck', note: '已发布新文件', message: '改掉问题描述' } as never,
        ...(await as(group.users.editorC)),
      }),
    ).rejects.toThrow(/message/)
    expect(await payload.findByID({ collection: 'rectification-items' as never, id: item.id, depth: 0, overrideAccess: true })).toMatchObject({
      status: item.status,
      message: item.message,
    })
    const updated = (await payload.update({
      collection: 'rectification-items' as never,
      id: item.id,
      data: { status: 'fixed-pending-recheck', note: '已发布新文件', message: item.message } as never,
      ...(await as(group.users.editorC)),
    })) as any
    expect(updated).toMatchObject({ status: 'fixed-pending-recheck', note: '已发布新文件', message: item.message })
    await expect(
      payload.update({ collection: 'rectification-items' as never, id: item.id, data: { status: 'closed' } as never, ...(await as(group.users.editorC)) }),
    ).rejects.toThrow(/下一次考评|cannot close/)
    await expect(
      payload.update({ collection: 'rectification-items' as never, id: item.id, data: { note: 'x' } as never, ...(await as(group.users.editorA)) }),
    ).rejects.toThrow()
  })

  it('lets only scorers start runs and enter manual scores, and refuses bad manual scores clearly', async () => {
    await expect(
      payload.create({ collection: 'evaluation-runs' as never, data: { scope: 'all' } as never, ...(await as(group.users.editorC)) }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'manual-scores' as never,
        data: { organization: group.orgs.c, indicatorCode: 'B1', points: 3, reason: '自评' } as never,
        ...(await as(group.users.editorC)),
      }),
    ).rejects.toThrow()
    const evaluator = await as(group.users.evaluator)
    await expect(
      payload.create({
        collection: 'manual-scores' as never,
        data: { organization: group.orgs.c, indicatorCode: 'B1', points: 3, reason: '  ' } as never,
        ...evaluator,
      }),
    ).rejects.toThrow(/理由|reason/)
    await expect(
      payload.create({
        collection: 'manual-scores' as never,
        data: { organization: group.orgs.c, indicatorCode: 'V3', points: 1, reason: '人工' } as never,
        ...evaluator,
      }),
    ).rejects.toThrow(/automatically/)
    await expect(
      payload.create({
        collection: 'manual-scores' as never,
        data: { organization: group.orgs.c, indicatorCode: 'B1', points: 50, reason: '太多' } as never,
        ...evaluator,
      }),
    ).rejects.toThrow(/between 0 and 10/)
    await expect(
      payload.create({
        collection: 'manual-scores' as never,
        data: { organization: group.orgs.c, indicatorCode: 'Z9', points: 1, reason: '无此项' } as never,
        ...evaluator,
      }),
    ).rejects.toThrow(/no indicator Z9/)
    await expect(
      payload.create({ collection: 'evaluation-runs' as never, data: { scope: 'organization' } as never, ...evaluator, context: { scorecardNoQueue: true } }),
    ).rejects.toThrow(/must name the organization/)
  })

  it('rejects an invalid indicator set and a duplicate version with the problems listed', async () => {
    const central = await as(group.users.central)
    await expect(payload.create({ collection: 'indicator-sets' as never, data: { data: { code: 'x', version: '1' } } as never, ...central })).rejects.toThrow(
      /invalid indicator set/,
    )
    const stored = (await payload.find({ collection: 'indicator-sets' as never, where: { code: { equals: 'national-2019' } }, depth: 0, overrideAccess: true }))
      .docs[0] as any
    await expect(payload.create({ collection: 'indicator-sets' as never, data: { data: stored.data } as never, ...central })).rejects.toThrow(
      /already has version/,
    )
    await expect(
      payload.update({ collection: 'indicator-sets' as never, id: stored.id, data: { data: { ...stored.data, name: '改名' } } as never, ...central }),
    ).rejects.toThrow(/used by a run/)
  })
})

describe('the next run', () => {
  it('closes the stale-column item once the column is updated, and keeps the rest open', async () => {
    const reviewer = await as(group.users.reviewerC)
    await payload.create({
      collection: 'articles',
      data: {
        title: '丙局新政策文件',
        column: group.columns['c.policy'],
        _status: 'published',
        body: { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [] } },
      } as never,
      ...reviewer,
    })
    const secondRunId = await newRun('第二次考评')
    await executeEvaluationRun(payload, secondRunId)
    const run = (await payload.findByID({ collection: 'evaluation-runs' as never, id: secondRunId, depth: 0, overrideAccess: true })) as any
    expect(run).toMatchObject({ status: 'done', textScanMode: 'incremental', rectificationClosed: 1, rectificationOpened: 0 })
    expect(run.textScanArticles).toBe(1)
    const items = (
      await payload.find({ collection: 'rectification-items' as never, where: { organization: { equals: group.orgs.c } }, depth: 0, overrideAccess: true })
    ).docs as any[]
    const byCode = Object.fromEntries(items.map((i) => [i.indicatorCode, i]))
    expect(byCode['D1.1']).toMatchObject({ status: 'closed', closedInRun: secondRunId })
    expect(byCode['D4.1'].status).toBe('open')
    const result = (
      await payload.find({
        collection: 'evaluation-results' as never,
        where: { and: [{ run: { equals: secondRunId } }, { organization: { equals: group.orgs.c } }] },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0] as any
    expect(result.total).toBe(97.5)
    // The text findings carried over from the first run's scan are still there.
    const b = (
      await payload.find({
        collection: 'evaluation-results' as never,
        where: { and: [{ run: { equals: secondRunId } }, { organization: { equals: group.orgs.b } }] },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0] as any
    expect(b.vetoCodes).toContain('V1.1')
  })

  it('is queued by creating a run doc and executed by the jobs queue', async () => {
    const run = (await payload.create({
      collection: 'evaluation-runs' as never,
      data: { scope: 'organization', organization: group.orgs.a } as never,
      ...(await as(group.users.evaluator)),
    })) as any
    expect(run.status).toBe('queued')
    const queued = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: SCORECARD_EVALUATE_TASK } }, overrideAccess: true })
    expect(queued.totalDocs).toBeGreaterThanOrEqual(1)
    await payload.jobs.run({ queue: 'default' })
    const done = (await payload.findByID({ collection: 'evaluation-runs' as never, id: run.id, depth: 0, overrideAccess: true })) as any
    expect(done).toMatchObject({ status: 'done', progress: 100, organizationCount: 1 })
  })
})

describe('ranking view data', () => {
  it('shows the central office every unit with trends and a distribution, a unit only itself', async () => {
    const central = await rankingViewData(payload, await userByEmail(payload, group.users.central), { runId: String(firstRunId) })
    expect(central.rows.map((r) => [r.name, r.rank])).toEqual([
      ['玉林市人民政府', 1],
      ['丁局', 2],
      ['甲局', 2],
      ['丙局', 4],
      ['乙局', 5],
    ])
    expect(central.distribution).toMatchObject({ vetoed: 1 })
    expect(central.distribution.counts[9] + central.distribution.counts[10]).toBe(4)
    expect(central.rows.find((r) => r.name === '丙局')!.trend.map((t) => t.total)).toEqual([92.5, 97.5])
    const departments = await rankingViewData(payload, await userByEmail(payload, group.users.central), { runId: String(firstRunId), kind: 'city' })
    expect(departments.rows.map((r) => r.name)).toEqual(['玉林市人民政府'])
    const unit = await rankingViewData(payload, await userByEmail(payload, group.users.editorC), { runId: String(firstRunId) })
    expect(unit.rows.map((r) => r.name)).toEqual(['丙局'])
    expect(unit.everyone).toBe(false)
  })
})

describe('export', () => {
  it('serves the run as an .xlsx that exceljs opens, with the run’s numbers; refuses others', async () => {
    const api = await startApiServer()
    try {
      const url = `${api.url}/api/evaluation-runs/${firstRunId}/export`
      expect((await fetch(url)).status).toBe(401)
      const editor = await login(api.url, group.users.editorC, PASSWORD)
      expect((await fetch(url, { headers: { authorization: editor } })).status).toBe(403)
      const central = await login(api.url, group.users.central, PASSWORD)
      expect((await fetch(`${api.url}/api/evaluation-runs/999999/export`, { headers: { authorization: central } })).status).toBe(404)
      const res = await fetch(url, { headers: { authorization: central } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('spreadsheetml')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
      const ranking = workbook.getWorksheet('排名 Ranking')!
      const rows: unknown[][] = []
      ranking.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      expect(rows[1]!.slice(0, 5)).toEqual([1, '玉林市人民政府', 'city', '合格', 105])
      expect(rows.find((r) => r[1] === '丙局')!.slice(0, 5)).toEqual([4, '丙局', 'department', '合格', 92.5])
      expect(rows.at(-1)!.slice(1, 4)).toEqual(['乙局', 'department', '单项否决'])
      const evidence = workbook.getWorksheet('证据 Evidence')!
      let staleRow = false
      evidence.eachRow((row) => {
        if ((row.values as unknown[]).includes('D1.1') && (row.values as unknown[]).includes('丙局')) staleRow = true
      })
      expect(staleRow).toBe(true)
    } finally {
      await api.close()
    }
  })
})

export { daysAgo }
