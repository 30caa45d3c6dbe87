import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicArticleWhere } from '../../src/access'
import { pushArticle, submissionCounts, submitArticle } from '../../src/sharing'
import { createPublicSites, type PublicSites } from '../../src/sites'
import { bootPayload } from '../helpers/payload'
import { get, startSitesServer, type TestServer } from '../sites/boot'
import { columnAt, eventually, placementCount, publishedArticle, siteByCode, users } from './helpers'

let payload: Payload
let sites: PublicSites
let server: TestServer
let u: Awaited<ReturnType<typeof users>>
const col: Record<string, { id: number | string; path?: string | null }> = {}
const P = 'placements' as never
const stateOf = async (id: unknown) => ((await payload.findByID({ collection: P, id: id as never, overrideAccess: true })) as { state?: string }).state

/** GET through the public handler; retried once on ECONNRESET (keep-alive sockets the test server closed). */
async function page(path: string) {
  try {
    return await get(server.port, path)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ECONNRESET') throw error
    return get(server.port, path)
  }
}
async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise
  } catch (error) {
    return { status: (error as { status?: number }).status ?? 0, message: (error as Error).message }
  }
  throw new Error('expected a refusal, but the call succeeded')
}
/** The Local API as a signed-in user: same access and hooks as REST and GraphQL. */
const as = (user: unknown) => ({ user, overrideAccess: false, depth: 0 }) as const
const submit = (user: unknown, article: unknown, column: unknown, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: P, data: { article, targetColumn: column, ...extra } as never, ...as(user) }) as Promise<Record<string, any>>
const decide = (user: unknown, id: unknown, data: Record<string, unknown>) =>
  payload.update({ collection: P, id: id as never, data: data as never, ...as(user) }) as Promise<Record<string, any>>

beforeAll(async () => {
  payload = await bootPayload('sharing', { seeded: true })
  sites = await createPublicSites({ payload, background: false, config: { pageSize: 5 }, logger: { error: (obj, msg) => console.error(msg, obj) } })
  server = await startSitesServer(sites)
  u = await users(payload)
  col.fgwNews = await columnAt(payload, 'fgw', 'gzdt/bdwdt')
  col.fgwNotices = await columnAt(payload, 'fgw', 'tzgg')
  col.rsjNews = await columnAt(payload, 'rsj', 'gzdt/bdwdt')
  col.portalDept = await columnAt(payload, 'www', 'ywdt/bmdt')
  col.portalNews = await columnAt(payload, 'www', 'ywdt')
  col.portalNotices = await columnAt(payload, 'www', 'tzgg')
  col.beiliuNews = await columnAt(payload, 'beiliu', 'gzdt/bdwdt')
})
afterAll(async () => {
  await server?.close()
  await sites?.close()
  await payload?.destroy()
})

