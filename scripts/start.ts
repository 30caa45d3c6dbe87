/**
 * npm start [-- --preset yulin --articles 20000 --port 3000 --rebuild]   production server
 * npm run dev                                                             development (hot reload)
 *
 * Builds the admin if it has not been built, creates the database (migrations in production),
 * seeds the preset when the database is empty, starts the server and prints where to go.
 */

import '../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ADMIN_BUILD_INPUTS, fingerprint } from '../src/lib/fingerprint'
import { parseArgs } from 'node:util'
import { PRODUCTION_CONDITION } from '../src/lib/module-conditions'
import { presetDirectory } from '../src/seed/preset'

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    preset: { type: 'string', default: process.env.PRESET || 'yulin' },
    articles: { type: 'string', default: process.env.SEED_ARTICLES || '20000' },
    port: { type: 'string', default: process.env.PORT || '3000' },
  },
})
const articles = Number(values.articles)
const port = Number(values.port)
if (!Number.isInteger(articles) || articles < 0) fail(`--articles must be a whole number ≥ 0, got "${values.articles}"`)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${values.port}"`)
try {
  presetDirectory(values.preset!) // before the admin build: a mistyped --preset fails at once
} catch (error) {
  fail(`${(error as Error).message} (presets: tenants/yulin, tenants/yuxi)`)
}
Object.assign(process.env, { NODE_ENV: values.dev ? 'development' : 'production' })
// Demo mode (docs/accounts.md): a local `npm start` keeps the seeded demo passwords usable; a
// deployment (PUBLIC_URL set) or ALLOW_DEMO_PASSWORDS=0 makes every seeded account change its password first.
if (process.env.ALLOW_DEMO_PASSWORDS === undefined && !process.env.PUBLIC_URL) process.env.ALLOW_DEMO_PASSWORDS = '1'
const demoMode = ['1', 'true'].includes(process.env.ALLOW_DEMO_PASSWORDS ?? '')

// The admin build embeds Payload's config: rebuild when it is missing or its sources changed.
const buildHash = fingerprint(ADMIN_BUILD_INPUTS)
const stamp = '.next/sitegroup-build-hash'
const built = existsSync('.next/BUILD_ID') && existsSync(stamp) && readFileSync(stamp, 'utf8') === buildHash
if (!values.dev && (values.rebuild || !built)) {
  console.log('Building the admin (next build, about 2 minutes)…')
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    // No usage reports to Vercel from a government network unless the operator asks for them.
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NODE_OPTIONS: `${PRODUCTION_CONDITION} --no-deprecation` },
  })
  if (build.status !== 0) fail('next build failed (see above)')
  writeFileSync(stamp, buildHash)
}

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { isEmpty, seedPreset, planPreset } = await import('../src/seed')
const { startServer } = await import('../src/server')
const { searchIndexerEngine, searchIndexerFor } = await import('../src/search')
const { progressPrinter } = await import('./progress')
const { explainStalledExit } = await import('../src/lib/stall-guard')

explainStalledExit('Start-up')
const payload = await getPayload({ config })
if (await isEmpty(payload)) {
  console.log(`Empty database: seeding the "${values.preset}" preset with ${articles} articles…`)
  const progress = progressPrinter()
  await seedPreset(payload, { preset: values.preset!, articles, onProgress: progress.update })
  // Bulk-seeded articles bypass the indexing hooks: build the search index from the database once.
  await searchIndexerFor(payload).reconcile((done, total) => progress.update('search index', done, total))
  progress.stop()
} else {
  const stored = (await payload.findGlobal({ slug: 'group-settings', overrideAccess: true })).preset
  if (stored && stored !== values.preset)
    console.log(
      `The database already holds the "${stored}" preset; --preset ${values.preset} only seeds an empty database (point DATABASE_URI or DATA_DIR elsewhere to start with it).`,
    )
  if ((await searchIndexerEngine(payload).count()) === 0) {
    // An index emptied by a layout upgrade (or deleted) is refilled now, in the background, rather
    // than by the next 15-minute reconcile; search says "temporarily unavailable" until it is done.
    console.log('The search index is empty: rebuilding it from the database in the background…')
    void searchIndexerFor(payload)
      .reconcile()
      .then(
        (report) => console.log(`Search index rebuilt: ${report.indexed} documents in ${report.seconds} s.`),
        (error: unknown) => console.error('Search index rebuild failed; the reconcile job will retry:', error),
      )
  }
}
const started = await startServer({ port, dev: values.dev })
const settings = await payload.findGlobal({ slug: 'group-settings', overrideAccess: true })
const plan = planPreset(settings.preset || values.preset!)
const sites = await payload.find({ collection: 'sites', limit: 3, depth: 0, overrideAccess: true, sort: 'id', select: { code: true, domains: true } })
console.log(`
SiteGroup is running — ${settings.name}
  Admin:         ${started.url}/admin
  Public sites:  ${started.url}/s/<site-code>/   e.g. ${sites.docs.map((s) => `${started.url}/s/${s.code}/`).join('  ')}
                 or by host name (map e.g. ${(sites.docs[1] as { domains?: Array<{ domain: string }> } | undefined)?.domains?.[0]?.domain ?? 'fgw.yulin.gov.cn'} to 127.0.0.1): http://<domain>:${port}/
  Site list:     ${started.url}/
  Health:        ${started.url}/healthz
  Demo accounts (password ${plan.demoPassword}):
${plan.demoAccounts.map((a) => `    ${a.email.padEnd(32)} ${a.roles.join(', ').padEnd(24)} ${a.name}`).join('\n')}
  ${demoMode || values.dev ? 'Demo mode: the demo password works as it is. Set PUBLIC_URL or ALLOW_DEMO_PASSWORDS=0 before exposing this server.' : 'Demo accounts must change their password at first login (ALLOW_DEMO_PASSWORDS=1 for a local demo).'}
`)
// A shipped indicator set edited without a new version is refused by evaluation runs: say so now, not at the first run.
const { shippedSetsChangedWithoutNewVersion } = await import('../src/scorecard')
for (const problem of shippedSetsChangedWithoutNewVersion()) console.error(`Indicator set refused — ${problem.message}`)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

// Stop cleanly: pending page views are flushed and connections closed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void started.close().finally(() => process.exit(0))
  })
}
