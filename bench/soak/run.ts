/**
 * Soak: public traffic at a fixed rate (home, column, article and search pages across sites), one
 * editor publishing continuously through the Local API and letters arriving through the public
 * form (token, cookie, proof of work), against a server process on a copy of the seeded Yulin
 * template (the real wiring of tests/security/server.ts; run the test suite once so the template
 * exists). Reports per-minute p50/p99, errors, RSS/heap, and verdicts.
 *   npm run bench:soak -- --minutes 10 --rate 50
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import os from 'node:os'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '50' },
    'publish-every': { type: 'string', default: '2' },
    'letter-every': { type: 'string', default: '5' },
  },
})

if (values.serve) {
  // Child: the server, the editor and a memory probe; one line per event on stdout.
  const { bootSecurityServer } = await import('../../tests/security/server')
  const server = await bootSecurityServer('soak', { RATE_LIMIT_PAGES_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0' })
  const payload = server.payload
  const { docs } = await payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 50, depth: 0, overrideAccess: true })
  console.log(`READY ${server.port}`)
  setInterval(() => {
    const m = process.memoryUsage()
    console.log(`MEM ${m.rss} ${m.heapUsed}`)
  }, 5000).unref()
  // The editor: one publish at a time, an existing article edited and published again (the path that invalidates caches and re-indexes).
  let round = 0
  const editor = async () => {
    for (;;) {
      const article = docs[round++ % docs.length] as { id: number | string; title: string }
      const started = performance.now()
      try {
        await payload.update({
          collection: 'articles',
          id: article.id,
          data: { title: `${article.title.replace(/ #\d+$/, '')} #${round}`, _status: 'published' } as never,
          overrideAccess: true,
        })
        console.log(`PUBLISH ok ${(performance.now() - started).toFixed(1)}`)
      } catch (error) {
        console.log(`PUBLISH error ${JSON.stringify((error as Error).message)}`)
      }
      await new Promise((r) => setTimeout(r, Number(values['publish-every']) * 1000))
    }
  }
  void editor()
  process.on('SIGTERM', () => void server.close().finally(() => process.exit(0)))
} else {
  const minutes = Number(values.minutes)
  const rate = Number(values.rate)
  const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--serve', '--publish-every', values['publish-every']!], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  type Minute = {
    latencies: number[]
    errors: number
    errorSamples: string[]
    rss: number[]
    heap: number[]
    publishes: number
    publishErrors: number
    letters: number
    letterErrors: number
  }
  const buckets: Minute[] = []
  let startedAt = 0
  const bucket = () =>
    (buckets[Math.min(minutes - 1, Math.floor((Date.now() - startedAt) / 60_000))] ??= {
      latencies: [],
      errors: 0,
      errorSamples: [],
      rss: [],
      heap: [],
      publishes: 0,
      publishErrors: 0,
      letters: 0,
      letterErrors: 0,
    })
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let nl
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        const ready = /^READY (\d+)/.exec(line)
        if (ready) resolve(Number(ready[1]))
        if (!startedAt) continue
        if (line.startsWith('MEM ')) {
          const [, rss, heap] = line.split(' ').map(Number)
          bucket().rss.push(rss)
          bucket().heap.push(heap)
        } else if (line.startsWith('PUBLISH ok')) bucket().publishes++
        else if (line.startsWith('PUBLISH error')) {
          bucket().publishErrors++
          console.error(line)
        }
      }
    })
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)))
  })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          timeout: 30_000,
          headers: { host: 'localhost', ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
        },
      )
      req.on('timeout', () => req.destroy(new Error('no answer within 30 s')))
      req.on('error', reject)
      req.end(body)
    })
  const randomAddress = () => `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`

  // The traffic mix: home pages of up to 30 sites, and the column and article links they show.
  const directory = await request('GET', '/')
  const codes = [...new Set([...directory.body.matchAll(/href="\/s\/([\w-]+)\/"/g)].map((m) => m[1]))].slice(0, 30)
  const homes = codes.map((c) => `/s/${c}/`)
  const links = new Set<string>()
  for (const home of homes) {
    const page = await request('GET', home)
    for (const m of page.body.matchAll(/href="(\/s\/[\w-]+\/[^"?#]+)"/g))
      if (!m[1].includes('/_theme/') && !m[1].includes('letters') && links.size < 400) links.add(m[1].replace(/&amp;/g, '&'))
  }
  const inner = [...links]
  const searches = ['玉林', '政务公开', '通知', '招聘', '营业执照', '教育', '交通']
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]
  const nextPath = () => {
    const r = Math.random()
    if (r < 0.2 || !inner.length) return pick(homes)
    if (r < 0.9) return pick(inner)
    return `${pick(homes)}search?q=${encodeURIComponent(pick(searches))}`
  }
  console.log(
    `bench:soak — ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), node ${process.version}, ${new Date().toISOString()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `${minutes} min at ${rate} req/s over ${homes.length} home pages and ${inner.length} column/article links (10 % search); editor publishing every ${values['publish-every']} s; a letter every ${values['letter-every']} s`,
  )

  startedAt = Date.now()
  const endAt = startedAt + minutes * 60_000
  const inFlight = new Set<Promise<void>>()
  const track = (p: Promise<void>) => {
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p))
  }
  const hit = async (path: string) => {
    const started = performance.now()
    const b = bucket()
    try {
      const reply = await request('GET', path, { 'x-forwarded-for': randomAddress(), 'accept-encoding': 'br, gzip' })
      b.latencies.push(performance.now() - started)
      if (reply.status >= 400) throw new Error(`status ${reply.status}`)
    } catch (error) {
      b.errors++
      if (b.errorSamples.length < 5) b.errorSamples.push(`${path}: ${(error as Error).message}`)
    }
  }
  const { solveChallenge } = await import('../../src/interaction')
  const letter = async () => {
    const b = bucket()
    const address = randomAddress()
    try {
      const form = await request('GET', `${pick(homes)}letters/new`, { 'x-forwarded-for': address })
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1]
      const cookie = String((form.headers['set-cookie'] as string[] | undefined)?.find((c) => c.startsWith('sg_csrf=')) ?? '').split(';')[0]
      const challenge = /name="pow_challenge" value="([^"]+)"/.exec(form.body)?.[1]?.replace(/&amp;/g, '&')
      const bits = Number(/name="pow_bits" value="(\d+)"/.exec(form.body)?.[1])
      const action = /<form[^>]+method="post"[^>]+action="([^"]+)"|<form[^>]+action="([^"]+)"[^>]+method="post"/.exec(form.body)
      if (!token || !challenge || !action) throw new Error(`letter form without token/challenge/action (status ${form.status})`)
      const fields = new URLSearchParams({
        _csrf: token,
        pow_challenge: challenge,
        pow_solution: solveChallenge(challenge, bits),
        name: '张三',
        phone: '13800000000',
        email: 'soak@example.cn',
        category: /<option value="([^"]+)"/.exec(form.body)?.[1] ?? '',
        subject: '关于小区路灯维修的建议',
        content: '小区门口路灯已损坏多日，夜间出行不便，请尽快安排维修。',
        publishable: 'on',
      })
      const reply = await request(
        'POST',
        (action[1] ?? action[2]).replace(/&amp;/g, '&'),
        { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie, 'x-forwarded-for': address },
        fields.toString(),
      )
      if (reply.status !== 200)
        throw new Error(
          `letter answered ${reply.status}: ${reply.body
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 300)}`,
        )
      b.letters++
    } catch (error) {
      b.letterErrors++
      console.error(`letter: ${(error as Error).message}`)
    }
  }
  // Open loop: requests start on schedule whether or not earlier ones have answered.
  let sent = 0
  const pages = setInterval(() => {
    const due = Math.floor(((Date.now() - startedAt) / 1000) * rate)
    while (sent < due && Date.now() < endAt) {
      sent++
      track(hit(nextPath()))
    }
  }, 10)
  const letters = setInterval(() => track(letter()), Number(values['letter-every']) * 1000)
  const progress = setInterval(() => process.stdout.write(`  ${Math.round((Date.now() - startedAt) / 1000)} s, ${sent} requests\r`), 5000)
  await new Promise((r) => setTimeout(r, endAt - Date.now()))
  clearInterval(pages)
  clearInterval(letters)
  clearInterval(progress)
  await Promise.all(inFlight)
  child.kill('SIGTERM')
  agent.destroy()

  const quantile = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN)
  const mb = (x: number) => (x / 1048576).toFixed(0)
  console.log('\nminute | requests | p50 ms | p99 ms | errors | publishes (errors) | letters (errors) | RSS MB | heap MB')
  buckets.forEach((b, i) =>
    console.log(
      `${i + 1} | ${b.latencies.length + b.errors} | ${quantile(b.latencies, 0.5).toFixed(1)} | ${quantile(b.latencies, 0.99).toFixed(1)} | ${b.errors} | ${b.publishes} (${b.publishErrors}) | ${b.letters} (${b.letterErrors}) | ${mb(mean(b.rss))} | ${mb(mean(b.heap))}`,
    ),
  )
  for (const b of buckets) for (const sample of b.errorSamples) console.log(`  error: ${sample}`)
  const errors = buckets.reduce((n, b) => n + b.errors + b.publishErrors + b.letterErrors, 0)
  const first = buckets[0]
  const last = buckets[buckets.length - 1]
  const p99First = quantile(first.latencies, 0.99)
  const p99Last = quantile(last.latencies, 0.99)
  console.log(`verdict zero errors: ${errors === 0 ? 'PASS' : 'FAIL'} (${errors} errors)`)
  console.log(
    `verdict p99 stable: ${p99Last <= 2 * p99First ? 'PASS' : 'FAIL'} (last minute ${p99Last.toFixed(1)} ms vs first ${p99First.toFixed(1)} ms, limit 2×)`,
  )
  if (buckets.length >= 3) {
    const base = mean(buckets[1].heap)
    const end = mean(last.heap)
    console.log(
      `verdict memory flat: ${end <= 1.2 * base ? 'PASS' : 'FAIL'} (last-minute heap ${mb(end)} MB vs second minute ${mb(base)} MB, limit +20 %: a leak grows, a collection may shrink it)`,
    )
  } else console.log('verdict memory flat: n/a (needs at least 3 minutes: the last minute is compared with the second)')
  process.exit(0)
}