describe('submission (信息报送)', () => {
  let article: Record<string, any>
  let placement: Record<string, any>

  it('an editor submits a published article; it waits for the receiving unit and is not shown meanwhile', async () => {
    article = await publishedArticle(payload, col.fgwNews.id, '发改委报送稿件甲')
    await page('/s/www/ywdt/bmdt/') // cached before the change: invalidation must refresh it
    placement = await submit(u.fgwEditor, article.id, col.portalDept.id, { state: 'accepted', kind: 'submission' })
    expect(placement.state).toBe('pending') // a submitter cannot accept on the receiver's behalf
    expect(String(placement.sourceOrganization)).toBe(String(article.organization))
    expect(String(placement.targetOrganization)).toBe(String((await siteByCode(payload, 'www')).organization))
    expect(String(placement.submittedBy)).toBe(String(u.fgwEditor.id))
    expect(placement.submittedAt).toBeTruthy()
    expect((await page('/s/www/ywdt/bmdt/')).body).not.toContain('发改委报送稿件甲')
  })

  it('the submitting unit cannot accept its own submission, nor can an editor of the receiving unit', async () => {
    for (const user of [u.fgwEditor, u.fgwReviewer, u.portalEditor]) {
      const refused = await refusal(decide(user, placement.id, { state: 'accepted' }))
      expect(refused.status).toBe(403)
      expect(refused.message).toContain('只有接收单位的审核员或网站管理员')
    }
    expect(await stateOf(placement.id)).toBe('pending')
  })

  it('the receiving reviewer accepts; the portal column, its parent, home page and RSS list it with its source unit, linking to the original', async () => {
    const accepted = await decide(u.portalReviewer, placement.id, { state: 'accepted' })
    expect(accepted.state).toBe('accepted')
    expect(String(accepted.decidedBy)).toBe(String(u.portalReviewer.id))
    expect(accepted.decidedAt).toBeTruthy()
    const original = `/s/fgw/gzdt/bdwdt/${article.id}.html`
    const list = await eventually(async () => {
      const reply = await page('/s/www/ywdt/bmdt/')
      expect(reply.body).toContain('发改委报送稿件甲')
      return reply
    })
    expect(list.body).toContain(`href="${original}"`)
    expect(list.body).toMatch(/来源：[^<]*发展和改革委员会/)
    expect((await page('/s/www/ywdt/')).body).toContain('发改委报送稿件甲')
    expect((await page('/s/www/')).body).toContain('发改委报送稿件甲')
    const rss = await page('/s/www/ywdt/bmdt/rss.xml')
    expect(rss.body).toContain('发改委报送稿件甲')
    expect(rss.body).toMatch(/<link>https:\/\/fgw\.yulin\.gov\.cn\/gzdt\/bdwdt\/\d+\.html<\/link>/)
    // One document: the original page answers; the portal has no copy of its own.
    expect((await page(original)).status).toBe(200)
    expect((await page(`/s/www/ywdt/bmdt/${article.id}.html`)).status).toBe(404)
    expect(
      await payload.count({ collection: 'articles', where: { title: { equals: '发改委报送稿件甲' } }, overrideAccess: true }).then((r) => r.totalDocs),
    ).toBe(1)
  })

  it('edits of the original show on the receiving list at once (a reference, not a copy)', async () => {
    await page('/s/www/ywdt/bmdt/')
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '发改委报送稿件甲（修订）', _status: 'published' } as never,
      ...as(u.fgwReviewer),
    })
    await eventually(async () => {
      const body = (await page('/s/www/ywdt/bmdt/')).body
      expect(body).toContain('发改委报送稿件甲（修订）')
    })
  })

  it('merged lists keep pagination exact: every page in date order, no item twice, totals include references', async () => {
    // Interleave: own portal articles and references at spread dates, so the pages must merge both.
    for (let i = 0; i < 6; i++) {
      const day = (n: number) => new Date(Date.now() - n * 86400_000).toISOString()
      await publishedArticle(payload, col.portalDept.id, `门户部门动态${i}`, { publishedAt: day(2 * i + 1) })
      const ref = await publishedArticle(payload, i % 2 ? col.fgwNews.id : col.rsjNews.id, `分页报送稿件${i}`, { publishedAt: day(2 * i + 2) })
      const p = await submit(i % 2 ? u.fgwEditor : u.rsjEditor, ref.id, col.portalDept.id)
      await decide(u.portalReviewer, p.id, { state: 'accepted' })
    }
    const visible = publicArticleWhere()
    const own = await payload.count({ collection: 'articles', where: { and: [{ column: { equals: col.portalDept.id } }, visible] }, overrideAccess: true })
    const accepted = await payload.find({
      collection: P,
      where: { and: [{ targetColumn: { equals: col.portalDept.id } }, { state: { equals: 'accepted' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const references = await payload.count({
      collection: 'articles',
      where: { and: [{ id: { in: accepted.docs.map((d: any) => d.article) } }, visible] },
      overrideAccess: true,
    })
    const expected = own.totalDocs + references.totalDocs
    expect(references.totalDocs).toBe(7)
    const seen: string[] = []
    const dates: string[] = []
    const first = (await page('/s/www/ywdt/bmdt/')).body
    const pages = Number(/共 (\d+) 条，第 1 \/ (\d+) 页/.exec(first)?.[2])
    expect(Number(/共 (\d+) 条/.exec(first)?.[1])).toBe(expected)
    for (let n = 1; n <= pages; n++) {
      const body = (await page(`/s/www/ywdt/bmdt/${n > 1 ? `?page=${n}` : ''}`)).body
      const list = body.slice(body.indexOf('class="article-list"'), body.indexOf('</ul>', body.indexOf('class="article-list"')))
      for (const m of list.matchAll(/href="([^"]+\.html)"/g)) seen.push(m[1])
      for (const m of list.matchAll(/datetime="([^"]+)"/g)) dates.push(m[1])
    }
    expect(seen).toHaveLength(expected)
    expect(new Set(seen).size).toBe(expected)
    expect(seen).toContain(`/s/fgw/gzdt/bdwdt/${article.id}.html`)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('a rejection needs a reason; rejected items are not shown', async () => {
    const other = await publishedArticle(payload, col.fgwNews.id, '发改委报送稿件乙')
    const p = await submit(u.fgwEditor, other.id, col.portalDept.id)
    const refused = await refusal(decide(u.portalReviewer, p.id, { state: 'rejected', rejectionReason: '   ' }))
    expect(refused.status).toBe(400)
    expect(refused.message).toBe('退回报送信息时必须填写退回原因')
    expect(await stateOf(p.id)).toBe('pending')
    const rejected = await decide(u.portalReviewer, p.id, { state: 'rejected', rejectionReason: '内容与本栏目无关' })
    expect(rejected.state).toBe('rejected')
    expect(rejected.rejectionReason).toBe('内容与本栏目无关')
    expect(String(rejected.decidedBy)).toBe(String(u.portalReviewer.id))
    expect((await page('/s/www/ywdt/bmdt/')).body).not.toContain('发改委报送稿件乙')
  })

  it('withdrawing the original removes it from every receiving site; a draft state of the original is never shown', async () => {
    const shared = await publishedArticle(payload, col.fgwNews.id, '发改委多站报送稿件')
    const toPortal = await submit(u.fgwEditor, shared.id, col.portalDept.id)
    const toBeiliu = await submit(u.fgwEditor, shared.id, col.beiliuNews.id)
    await decide(u.portalReviewer, toPortal.id, { state: 'accepted' })
    await decide(u.beiliuReviewer, toBeiliu.id, { state: 'accepted' })
    const lists = ['/s/www/ywdt/bmdt/', '/s/beiliu/gzdt/bdwdt/', '/s/fgw/gzdt/bdwdt/']
    for (const path of lists) await eventually(async () => expect((await page(path)).body).toContain('发改委多站报送稿件'))
    await payload.update({ collection: 'articles', id: shared.id, data: { state: 'withdrawn', _status: 'published' } as never, ...as(u.fgwReviewer) })
    for (const path of lists) await eventually(async () => expect((await page(path)).body).not.toContain('发改委多站报送稿件'))
    // Published again: back everywhere (the receiving pages are invalidated through the placements).
    await payload.update({ collection: 'articles', id: shared.id, data: { state: 'published', _status: 'published' } as never, ...as(u.fgwReviewer) })
    for (const path of lists) await eventually(async () => expect((await page(path)).body).toContain('发改委多站报送稿件'))
    // Sent back to draft (not a draft save: the live state changes): gone again.
    await payload.update({ collection: 'articles', id: shared.id, data: { state: 'draft', _status: 'draft' } as never, ...as(u.fgwReviewer) })
    for (const path of lists) await eventually(async () => expect((await page(path)).body).not.toContain('发改委多站报送稿件'))
  })

  it('deleting the original removes it everywhere, placements included', async () => {
    const doomed = await publishedArticle(payload, col.fgwNews.id, '发改委将删除的稿件')
    const p = await submit(u.fgwEditor, doomed.id, col.portalDept.id)
    await decide(u.portalReviewer, p.id, { state: 'accepted' })
    await eventually(async () => expect((await page('/s/www/ywdt/bmdt/')).body).toContain('发改委将删除的稿件'))
    await payload.delete({ collection: 'articles', id: doomed.id, ...as(u.fgwReviewer) })
    await eventually(async () => expect((await page('/s/www/ywdt/bmdt/')).body).not.toContain('发改委将删除的稿件'))
    expect(await payload.count({ collection: P, where: { article: { equals: doomed.id } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(0)
  })

  it('a submitter may recall an undecided submission; receivers reject instead of deleting', async () => {
    const a = await publishedArticle(payload, col.fgwNews.id, '发改委撤回的报送')
    const p = await submit(u.fgwEditor, a.id, col.portalDept.id)
    const receiver = await refusal(payload.delete({ collection: P, id: p.id, ...as(u.portalReviewer) }))
    expect(receiver.status).toBe(403)
    expect(receiver.message).toContain('只有报送单位可以撤回尚未审核的报送')
    await payload.delete({ collection: P, id: p.id, ...as(u.fgwEditor) })
    expect(await payload.count({ collection: P, where: { id: { equals: p.id } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(0)
  })
})

describe('bad input is refused with a clear message and changes nothing', () => {
  let published: Record<string, any>
  beforeAll(async () => {
    published = await publishedArticle(payload, col.fgwNews.id, '发改委坏输入测试稿件')
  })

  async function refusedAndUnchanged(promise: Promise<unknown>, status: number, message: string | RegExp) {
    const before = await placementCount(payload)
    const refused = await refusal(promise)
    expect(refused.status).toBe(status)
    expect(refused.message).toMatch(message)
    expect(await placementCount(payload)).toBe(before)
  }

  it('a draft, an article in review and a withdrawn article cannot be submitted', async () => {
    const draft = await payload.create({ collection: 'articles', data: { title: '发改委草稿', column: col.fgwNews.id } as never, ...as(u.fgwEditor) })
    await refusedAndUnchanged(submit(u.fgwEditor, draft.id, col.portalDept.id), 400, '只能报送或推送已发布的文章（该文章当前为“draft”）')
    const review = await payload.create({
      collection: 'articles',
      data: { title: '发改委待审稿件', column: col.fgwNews.id, state: 'in-review' } as never,
      ...as(u.fgwEditor),
    })
    await refusedAndUnchanged(submit(u.fgwEditor, review.id, col.portalDept.id), 400, /只能报送或推送已发布的文章/)
    const withdrawn = await publishedArticle(payload, col.fgwNews.id, '发改委已撤回稿件')
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { state: 'withdrawn', _status: 'published' } as never, overrideAccess: true })
    await refusedAndUnchanged(submit(u.fgwEditor, withdrawn.id, col.portalDept.id), 400, '只能报送或推送已发布的文章（该文章当前为“withdrawn”）')
  })

  it("another unit's article cannot be submitted", async () => {
    const foreign = await publishedArticle(payload, col.rsjNews.id, '人社局稿件')
    await refusedAndUnchanged(submit(u.fgwEditor, foreign.id, col.portalDept.id), 403, '只能报送本单位的文章')
  })

  it("the unit's own column cannot be a target", async () => {
    await refusedAndUnchanged(submit(u.fgwEditor, published.id, col.fgwNotices.id), 400, /由本单位维护，请直接在其中发布/)
  })

  it('a column on the article’s own site maintained by another unit is refused too', async () => {
    await payload.update({ collection: 'columns', id: col.fgwNotices.id, data: { ownerOrganization: u.rsjEditor.organization } as never, overrideAccess: true })
    try {
      await refusedAndUnchanged(submit(u.fgwEditor, published.id, col.fgwNotices.id), 400, /在文章所在的网站上；信息报送只能报送到其他网站/)
    } finally {
      await payload.update({ collection: 'columns', id: col.fgwNotices.id, data: { ownerOrganization: published.organization } as never, overrideAccess: true })
    }
  })

  it('the same article cannot be submitted to the same column twice', async () => {
    await submit(u.fgwEditor, published.id, col.rsjNews.id)
    await refusedAndUnchanged(submit(u.fgwEditor, published.id, col.rsjNews.id), 400, /已报送到栏目“gzdt\/bdwdt”（pending），不能重复报送/)
  })

  it('a submission to several columns is stored whole or not at all', async () => {
    const req = await reqAs(u.fgwEditor)
    await refusedAndUnchanged(submitArticle(req, { article: published.id, columns: [col.beiliuNews.id, col.fgwNotices.id] }), 400, /由本单位维护/)
    expect(
      await payload
        .count({
          collection: P,
          where: { and: [{ article: { equals: published.id } }, { targetColumn: { equals: col.beiliuNews.id } }] },
          overrideAccess: true,
        })
        .then((r) => r.totalDocs),
    ).toBe(0)
  })

  it('target and kind cannot be changed after submission; English messages for English admins', async () => {
    const p = await submit(u.fgwEditor, published.id, col.portalDept.id)
    await refusedAndUnchanged(
      decide(u.fgwEditor, p.id, { targetColumn: col.beiliuNews.id }),
      400,
      '报送记录的文章、接收栏目和类型不能修改；如需报送到其他栏目，请新建报送',
    )
    const req = await reqAs(u.portalReviewer, 'en')
    const refused = await refusal(
      payload.update({ collection: P, id: p.id, data: { state: 'rejected' } as never, req, overrideAccess: false, user: u.portalReviewer }),
    )
    expect(refused.message).toBe('Give a reason when rejecting a submission')
  })

  it('an editor cannot push, and pushing to a category no site has changes nothing', async () => {
    const notice = await publishedArticle(payload, col.portalNotices.id, '全市通知（坏输入）')
    await refusedAndUnchanged(
      pushArticle(await reqAs(u.fgwReviewer), { article: notice.id, category: 'notices', target: { all: true } }),
      403,
      '只有站群管理员可以统一推送',
    )
    await refusedAndUnchanged(
      pushArticle(await reqAs(u.admin), { article: notice.id, category: 'other', target: { all: true } }),
      400,
      '目标网站都没有“其他”类栏目，未推送',
    )
    await refusedAndUnchanged(
      pushArticle(await reqAs(u.admin), { article: notice.id, category: 'nonsense', target: { all: true } }),
      400,
      '栏目类别“nonsense”不存在',
    )
    await refusedAndUnchanged(pushArticle(await reqAs(u.admin), { article: notice.id, category: 'notices', target: {} }), 400, /请选择推送范围/)
    const draft = await payload.create({ collection: 'articles', data: { title: '通知草稿', column: col.portalNotices.id } as never, overrideAccess: true })
    await refusedAndUnchanged(
      pushArticle(await reqAs(u.admin), { article: draft.id, category: 'notices', target: { all: true } }),
      400,
      /只能报送或推送已发布的文章/,
    )
  })
})

describe('push (统一推送)', () => {
  let notice: Record<string, any>
  let batch: string
  let placed: Array<{ placement: number | string; siteCode: string; columnPath: string }>

  it('places an article in the notices column of every other site at once, accepted without any action', async () => {
    notice = await publishedArticle(payload, col.portalNotices.id, '关于全市统一推送测试的通知')
    const before = await placementCount(payload)
    const started = performance.now()
    const result = await pushArticle(await reqAs(u.admin), { article: notice.id, category: 'notices', target: { all: true } })
    const ms = performance.now() - started
    batch = result.batch
    placed = result.placed
    const active = await payload.count({ collection: 'sites', where: { status: { equals: 'active' } }, overrideAccess: true }).then((r) => r.totalDocs)
    expect(placed.length).toBe(active - 1)
    expect(placed.length).toBeGreaterThanOrEqual(150)
    expect(result.refused).toEqual([{ site: notice.site, siteCode: 'www', message: '网站“中国玉林（www）”是文章所在网站，无需推送' }])
    expect(await placementCount(payload)).toBe(before + placed.length)
    const stored = await payload.find({ collection: P, where: { batch: { equals: batch } }, pagination: false, depth: 0, overrideAccess: true })
    expect(stored.docs.every((d: any) => d.state === 'accepted' && d.kind === 'push' && String(d.decidedBy) === String(u.admin.id))).toBe(true)
    console.log(
      `push to ${placed.length} sites: ${ms.toFixed(0)} ms in all, ${result.storeMs} ms storing the placements (${(result.storeMs / placed.length).toFixed(1)} ms each)`,
    )
  })

  it("appears on every receiving site's notices column, served by the public handler", async () => {
    const missing: string[] = []
    for (const p of placed) {
      const reply = await page(`/s/${p.siteCode}/${p.columnPath}/`)
      if (reply.status !== 200 || !reply.body.includes('关于全市统一推送测试的通知') || !reply.body.includes(`/s/www/tzgg/${notice.id}.html`))
        missing.push(p.siteCode)
    }
    expect(missing).toEqual([])
  })

  it('receiving sites cannot edit or delete a pushed item', async () => {
    const beiliu = placed.find((p) => p.siteCode === 'beiliu')!
    for (const attempt of [
      decide(u.beiliuSiteAdmin, beiliu.placement, { state: 'rejected', rejectionReason: '不想要' }),
      decide(u.beiliuReviewer, beiliu.placement, { note: '改一下' }),
      payload.delete({ collection: P, id: beiliu.placement as never, ...as(u.beiliuSiteAdmin) }),
    ]) {
      const refused = await refusal(attempt)
      expect(refused.status).toBe(403)
      expect(refused.message).toContain('统一推送的信息由站群管理员统一管理，接收网站不能修改或删除')
    }
    expect(await stateOf(beiliu.placement)).toBe('accepted')
  })

  it('pushes by organization kind and by a list of sites, reporting sites without a matching column', async () => {
    const second = await publishedArticle(payload, col.portalNotices.id, '只推送到县市的通知')
    const counties = await payload.find({
      collection: 'organizations',
      where: { kind: { equals: 'county' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const countySites = await payload.count({
      collection: 'sites',
      where: { and: [{ organization: { in: counties.docs.map((o) => o.id) } }, { status: { equals: 'active' } }] },
      overrideAccess: true,
    })
    const byKind = await pushArticle(await reqAs(u.admin), { article: second.id, category: 'notices', target: { kinds: ['county'] } })
    expect(byKind.placed.length).toBe(countySites.totalDocs)
    expect(byKind.refused).toEqual([])
    // rsj's notices column becomes another category: rsj is reported, fgw still gets the item.
    const rsjNotices = await columnAt(payload, 'rsj', 'tzgg')
    const czzj = await columnAt(payload, 'rsj', 'zfxxgk/czzj')
    await payload.update({ collection: 'columns', id: rsjNotices.id, data: { category: 'other' } as never, overrideAccess: true })
    await payload.update({ collection: 'columns', id: czzj.id, data: { category: 'other' } as never, overrideAccess: true })
    try {
      const third = await publishedArticle(payload, col.portalNotices.id, '推送到指定网站的通知')
      const listed = await pushArticle(await reqAs(u.admin), { article: third.id, category: 'notices', target: { sites: ['fgw', 'rsj', 'no-such-site'] } })
      expect(listed.placed.map((p) => p.siteCode)).toEqual(['fgw'])
      expect(listed.refused.map((r) => r.message)).toEqual([
        '网站不存在或未启用（no-such-site）',
        expect.stringMatching(/^网站“.*（rsj）”没有“通知公告”类栏目，未推送到该网站$/),
      ])
    } finally {
      await payload.update({ collection: 'columns', id: rsjNotices.id, data: { category: 'notices' } as never, overrideAccess: true })
      await payload.update({ collection: 'columns', id: czzj.id, data: { category: 'notices' } as never, overrideAccess: true })
    }
  })

  it('a central admin recalls the push: it disappears from every site', async () => {
    const { recallPush } = await import('../../src/sharing')
    const refused = await refusal(recallPush(await reqAs(u.beiliuSiteAdmin), batch))
    expect(refused.status).toBe(403)
    const result = await recallPush(await reqAs(u.admin), batch)
    expect(result.removed).toBe(placed.length)
    for (const p of placed.filter((_, i) => i % 15 === 0)) {
      await eventually(async () => expect((await page(`/s/${p.siteCode}/${p.columnPath}/`)).body).not.toContain('关于全市统一推送测试的通知'))
    }
  })
})

describe('counts for the scorecard (采用数)', () => {
  it('counts submissions per submitting unit by state; pushes are not counted', async () => {
    const counts = await submissionCounts(payload, { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 60_000) })
    const fgw = counts.find((c) => String(c.organization) === String(u.fgwEditor.organization))!
    const stored = await payload.find({
      collection: P,
      where: { and: [{ sourceOrganization: { equals: u.fgwEditor.organization } }, { kind: { equals: 'submission' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const by = (state: string) => stored.docs.filter((d: any) => d.state === state).length
    expect(fgw).toEqual({
      organization: u.fgwEditor.organization,
      submitted: stored.docs.length,
      accepted: by('accepted'),
      rejected: by('rejected'),
      pending: by('pending'),
    })
    expect(fgw.accepted).toBeGreaterThanOrEqual(2)
    expect(fgw.rejected).toBe(1)
    expect(counts.find((c) => String(c.organization) === String(u.admin.organization))).toBeUndefined()
    const none = await submissionCounts(payload, { from: new Date(Date.now() + 3600_000), to: new Date(Date.now() + 7200_000) })
    expect(none).toEqual([])
  })

  it('the scorecard gathers them and the adoption-count check scores them', async () => {
    const { gatherInputs, evaluateRun, loadIndicatorSet, BUILT_IN_SET_DATA } = await import('../../src/scorecard')
    const { inputs } = await gatherInputs(payload, {
      asOf: new Date(Date.now() + 60_000),
      organizationIds: [u.fgwEditor.organization as never, u.beiliuReviewer.organization as never],
    })
    const fgw = inputs.find((i) => String(i.organization.id) === String(u.fgwEditor.organization))!
    const counts = await submissionCounts(payload, {
      from: new Date(Date.now() - 365 * 86400_000),
      to: new Date(Date.now() + 60_000),
      organizationIds: [u.fgwEditor.organization as never],
    })
    expect(fgw.submissions).toEqual({ submitted: counts[0].submitted, accepted: counts[0].accepted, rejected: counts[0].rejected })
    const rsj = inputs.find((i) => String(i.organization.id) === String(u.beiliuReviewer.organization))!
    expect(rsj.submissions).toEqual({ submitted: 0, accepted: 0, rejected: 0 })
    // The Yulin public rating set with an adoption indicator added (a new version of the set).
    const data = structuredClone(BUILT_IN_SET_DATA['yulin-public-rating']) as any
    data.version = `${data.version}-adoption`
    data.indicators.push({
      code: 'R11',
      name: '信息采用',
      nameEn: 'Submissions adopted',
      group: 'deduction',
      area: 'publishing',
      measure: { check: 'adoption-count', params: { target: 4, minAccepted: 1 } },
      points: { max: 10 },
    })
    const set = loadIndicatorSet(data)
    const run = evaluateRun(set, [fgw, rsj], { asOf: new Date() })
    const r11 = (org: unknown) => run.results.find((r) => String(r.organization.id) === String(org))!.indicators.find((i) => i.code === 'R11')!
    expect(r11(u.fgwEditor.organization).status).toBe('pass')
    expect(r11(u.fgwEditor.organization).points).toBeCloseTo((10 * Math.min(counts[0].accepted, 4)) / 4)
    expect(r11(u.beiliuReviewer.organization).status).toBe('fail')
    expect(r11(u.beiliuReviewer.organization).points).toBe(0)
  })
})

/** A request for the plain functions (submitArticle, pushArticle) as a signed-in user, in the chosen admin language. */
async function reqAs(user: unknown, language: 'zh' | 'en' = 'zh') {
  const { createLocalReq } = await import('payload')
  const req = await createLocalReq({ user: user as never }, payload)
  if (language === 'en') {
    const { initI18n } = await import('@payloadcms/translations')
    const i18n = await initI18n({ config: payload.config.i18n, context: 'api', language: 'en' })
    Object.assign(req, { i18n, t: i18n.t })
  }
  return req
}
