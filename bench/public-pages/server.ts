/**
 * One server process of the benchmark: `--mode sites` runs the public sites (lean cache handler
 * in front of Express, as src/server.ts mounts them), `--cache off` disables the page cache,
 * `--data-cache off` the list read model below it, `--fragments off` the site-level fragments;
 * `--mode baseline` is node's plain http sending bytes it receives from the parent from memory.
 * Prints `READY <port>` when listening.
 */
import '../../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import cluster from 'node:cluster'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'sites' },
    cache: { type: 'string', default: 'on' },
    'data-cache': { type: 'string', default: 'on' },
    fragments: { type: 'string', default: 'on' },
    workers: { type: 'string', default: '1' },
  },
})
for (const flag of ['cache', 'data-cache', 'fragments'] as const) {
  if (values[flag] !== 'on' && values[flag] !== 'off') {
    console.error(`--${flag} must be "on" or "off", got "${values[flag]}"`)
    process.exit(2)
  }
}
const workers = Number(values.workers)
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`--workers must be a whole number ≥ 1, got "${values.workers}"`)
  process.exit(2)
}

/**
 * With `--workers N` (N > 1) the process is a node:cluster primary that forks N copies of itself
 * sharing one listening port — the several-instances layout of the README on one machine, each
 * worker with its own caches kept coherent by the database poll. The primary relays stdin (the
 * baseline's pages) to every worker and prints `READY <port>` and `PIDS <pid,…>` once all listen.
 */
if (workers > 1 && cluster.isPrimary) {
  let input = ''
  process.stdin.setEncoding('utf8')
  const stdinDone =
    values.mode === 'baseline' ? new Promise<void>((resolve) => process.stdin.on('data', (c) => (input += c)).on('end', resolve)) : Promise.resolve()
  await stdinDone
  const ports: number[] = []
  // Workers read the baseline's pages from a file: an IPC message could arrive before they listen for it.
  const inputFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-pages-')), 'pages.jsonl')
  writeFileSync(inputFile, input)
  const children = Array.from({ length: workers }, () => cluster.fork({ BENCH_PAGES_FILE: inputFile }))
  for (const child of children) {
    child.on('message', (message: { ready?: number }) => {
      if (message.ready === undefined) return
      ports.push(message.ready)
      if (ports.length === workers) {
        console.log(`PIDS ${children.map((c) => c.process.pid).join(',')}`)
        console.log(`READY ${ports[0]}`)
      }
    })
    child.on('exit', (code) => {
      console.error(`bench worker ${child.process.pid} exited with ${code}`)
      process.exit(1)
    })
  }
} else {
  await serve()
}

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  if (cluster.isWorker) process.send!({ ready: port })
  else console.log(`READY ${port}`)
}

async function serve() {
  if (values.mode === 'baseline') {
    // Pages arrive on stdin as JSON lines {path, contentType, body(base64)}, then "END".
    const pages = new Map<string, { contentType: string; body: Buffer }>()
    let buffered = ''
    const onInput = async (chunk: string) => {
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
    }
    if (cluster.isWorker) await onInput(readFileSync(process.env.BENCH_PAGES_FILE!, 'utf8'))
    else {
      process.stdin.setEncoding('utf8')
      process.stdin.on('data', (chunk: string) => void onInput(chunk))
    }
  } else {
    process.env.JOBS_AUTORUN = 'false'
    const { getPayload } = await import('payload')
    const { default: express } = await import('express')
    const { benchConfig } = await import('./config')
    const { createPublicSites } = await import('../../src/sites')
    const payload = await getPayload({ config: await benchConfig({ push: false }) })
    const schema = await (await import('./schema')).applyAdditiveSchema(payload)
    if (schema.applied.length) console.error(`bench database: applied ${schema.applied.length} additive schema statements (${schema.applied.join('; ')})`)
    const sites = await createPublicSites({
      payload,
      config: { cache: { enabled: values.cache === 'on' }, dataCache: { enabled: values['data-cache'] === 'on' }, siteFragments: values.fragments === 'on' },
    })
    const app = express()
    app.disable('x-powered-by')
    app.use(sites.handler)
    // BENCH_LOOP_DELAY=1: each worker prints its event-loop delay every 2 s (how stalls were found).
    if (process.env.BENCH_LOOP_DELAY) {
      const { monitorEventLoopDelay } = await import('node:perf_hooks')
      const delay = monitorEventLoopDelay({ resolution: 5 })
      delay.enable()
      setInterval(() => {
        console.error(`[${process.pid}] loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} max ${(delay.max / 1e6).toFixed(1)} ms`)
        delay.reset()
      }, 2000).unref()
    }
    await listen(http.createServer((req, res) => void (sites.leanHandler(req, res) || app(req, res))))
  }
}
