/**
 * One app-server process of bench:letters' multi-process run (the README's "several instances on
 * one database"): boots Payload on the database file the bench created and seeded, serves the
 * interaction router on its own port, and reports its own CPU time when asked. Promotion is held
 * here; the bench's main process drains the inbox after the burst (the promoter defers while
 * submissions arrive anyway), so these processes only receive.
 */
import { letterPromoterFor, manualClock } from '../../src/interaction'
import { bootInteractionPayload, startServer } from '../../tests/interaction/helpers/boot'

export type ServerProcessOptions = { databaseUri: string; secret: string; powBits: number; clock: string }

const options = JSON.parse(process.env.BENCH_SERVER_OPTIONS!) as ServerProcessOptions
const payload = await bootInteractionPayload('bench-letters-server', { databaseUri: options.databaseUri })
payload.logger.level = 'warn'
letterPromoterFor(payload).kick = () => undefined
const server = await startServer({ payload, clock: manualClock(options.clock), powBits: options.powBits, rateLimits: false, secret: options.secret })

process.on('message', async (message: 'cpu' | 'stop') => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.send?.({ cpuMicros: user + system })
  } else {
    await server.close()
    await payload.destroy()
    process.exit(0)
  }
})
process.send?.({ url: server.base })
