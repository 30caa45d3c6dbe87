/**
 * Child process: a bulk publish, one article at a time through the Local API (hooks included, so
 * the search index is written as well). Prints `ready`, then `acked <n> <id>` only after
 * payload.create returned — the moment an editor would see "published". Runs until killed.
 */
import { getPayload } from 'payload'
import config from '@payload-config'

process.env.JOBS_AUTORUN = 'false'
const payload = await getPayload({ config })
const prefix = process.env.FAULT_TITLE_PREFIX || 'bulk-publish'
const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]!
const column = (
  await payload.find({
    collection: 'columns',
    where: { and: [{ site: { equals: site.id } }, { path: { equals: 'gzdt/bdwdt' } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
).docs[0]!
console.log('ready')
for (let n = 1; ; n++) {
  const title = `${prefix}-${String(n).padStart(5, '0')}`
  const body = {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: `${title} 正文`, format: 0, version: 1 }] }],
    },
  }
  const doc = await payload.create({
    collection: 'articles',
    data: { title, column: column.id, state: 'published', _status: 'published', body } as never,
    depth: 0,
    overrideAccess: true,
  })
  console.log(`acked ${n} ${doc.id}`)
}
