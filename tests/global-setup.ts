import { spawnSync } from 'node:child_process'
import { existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { fingerprint } from '../src/lib/fingerprint'
import { PRODUCTION_CONDITION } from '../src/lib/module-conditions'
import path from 'node:path'
import { foldWriteAheadLog, markTemplateReady, recreateTemplate, TEST_DIR, TEMPLATE, testDatabaseKind } from './helpers/database'

/** Inputs that shape the seeded template; when none changed, the SQLite template is reused. */
const INPUTS = ['collections', 'globals', 'src/seed', 'src/access', 'src/db', 'tenants', 'payload.config.ts', 'package-lock.json']
export const TEMPLATE_ARTICLES = 3000

/** Seeds the Yulin preset once per run (or per change) into a template that test files copy. */
export default async function setup() {
  const marker = path.join(TEST_DIR, `${TEMPLATE}.${testDatabaseKind()}.hash`)
  const print = fingerprint(INPUTS, String(TEMPLATE_ARTICLES))
  if (testDatabaseKind() === 'sqlite' && existsSync(marker) && readFileSync(marker, 'utf8') === print && existsSync(path.join(TEST_DIR, `${TEMPLATE}.db`)))
    return
  // SQLite: seed into a file of this process and rename it into place, so concurrent runs never
  // see (or delete) a half-written template.
  const finalUri = await recreateTemplate()
  const uri = finalUri.startsWith('file:') ? `${finalUri.slice(0, -3)}_${process.pid}.db` : finalUri
  if (uri.startsWith('file:')) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(uri.slice(5) + suffix, { force: true })
  const started = Date.now()
  const log = path.join(TEST_DIR, `template-seed-${process.pid}.log`)
  const seed = spawnSync(
    process.execPath,
    [PRODUCTION_CONDITION, '--import', 'tsx', 'scripts/seed.ts', '--preset', 'yulin', '--articles', String(TEMPLATE_ARTICLES)],
    {
      env: { ...process.env, DATABASE_URI: uri, JOBS_AUTORUN: 'false', PAYLOAD_SECRET: 'test-secret-not-for-production', NODE_ENV: 'development' },
      stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
    },
  )
  if (seed.status !== 0)
    throw new Error(
      `Seeding the test template failed (exit ${seed.status}, signal ${seed.signal}); output in ${log}:\n${readFileSync(log, 'utf8').slice(-3000)}`,
    )
  await markTemplateReady()
  if (uri !== finalUri) {
    foldWriteAheadLog(uri.slice(5))
    renameSync(uri.slice(5), finalUri.slice(5))
  }
  writeFileSync(marker, print)
  console.log(`Seeded the Yulin test template (${testDatabaseKind()}) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
