/**
 * Child process: an editor publishing articles without pause, as the live server would while a
 * backup runs. Prints `acked <n>` after each committed write; on SIGTERM it finishes the write in
 * flight, prints `done <n>` and exits.
 */
import { getPayload } from 'payload'
import config from '@payload-config'

process.env.JOBS_AUTORUN = 'false'
const payload = await getPayload({ config })
const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
const column = (
  await payload.find({
    collection: 'columns',
    where: { and: [{ site: { equals: site.id } }, { path: { equals: 'gzdt/bdwdt' } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
).docs[0]
let stopping = false
process.on('SIGTERM', () => (stopping = true))
console.log('ready')
let n = 0
while (!stopping) {
  const title = `backup-writer-${String(n + 1).padStart(6, '0')}`
  const text = {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: `${title} 正文`, format: 0, version: 1 }] }],
    },
  }
  await payload.create({
    collection: 'articles',
    data: { title, column: column.id, state: 'published', _status: 'published', body: text } as never,
    depth: 0,
    overrideAccess: true,
  })
  console.log(`acked ${++n}`)
  // Back to the event loop between writes, as a server is between requests: SQLite answers through
  // promises alone, so without this turn the loop never lets the SIGTERM handler run.
  await new Promise((resolve) => setImmediate(resolve))
}
console.log(`done ${n}`)
await payload.destroy()
process.exit(0)
