/**
 * Profiles the acknowledged-letter path (POST /letters) in the server process only:
 *   npx tsx bench/letters/profile.ts [--letters 1500] [--writers 10] [--profile bench/out/letters.cpuprofile]
 * The writers run in a child process (http-client.ts), as in run.ts; promotion is held off so the
 * profile shows intake alone. Only the timed window is profiled (not boot and module loading);
 * summarize-profile.ts prints its top functions. V8 samples wall time on the main thread, so time
 * the event loop spends blocked in a synchronous SQLite commit shows up too.
 */
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { parseArgs } from 'node:util'
import { createChallenge, letterPromoterFor, manualClock, solveChallenge } from '../../src/interaction'
import { bootInteractionPayload, seedWorld, startServer } from '../../tests/interaction/helpers/boot'
import type { ClientResult } from './http-client'

const { values } = parseArgs({
  options: { letters: { type: 'string', default: '1500' }, writers: { type: 'string', default: '10' }, profile: { type: 'string' } },
})
const SECRET = 'bench-secret-0123456789abcdef'

async function main() {
  const payload = await bootInteractionPayload('bench-letters-profile')
  await seedWorld(payload)
  payload.logger.level = 'warn'
  letterPromoterFor(payload).kick = () => undefined
  const clock = manualClock('2025-03-03T02:00:00Z')
  const server = await startServer({ payload, clock, powBits: 4, rateLimits: false, secret: SECRET })
  const bodies = Array.from({ length: Number(values.letters) }, (_, i) => {
    const { challenge } = createChallenge(SECRET, { now: clock.now(), bits: 4, ttlSeconds: 3600 })
    return new URLSearchParams({
      subject: `关于第${i}号路灯损坏的问题`,
      category: 'complaint',
      content: `我家附近的第${i}号路灯已经损坏多日，晚上出行很不方便，希望有关部门尽快维修。`,
      name: '张三',
      phone: '13877510000',
      publishable: 'on',
      route: 'site',
      site: 'jyj',
      pow_challenge: challenge,
      pow_solution: solveChallenge(challenge, 4),
    }).toString()
  })
  const child = fork(new URL('./http-client.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  await new Promise((resolve) => child.once('message', resolve))
  const session = new Session()
  if (values.profile) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  const cpu = process.cpuUsage()
  const result = await new Promise<ClientResult>((resolve) => {
    child.on('message', (m: { result?: ClientResult }) => m.result && resolve(m.result))
    child.send({ url: `${server.base}/letters`, bodies, writers: Number(values.writers) })
  })
  const used = process.cpuUsage(cpu)
  if (values.profile) {
    const { profile } = await session.post('Profiler.stop')
    mkdirSync('bench/out', { recursive: true })
    writeFileSync(values.profile, JSON.stringify(profile))
    console.log(`profile of the timed window: ${values.profile} (npx tsx bench/letters/summarize-profile.ts ${values.profile})`)
  }
  const ok = result.codes.filter((c) => c && c !== 'ok').length
  console.log(
    `${ok}/${bodies.length} acknowledged in ${result.seconds.toFixed(1)} s; server CPU ${((used.user + used.system) / 1000 / bodies.length).toFixed(2)} ms per letter`,
  )
  child.kill()
  await server.close()
  await payload.destroy()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
