// The search API over HTTP: the real router (validation, facets, JSON) in Express, 20 autocannon
// connections. Payload is stubbed (no site names, no query log): this measures the HTTP layer and
// the engine, not the database.
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import express from 'express'
import { createSearchRouter, EmbeddedSearchEngine } from '../../src/search/index'
import { standalonePublicPages } from '../../src/sites/index'

export interface HttpFigures {
  requests: number
  rps: number
  p50: number
  p90: number
  p97_5: number
  p99: number
  max: number
  non2xx: number
}

const stubPayload = {
  find: async () => ({ docs: [] }),
  findGlobal: async () => ({}),
  globals: { config: [] },
  collections: {},
  logger: { error: (...args: unknown[]) => console.error(...args) },
} as never

/** Every connection walks `paths` in turn for `seconds`; returns autocannon's latency figures. */
export async function measureHttp(file: string, workers: number, paths: string[], seconds: number): Promise<{ coldPass: HttpFigures; steady: HttpFigures }> {
  const engine = new EmbeddedSearchEngine({ file, workers })
  await engine.ready()
  // No sites in the stub: every page is the group's, in the directory theme.
  const pages = standalonePublicPages(stubPayload)
  const app = express()
  app.use('/', createSearchRouter({ payload: stubPayload, engine, pages, rateLimit: false, queryLog: false }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  const run = async (amount?: number) => {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 20,
      ...(amount ? { amount } : { duration: seconds }),
      requests: paths.map((path) => ({ method: 'GET' as const, path })),
    })
    return {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
    }
  }
  try {
    // First pass: every search new to the cache (as right after an index write); then steady state.
    const coldPass = await run(paths.length * 20)
    const steady = await run()
    return { coldPass, steady }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await engine.close()
  }
}
