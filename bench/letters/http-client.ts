/**
 * The HTTP writers of bench:letters, in a child process: in production the client is a browser,
 * so its CPU must not be counted in the server's (process.cpuUsage is per process) nor compete with
 * it for the server's event loop. Receives one job over IPC, posts the form bodies with `writers`
 * concurrent writers, and reports status, latency and the query code of each.
 */
import { performance } from 'node:perf_hooks'

export interface ClientJob {
  url: string
  /** Several server processes behind no balancer: body i goes to urls[i % urls.length] (round robin). */
  urls?: string[]
  bodies: string[]
  writers: number
  /**
   * The server checks CSRF (src/security): each writer first GETs this form page, as a browser
   * would, and posts with its cookie and the token from the page's hidden field.
   */
  csrfFormUrl?: string
}
export interface ClientResult {
  latencies: number[]
  codes: (string | null)[]
  seconds: number
}

async function run(job: ClientJob): Promise<ClientResult> {
  const latencies: number[] = new Array(job.bodies.length)
  const codes: (string | null)[] = new Array(job.bodies.length).fill(null)
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: job.writers }, async () => {
      const session = job.csrfFormUrl ? await csrfSession(job.csrfFormUrl) : null
      for (let i = next++; i < job.bodies.length; i = next++) {
        const t0 = performance.now()
        try {
          const url = job.urls?.length ? job.urls[i % job.urls.length]! : job.url
          const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
          if (session) Object.assign(headers, { cookie: session.cookie, origin: new URL(url).origin })
          const body = session ? `${job.bodies[i]}&${session.field}=${encodeURIComponent(session.token)}` : job.bodies[i]
          const res = await fetch(url, { method: 'POST', headers, body })
          const html = await res.text()
          // The baseline answers 200 without a code; the letter form answers with the query code.
          codes[i] = res.status === 200 ? (/class="code">([A-Z0-9]{12})</.exec(html)?.[1] ?? 'ok') : null
        } catch {
          codes[i] = null
        }
        latencies[i] = performance.now() - t0
        if (i % 100 === 0) process.send?.({ progress: i })
      }
    }),
  )
  return { latencies, codes, seconds: (performance.now() - started) / 1000 }
}

async function csrfSession(formUrl: string): Promise<{ cookie: string; field: string; token: string }> {
  const res = await fetch(formUrl)
  const html = await res.text()
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const match = /<input type="hidden" name="([^"]+)" value="([^"]+)">/.exec(html)
  if (!cookie || !match) throw new Error(`no CSRF cookie or token on ${formUrl} (status ${res.status})`)
  return { cookie, field: match[1]!, token: match[2]!.replace(/&amp;/g, '&') }
}

process.on('message', (job: ClientJob) => {
  void run(job).then((result) => process.send?.({ result }))
})
process.send?.({ ready: true })
