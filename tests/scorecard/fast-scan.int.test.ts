import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArticleTextReader } from '../../src/db/bulk-scan-sqlite'
import { insertArticles, type BulkArticle } from '../../src/db/bulk'
import { publicArticleWhere } from '../../src/access'
import { activeIndicatorSet, ensureBuiltInIndicatorSets, loadStructure, scanDatabaseArticles, serializeScanState } from '../../src/scorecard'
import { bootPayload } from '../helpers/payload'
import { daysAgo, seedDbGroup, type DbGroup } from './db-group'

/**
 * The fast text scan (bulk reads by id range in worker threads, raw-body prefilter) against the
 * Local API path on a real database: the same findings in the same order, whatever the workers
 * and chunk sizes; the bulk reader's rows are the Local API's publicly visible articles.
 */
let payload: Payload
let group: DbGroup

const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children })
const lexical = (...paragraphs: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs } })

beforeAll(async () => {
  payload = await bootPayload('scorecard-fast-scan')
  group = await seedDbGroup(payload)
  await ensureBuiltInIndicatorSets(payload)
  const base = (n: number, body: unknown, extra: Partial<BulkArticle> = {}): BulkArticle => ({
    title: `丙局动态${n}`,
    column: group.columns['c.news']!,
    site: group.sites.c.id,
    organization: group.orgs.c,
    state: 'published',
    publishedAt: daysAgo(3),
    body,
    disclosure: { indexNumber: `FAST/${n}` },
    ...extra,
  })
  await insertArticles(payload, [
    base(1, lexical(paragraph(text('市长助'), text('里出席会议。')))), // a typo split over two text nodes
    base(2, lexical(paragraph(text('中华人民共')), paragraph(text('合国成立纪念。')))), // … over two paragraphs
    base(3, lexical(paragraph(text('他说"人民政付"要改。')))), // escaped quotes around a typo
    base(4, lexical(paragraph({ type: 'upload', version: 3, relationTo: 'media', value: 999999, fields: null }))), // image without alt text
    base(
      5,
      lexical(paragraph({ type: 'autolink', version: 1, fields: { url: `/s/${group.sites.c.code}/nowhere/`, linkType: 'custom' }, children: [text('见')] })),
    ),
    base(6, lexical(paragraph(text('玉林市召开工作会议。'))), { title: '关于网络赌场的通报' }), // term in the title only
    base(7, lexical(paragraph(text('玉林市召开工作会议。')))),
    base(8, lexical(paragraph(text('六合彩'))), { state: 'withdrawn' as never }), // not public: never read
    base(9, lexical(paragraph(text('六合彩'))), { publishedAt: new Date(Date.now() + 86_400_000).toISOString() }), // scheduled
    base(10, lexical(paragraph(text('六合彩'))), { state: 'draft' }),
    base(11, lexical(paragraph(text('玉林市召开工作会议。'))), { publishedAt: daysAgo(60) }), // imported: an old date is genuine
  ])
  // An editor's article dated two months back (backdated): its body is skipped by the prefilter,
  // so its date finding comes from a worker.
  await payload.create({
    collection: 'articles',
    data: {
      title: '丙局旧闻',
      column: group.columns['c.news'],
      _status: 'published',
      publishedAt: daysAgo(60),
      body: lexical(paragraph(text('玉林市召开工作会议。'))),
    } as never,
    overrideAccess: true,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('the fast text scan', () => {
  it('finds exactly what the Local API path finds, in the same order, with any worker and chunk setting', async () => {
    const set = (await activeIndicatorSet(payload))!
    const structure = await loadStructure(payload, 500)
    const asOf = new Date()
    const options = { asOf, full: true, pageSize: 7 }
    const viaApi = serializeScanState(await scanDatabaseArticles(payload, set, structure, null, { ...options, mode: 'local-api' }))
    const pages = serializeScanState(await scanDatabaseArticles(payload, set, structure, null, { ...options, textScan: 'pages' }))
    const inThread = serializeScanState(await scanDatabaseArticles(payload, set, structure, null, { ...options, workers: 0, chunkIds: 5 }))
    const workers = serializeScanState(await scanDatabaseArticles(payload, set, structure, null, { ...options, workers: 2, chunkIds: 3 }))
    expect(pages).toEqual(viaApi)
    expect(inThread).toEqual(viaApi)
    expect(workers).toEqual(viaApi)
    const terms = viaApi.findings.filter((f) => ['V1.1', 'V1.2'].includes(f.indicatorCode)).map((f) => f.detail.term)
    expect(terms).toEqual(expect.arrayContaining(['市长助里', '中华人民共合国', '人民政付', '网络赌场', '六合彩']))
    expect(terms.filter((t) => t === '六合彩')).toHaveLength(1) // group's own article only: withdrawn, scheduled, draft left out
    const byCheck = new Set(viaApi.findings.map((f) => f.indicatorCode))
    expect(viaApi.findings.filter((f) => f.indicatorCode === 'V1.3').map((f) => [f.title, f.detail.kind])).toContainEqual(['丙局旧闻', 'backdated'])
    for (const check of ['broken-links', 'image-alt']) {
      const code = set.indicators.find((i) => i.measure.kind === 'check' && i.measure.check.id === check)?.code
      if (code) expect(byCheck.has(code), `${check} (${code}) found nothing`).toBe(true)
    }
  })

  it('reads incrementally only the articles changed since a moment', async () => {
    const set = (await activeIndicatorSet(payload))!
    const structure = await loadStructure(payload, 500)
    const asOf = new Date()
    const full = await scanDatabaseArticles(payload, set, structure, null, { asOf, full: true, pageSize: 50 })
    const since = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const { docs } = await payload.find({ collection: 'articles', where: { title: { equals: '丙局动态7' } }, depth: 0, overrideAccess: true })
    await payload.update({ collection: 'articles', id: docs[0]!.id, data: { title: '丙局动态7 办理假证' } as never, overrideAccess: true })
    const later = new Date()
    const options = { asOf: later, full: false, since, pageSize: 50 }
    const fast = serializeScanState(await scanDatabaseArticles(payload, set, structure, full, { ...options, workers: 2, chunkIds: 4 }))
    const viaApi = serializeScanState(await scanDatabaseArticles(payload, set, structure, full, { ...options, mode: 'local-api' }))
    expect(fast).toEqual(viaApi)
    expect(fast.findings.some((f) => f.detail.term === '办理假证')).toBe(true)
  })

  it('reads by id range exactly the publicly visible articles the Local API returns', async () => {
    const asOf = new Date()
    const reader = openArticleTextReader(process.env.DATABASE_URI!)
    try {
      const range = reader.idRange()!
      const rows = reader.readRange(range.min, range.max + 1, asOf.toISOString(), null)
      const { docs } = await payload.find({
        collection: 'articles',
        where: publicArticleWhere(asOf),
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        sort: 'id',
        select: { title: true, organization: true } as never,
      })
      expect(rows.map((r) => [r.id, r.title, r.organization])).toEqual(docs.map((d: any) => [d.id, d.title, d.organization]))
      expect(rows.length).toBeGreaterThan(30)
    } finally {
      reader.close()
    }
  })
})
