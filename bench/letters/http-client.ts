/**
 * The HTTP writers of bench:letters, in a child process: in production the client is a browser,
 * so its CPU must not be counted in the server's (process.cpuUsage is per process) nor compete with
 * it for the server's event loop. Receives one job over IPC, posts the form bodies with `writers`
 * concurrent writers, and reports status, latency and the query code of each.
 */
import { performance } from 'node:perf_hooks'

export interface ClientJob {
  url: string
  bodies: string[]
  writers: number
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
      for (let i = next++; i < job.bodies.length; i = next++) {
        const t0 = performance.now()
        try {
          const res = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: job.bodies[i] })
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

process.on('message', (job: ClientJob) => {
  void run(job).then((result) => process.send?.({ result }))
})
process.send?.({ ready: true })
