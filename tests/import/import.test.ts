import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload } from '../helpers/payload'
import { lexicalToText, loadRedirectTable } from '../../src/sites'
import { ImportRefused, oldPath, pageRecords, runImport, type ImportOptions } from '../../src/import'
import { startLegacySite, type LegacySite } from './legacy-site'

const COUNT = Number(process.env.IMPORT_TEST_ARTICLES || 300)
// 300 pages took 175 s (import and checks) at a load average of ~10 on the shared 2-core machine.
const IMPORT_TIMEOUT = 300_000
type Doc = Record<string, any>

let payload: Payload
let legacy: LegacySite
let site: Doc
let mappingFile: string
const columnPaths: Record<string, string> = {}

const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  site: site.code,
  from: legacy.url,
  mappingFile,
  crawl: { rate: 10_000, timeoutMs: 1500, maxBytes: 200_000, maxPages: 2000 },
  ...extra,
})

beforeAll(async () => {
  payload = await bootPayload('import', { seeded: true })
  legacy = await startLegacySite(COUNT, { bad: true })
  site = (await payload.find({ collection: 'sites', limit: 1, depth: 0, overrideAccess: true, sort: 'id' })).docs[0] as Doc
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-mapping-'))
  const mapping: Record<string, string> = {}
  for (const [key, name] of [
    ['news', '新闻动态'],
    ['notices', '通知公告'],
    ['policies', '政策文件'],
  ] as const) {
    const column = (await payload.create({
      collection: 'columns',
      data: { name: `迁移${name}`, slug: `legacy-${key}`, site: site.id, ownerOrganization: site.organization } as never,
      overrideAccess: true,
    })) as Doc
    columnPaths[key] = column.path
    mapping[name] = column.path
  }
  mappingFile = path.join(dir, 'mapping.json')
  writeFileSync(mappingFile, JSON.stringify({ columns: mapping }))
})

afterAll(async () => {
  await legacy?.close()
  await payload?.destroy()
})

const articlesIn = async (key: string) => {
  const column = (await payload.find({ collection: 'columns', where: { path: { equals: columnPaths[key] } }, limit: 1, depth: 0, overrideAccess: true }))
    .docs[0] as Doc
  return (await payload.find({ collection: 'articles', where: { column: { equals: column.id } }, limit: 0, depth: 1, overrideAccess: true })).docs as Doc[]
}

