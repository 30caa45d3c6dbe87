import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { freshDatabaseUri, testDatabaseKind } from '../helpers/database'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'

/**
 * Production starts run the committed migrations (prodMigrations) instead of pushing the schema:
 * an empty database must come up with every table, on the SQL adapter under test.
 */
describe(`migrations on ${testDatabaseKind()}`, () => {
  it('create the whole schema on an empty database at production start', async () => {
    const uri = await freshDatabaseUri('migrations')
    const script = `
      const { getPayload } = await import('payload')
      const { default: config } = await import('@payload-config')
      const payload = await getPayload({ config })
      const { docs } = await payload.find({ collection: 'payload-migrations', limit: 100, overrideAccess: true })
      const counts = {}
      for (const slug of Object.keys(payload.collections)) counts[slug] = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
      console.log('RESULT ' + JSON.stringify({ migrations: docs.map((d) => d.name), counts }))
      process.exit(0)`
    const start = () =>
      spawnSync(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URI: uri, PAYLOAD_SECRET: 'migrations-test', JOBS_AUTORUN: 'false' },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      })
    const run = start()
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '))
    expect(line, `production start failed:\n${run.stderr.slice(-3000)}`).toBeTruthy()
    const result = JSON.parse(line!.slice('RESULT '.length)) as { migrations: string[]; counts: Record<string, number> }
    expect(result.migrations.length).toBeGreaterThan(0)
    expect(result.migrations.some((name) => name.endsWith('_initial'))).toBe(true)
    for (const slug of ['organizations', 'sites', 'columns', 'articles', 'media', 'users', 'audit-log']) expect(result.counts[slug]).toBe(0)
  }, 180_000)
})
