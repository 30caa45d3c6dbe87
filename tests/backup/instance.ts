/**
 * Child process: one app instance (Payload + public sites with its own page cache and the
 * background invalidation poller, as in production) on DATABASE_URI. Prints `listening <port>`;
 * reads editor commands as JSON lines on stdin and prints `ok <seq> <id>` once each is committed.
 */
import readline from 'node:readline'
import { getPayload } from 'payload'
import config from '@payload-config'
import { createPublicSites } from '../../src/sites/index'
import { startSitesServer } from '../sites/boot'

process.env.JOBS_AUTORUN = 'false'
const payload = await getPayload({ config })
const sites = await createPublicSites({ payload, logger: { error: (obj, msg) => console.error(msg, obj) } })
const server = await startSitesServer(sites)
console.log(`listening ${server.port}`)

const paragraph = (text: string) => ({
  root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, format: 0, version: 1 }] }] },
})

for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as {
    seq: number
    op: 'publish' | 'update'
    site?: string
    column?: string
    id?: number
    title?: string
    data?: Record<string, unknown>
  }
  try {
    if (command.op === 'publish') {
      const site = (await payload.find({ collection: 'sites', where: { code: { equals: command.site } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
      const column = (
        await payload.find({
          collection: 'columns',
          where: { and: [{ site: { equals: site.id } }, { path: { equals: command.column } }] },
          depth: 0,
          limit: 1,
          overrideAccess: true,
        })
      ).docs[0]
      const doc = await payload.create({
        collection: 'articles',
        data: { title: command.title, column: column.id, state: 'published', _status: 'published', body: paragraph(`${command.title}正文`) } as never,
        depth: 0,
        overrideAccess: true,
      })
      console.log(`ok ${command.seq} ${doc.id}`)
    } else {
      await payload.update({ collection: 'articles', id: command.id!, data: command.data as never, depth: 0, overrideAccess: true })
      console.log(`ok ${command.seq} ${command.id}`)
    }
  } catch (error) {
    console.log(`error ${command.seq} ${(error as Error).message}`)
  }
}
await server.close()
await sites.close()
await payload.destroy()
process.exit(0)