describe('import of a generated legacy site', () => {
  it('refuses a wrong site, an unreachable source and a bad mapping before writing anything', async () => {
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    await expect(runImport(payload, { ...options(), site: 'no-such-site' })).rejects.toThrow(ImportRefused)
    await expect(runImport(payload, { ...options(), from: 'http://127.0.0.1:9/' })).rejects.toThrow(/does not answer/)
    const bad = path.join(path.dirname(mappingFile), 'bad.json')
    writeFileSync(bad, JSON.stringify({ columns: { 新闻动态: 'no/such/column' } }))
    await expect(runImport(payload, { ...options(), mappingFile: bad })).rejects.toThrow(/no such column/)
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('a dry run reports the mapping and writes nothing', async () => {
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    const report = await runImport(payload, options({ dryRun: true }))
    expect(report.counts.imported).toBe(COUNT + 1)
    expect(report.columns['新闻动态']).toBe(columnPaths.news)
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(before)
  })

  it(
    'imports every article with its fields, files, disclosure data and a 301 from its old path',
    async () => {
      const report = await runImport(payload, options())
      const reasons = Object.fromEntries(report.pages.filter((p) => p.outcome === 'failed').map((p) => [new URL(p.url).pathname, p.reason]))
      expect(reasons['/bad/404.html']).toBe('HTTP 404')
      expect(reasons['/bad/500.html']).toBe('HTTP 500')
      expect(reasons['/bad/loop.html']).toMatch(/redirect loop/)
      expect(reasons['/bad/big.html']).toMatch(/size limit/)
      expect(reasons['/bad/undecodable.html']).toMatch(/undecodable/)
      expect(reasons['/bad/offhost.html']).toMatch(/left the host/)
      expect(reasons['/bad/slow.html']).toMatch(/no answer/)
      expect(report.pages.some((p) => p.url.includes('/private/'))).toBe(true)
      expect(report.pages.find((p) => p.url.includes('/private/'))?.reason).toMatch(/robots/)
      expect(report.failedAssets.map((f) => new URL(f.url).pathname)).toEqual(['/bad/fake.pdf'])
      expect(report.counts.imported).toBe(COUNT + 1)
      expect(report.outsideLinks.some((l) => l.url.startsWith('https://www.gov.cn/'))).toBe(true)

      const imported = new Map<string, Doc>()
      for (const key of ['news', 'notices', 'policies'])
        for (const doc of await articlesIn(key)) if (doc.title !== '附件类型不符的文章') imported.set(doc.title, doc)
      expect(imported.size).toBe(COUNT)
      const records = await pageRecords(payload, site.id)
      const idByPath = new Map(records.map((r) => [new URL(r.sourceUrl).pathname, r.article]))
      // The public sites answer old paths from this table (src/sites/redirects.ts).
      const table = await loadRedirectTable(payload)
      for (const original of legacy.articles) {
        const doc = imported.get(original.title)
        expect(doc, original.title).toBeDefined()
        expect(new Date(doc!.publishedAt).getTime()).toBe(new Date(original.publishedAt).getTime())
        expect(doc!.source).toBe(original.source)
        const text = lexicalToText(doc!.body)
        for (const paragraph of original.paragraphs) expect(text).toContain(paragraph)
        expect(doc!.workflow ?? []).toEqual([])
        expect((doc!.attachments ?? []).map((m: Doc) => m.filename?.replace(/-\d+(?=\.pdf$)/, ''))).toEqual(
          original.attachment ? [original.attachment.name] : [],
        )
        if (original.image) expect(JSON.stringify(doc!.body)).toContain('"type":"upload"')
        if (original.disclosure) {
          const d = doc!.disclosure
          expect({
            indexNumber: d.indexNumber,
            documentNumber: d.documentNumber,
            publisher: d.publisher,
            topic: d.topic,
            writtenAt: d.writtenAt?.slice(0, 10),
          }).toEqual({
            ...original.disclosure,
            writtenAt: new Date(`${original.disclosure.writtenAt}T00:00:00+08:00`).toISOString().slice(0, 10),
          })
        }
        if (original.linksTo) {
          const target = idByPath.get(original.linksTo)
          const links = JSON.stringify(doc!.body).match(/"url":"[^"]+"/g) ?? []
          expect(links.some((l) => new RegExp(`/${target}\\.html"$`).test(l))).toBe(true)
        }
        const redirect = (
          await payload.find({
            collection: 'redirects',
            where: { and: [{ site: { equals: site.id } }, { fromPath: { equals: oldPath(new URL(original.path, legacy.url).toString()) } }] },
            limit: 1,
            depth: 0,
            overrideAccess: true,
          })
        ).docs[0] as Doc
        expect(redirect?.toPath).toBe(`/${columnPaths[original.column]}/${doc!.id}.html`)
        expect(redirect?.statusCode).toBe(301)
        expect(table.lookup(site.id, original.path)?.path).toBe(redirect.toPath)
      }
    },
    IMPORT_TIMEOUT,
  )

  it(
    're-running imports nothing new, and 5 changed pages update exactly those 5',
    async () => {
      const again = await runImport(payload, options())
      expect(again.counts.imported).toBe(0)
      expect(again.counts.updated).toBe(0)
      const changed = legacy.articles.filter((_, i) => i % 50 === 3).slice(0, 5)
      legacy.change(changed.map((a) => a.path))
      const third = await runImport(payload, options())
      expect(third.counts.imported).toBe(0)
      expect(
        third.pages
          .filter((p) => p.outcome === 'updated')
          .map((p) => new URL(p.url).pathname)
          .sort(),
      ).toEqual(changed.map((a) => a.path).sort())
      const doc = (await payload.find({ collection: 'articles', where: { title: { equals: changed[0].title } }, limit: 2, depth: 0, overrideAccess: true }))
        .docs
      expect(doc).toHaveLength(1)
      expect(lexicalToText(doc[0].body)).toContain('修订：本文已更新。')
      const xlsx = await third.toXlsx()
      expect(xlsx.subarray(0, 2).toString()).toBe('PK')
    },
    IMPORT_TIMEOUT,
  )
})
