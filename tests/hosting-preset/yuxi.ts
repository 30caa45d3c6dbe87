/**
 * The Yuxi preset for tests: scripts/seed.ts (as a child process, exactly as `npm run seed --
 * --preset yuxi` runs it) seeds a SQLite file once per source fingerprint; each test file boots
 * Payload on its own fresh copy. Never touches the shared Yulin template.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildTemplateOnce } from '../helpers/database'
import type { Payload } from 'payload'
import { fingerprint } from '../../src/lib/fingerprint'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'

export const YUXI_ARTICLES = 300
const INPUTS = [
  'collections',
  'globals',
  'src/seed',
  'src/access',
  'src/db',
  'tenants/yuxi',
  'payload.config.ts',
  'scripts/seed.ts',
  'tests/hosting-preset/yuxi.ts',
]
const DIR = path.resolve('data/test-yuxi')

function seedInto(file: string, log: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const out = openSync(log, 'w')
    const child = spawn(
      process.execPath,
      [PRODUCTION_CONDITION, '--import', 'tsx', 'scripts/seed.ts', '--preset', 'yuxi', '--articles', String(YUXI_ARTICLES)],
      {
        env: { ...process.env, DATABASE_URI: `file:${file}`, JOBS_AUTORUN: 'false', PAYLOAD_SECRET: 'test-secret-not-for-production', NODE_ENV: 'development' },
        stdio: ['ignore', out, out],
      },
    )
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
}

/** The seeded Yuxi template, built once per source fingerprint (parallel test files wait for one build). */
export async function yuxiTemplate(): Promise<string> {
  const file = path.join(DIR, `yuxi-${fingerprint(INPUTS, String(YUXI_ARTICLES)).slice(0, 16)}.db`)
  return buildTemplateOnce(file, async (building) => {
    const log = `${file}.log`
    const code = await seedInto(building, log)
    if (code !== 0) throw new Error(`Seeding the Yuxi preset failed (exit ${code}); output in ${log}:\n${readFileSync(log, 'utf8').slice(-3000)}`)
  })
}

/** Boots Payload (payload.config.ts) on a fresh copy of the seeded Yuxi database. */
export async function bootYuxi(label: string): Promise<Payload> {
  const template = await yuxiTemplate()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuxi-test-'))
  const file = path.join(dir, `${label}.db`)
  copyFileSync(template, file)
  process.env.DATABASE_URI = `file:${file}`
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.MEDIA_DIR ||= path.join(dir, 'media')
  process.env.SEARCH_INDEX_PATH ||= path.join(dir, 'search-index.db')
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

/** A document by a unique field, read with overrideAccess (test set-up). */
export async function findOne<T = Record<string, any>>(payload: Payload, collection: string, where: Record<string, unknown>): Promise<T> {
  const { docs } = await payload.find({ collection: collection as never, where: where as never, limit: 1, depth: 0, overrideAccess: true })
  if (!docs[0]) throw new Error(`No ${collection} matching ${JSON.stringify(where)}`)
  return docs[0] as T
}
