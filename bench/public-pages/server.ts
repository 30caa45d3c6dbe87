/**
 * One server process of the benchmark: `--mode sites` runs the public sites (lean cache handler
 * in front of Express, as src/server.ts mounts them), `--cache off` disables the page cache;
 * `--mode baseline` is node's plain http sending bytes it receives from the parent from memory.
 * Prints `READY <port>` when listening.
 */
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'sites' }, cache: { type: 'string', default: 'on' } } })

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  console.log(`READY ${(server.address() as AddressInfo).port}`)
}

if (values.mode === 'baseline') {
  // Pages arrive on stdin as JSON lines {path, contentType, body(base64)}, then "END".
  const pages = new Map<string, { contentType: string; body: Buffer }>()
  let buffered = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', async (chunk) => {
    buffered += chunk
    let newline
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      if (line === 'END') {
        await listen(
          http.createServer((req, res) => {
            const page = pages.get(req.url ?? '/')
            if (!page) return res.writeHead(404).end()
            res.writeHead(200, { 'Content-Type': page.contentType, 'Content-Length': page.body.length })
            res.end(page.body)
          }),
        )
      } else if (line) {
        const { path, contentType, body } = JSON.parse(line)
        pages.set(path, { contentType, body: Buffer.from(body, 'base64') })
      }
    }
  })
} else {
  process.env.JOBS_AUTORUN = 'false'
  const { getPayload } = await import('payload')
  const { default: express } = await import('express')
  const { benchConfig } = await import('./config')
  const { createPublicSites } = await import('../../src/sites')
  const payload = await getPayload({ config: await benchConfig({ push: false }) })
  const schema = await (await import('./schema')).applyAdditiveSchema(payload)
  if (schema.applied.length) console.error(`bench database: applied ${schema.applied.length} additive schema statements (${schema.applied.join('; ')})`)
  const sites = await createPublicSites({ payload, config: { cache: { enabled: values.cache !== 'off' } } })
  const app = express()
  app.disable('x-powered-by')
  app.use(sites.handler)
  await listen(http.createServer((req, res) => void (sites.leanHandler(req, res) || app(req, res))))
}
