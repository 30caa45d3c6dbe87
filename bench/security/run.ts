/**
 * What the security front door costs on the fastest path: a page-cache hit answered by the lean
 * handler alone (baseline), behind the front door without the page rate limit (headers +
 * traversal check), and with the rate limit on (set high enough never to refuse). Each variant is
 * a child process; autocannon drives it from this one, variants alternate, two rounds.
 *   npm run bench:security [-- --seconds 5 --connections 20]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values } = parseArgs({
  options: { serve: { type: 'string' }, seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '20' } },
})
const PATH = '/s/bench/'

if (values.serve) {
  const { PageCache, buildResponse, createLeanHandler, cacheKey } = await import('../../src/sites')
  const { createSecurity } = await import('../../src/security')
  const cache = new PageCache(64 * 1024 * 1024)
  const body = `<!doctype html><html lang="zh-CN"><title>bench</title><main>${'<p>玉林市人民政府门户网站 政务公开 办事服务 互动交流</p>'.repeat(200)}</main></html>`
  cache.set(
    cacheKey('localhost', PATH),
    buildResponse(body, { contentType: 'text/html; charset=utf-8', tags: [], ttlSeconds: 86_400 }, { brotliQuality: 5, gzipLevel: 6 }),
    cache.begin(),
  )
  const lean = createLeanHandler({ cache, themes: { asset: () => undefined } as never, securityHeaders: {} })
  const notFound = (_req: http.IncomingMessage, res: http.ServerResponse) => void res.writeHead(404).end()
  const limit = values.serve === 'front-limited' ? String(1e9) : '0'
  const security = createSecurity({ secret: 'bench', env: { RATE_LIMIT_PAGES_PER_MINUTE: limit } })
  const handler =
    values.serve === 'lean'
      ? (req: http.IncomingMessage, res: http.ServerResponse) => void (lean(req, res) || notFound(req, res))
      : security.frontDoor({ lean, app: notFound })
  const server = http.createServer(handler)
  server.listen(0, '127.0.0.1', () => console.log(`READY ${(server.address() as AddressInfo).port}`))
} else {
  const seconds = Number(values.seconds)
  const connections = Number(values.connections)
  const start = (mode: string) =>
    new Promise<{ port: number; child: ChildProcess }>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--serve', mode], { stdio: ['ignore', 'pipe', 'inherit'] })
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /READY (\d+)/.exec(chunk.toString())
        if (match) resolve({ port: Number(match[1]), child })
      })
      child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)))
    })
  const modes = ['lean', 'front', 'front-limited'] as const
  const label = { lean: 'lean cache hit (baseline)', front: '+ front door (headers, traversal)', 'front-limited': '+ page rate limit' }
  const results: Record<string, { rps: number[]; p50: number[]; p99: number[] }> = {}
  console.log(
    `bench:security — ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, ${new Date().toISOString()}, ${connections} connections, ${seconds} s per run`,
  )
  for (let round = 1; round <= 2; round++) {
    for (const mode of modes) {
      const { port, child } = await start(mode)
      await autocannon({ url: `http://127.0.0.1:${port}${PATH}`, headers: { host: 'localhost', 'accept-encoding': 'br' }, connections, duration: 1 }) // warm-up
      const run = await autocannon({
        url: `http://127.0.0.1:${port}${PATH}`,
        headers: { host: 'localhost', 'accept-encoding': 'br' },
        connections,
        duration: seconds,
      })
      child.kill()
      if (run.non2xx || run.errors) throw new Error(`${mode}: ${run.non2xx} non-2xx answers, ${run.errors} errors`)
      const entry = (results[mode] ??= { rps: [], p50: [], p99: [] })
      entry.rps.push(run.requests.average)
      entry.p50.push(run.latency.p50)
      entry.p99.push(run.latency.p99)
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  console.log(`front door work per request, CPU time (less sensitive to other load than req/s): ${await cpuPerRequest()}`)
  const base = mean(results.lean.rps)
  for (const mode of modes) {
    const r = results[mode]
    console.log(
      `${label[mode].padEnd(36)} ${mean(r.rps).toFixed(0).padStart(7)} req/s (${((mean(r.rps) / base - 1) * 100).toFixed(1).padStart(6)} %)  p50 ${mean(r.p50).toFixed(1)} ms  p99 ${mean(r.p99).toFixed(1)} ms`,
    )
  }
}

/** CPU microseconds the front door adds to one request (headers, traversal check, rate limit), measured in-process. */
async function cpuPerRequest(): Promise<string> {
  const { createSecurity } = await import('../../src/security')
  const variants = { 'headers + traversal': '0', '+ rate limit': String(1e9) }
  const parts: string[] = []
  for (const [name, limit] of Object.entries(variants)) {
    const door = createSecurity({ secret: 'bench', env: { RATE_LIMIT_PAGES_PER_MINUTE: limit } }).frontDoor({ lean: () => true, app: () => undefined })
    const socket = { remoteAddress: '127.0.0.1', encrypted: false }
    const iterations = 100_000
    const run = async () => {
      for (let i = 0; i < iterations; i++) {
        const req = Object.assign(new http.IncomingMessage(socket as never), { url: PATH, method: 'GET', headers: { host: 'localhost' } })
        const res = new http.ServerResponse(req)
        door(req, res)
        if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve)) // let the limiter's promises settle
      }
    }
    await run() // warm-up
    const baseline = process.cpuUsage()
    for (let i = 0; i < iterations; i++)
      new http.ServerResponse(Object.assign(new http.IncomingMessage(socket as never), { url: PATH, method: 'GET', headers: {} }))
    const objects = process.cpuUsage(baseline)
    const before = process.cpuUsage()
    await run()
    const used = process.cpuUsage(before)
    const micros = (used.user + used.system - objects.user - objects.system) / iterations
    parts.push(`${name} ${micros.toFixed(1)} µs`)
  }
  return parts.join(', ')
}
