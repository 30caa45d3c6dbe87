import type { Payload } from 'payload'
import { lexicalNodesOfType } from '../lib/lexical'
import { pageRecords } from './records'
import type { ImportReport } from './report'

type Id = number | string
type Doc = Record<string, any>

/**
 * Second pass, once every target exists: a body link to an imported old page becomes that
 * article's new address; a link to an old page that was not imported is kept and reported, as is
 * every link leaving the old site.
 */
export async function rewriteLinks(payload: Payload, site: Doc, origin: string, written: Array<{ url: string; article: Id }>, report: ImportReport) {
  if (!written.length) return
  const records = await pageRecords(payload, site.id)
  const articleOf = new Map(records.map((r) => [withoutHash(r.sourceUrl), typeof r.article === 'object' ? r.article.id : r.article]))
  const columns = (await payload.find({ collection: 'columns', where: { site: { equals: site.id } }, limit: 0, depth: 0, overrideAccess: true })).docs as Doc[]
  const pathOf = new Map(columns.map((c) => [c.id, c.path]))
  const targets = new Map<Id, Id>()
  const newPath = async (id: Id): Promise<string | undefined> => {
    if (!targets.has(id)) {
      const doc = await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true, select: { column: true } }).catch(() => null)
      if (doc) targets.set(id, (doc as Doc).column)
    }
    const column = pathOf.get(targets.get(id) as Id)
    return column ? `/${column}/${id}.html` : undefined
  }

  for (const { url: page, article } of written) {
    const doc = (await payload.findByID({ collection: 'articles', id: article, depth: 0, overrideAccess: true })) as Doc
    let changed = false
    for (const link of lexicalNodesOfType(doc.body, ['link', 'autolink']) as Doc[]) {
      const href = String(link.fields?.url ?? '')
      if (!/^https?:/i.test(href)) continue
      if (!href.startsWith(origin + '/') && href !== origin) {
        report.outsideLinks.push({ page, url: href })
        continue
      }
      const target = articleOf.get(withoutHash(href))
      const path = target !== undefined ? await newPath(target) : undefined
      if (!path) {
        report.outsideLinks.push({ page, url: href })
        continue
      }
      link.fields.url = path + (new URL(href).hash || '')
      changed = true
    }
    if (changed)
      await payload.update({
        collection: 'articles',
        id: article,
        data: { body: doc.body, state: 'published', _status: 'published' },
        overrideAccess: true,
        depth: 0,
      })
  }
}

const withoutHash = (url: string) => url.split('#')[0]
