/**
 * The production compose file validates with Debian's docker-compose (no Docker engine runs
 * here, so containers are never started), and .env.example documents every variable the
 * application reads.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const compose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' })
const hasCompose = !compose.error && compose.status === 0
if (!hasCompose) console.log('Skipping docker-compose validation: the docker-compose binary is not installed (Debian: apt-get install docker-compose)')

const secrets = { PAYLOAD_SECRET: 'compose-test-secret', MEILI_MASTER_KEY: 'compose-test-meili-key' }
const run = (args: string[], env: Record<string, string> = secrets) => {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in secrets)))
  return spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { encoding: 'utf8', env: { ...clean, ...env } as NodeJS.ProcessEnv })
}

describe.skipIf(!hasCompose)('docker-compose.yml', () => {
  it('validates (docker-compose config -q)', () => {
    const result = run(['config', '-q'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('runs two app instances behind a load balancer with MongoDB and Meilisearch; MinIO under the s3 profile', () => {
    // docker-compose 1.x lists services of every profile here; MinIO's profile is checked below.
    const services = run(['--profile', 's3', 'config', '--services']).stdout.trim().split('\n').sort()
    expect(services).toEqual(['app1', 'app2', 'lb', 'meilisearch', 'minio', 'minio-init', 'mongo'])
    const config = run(['config']).stdout
    expect(config).toContain('mongodb://mongo:27017/sitegroup?replicaSet=rs0')
    expect(config).toContain('--replSet')
    expect(config).toContain('rs.initiate')
    expect(config).toMatch(/minio:\n(?:.*\n)*?\s+profiles:\n\s+- s3/)
    expect(config).toContain('--to app1:3000 --to app2:3000')
  })

  it('refuses to start without the shared secrets', () => {
    const result = run(['config', '-q'], { MEILI_MASTER_KEY: 'k' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('set PAYLOAD_SECRET in .env')
  })
})

/** Names the code reads from the environment: `process.env.X`, `env.X` (not assignments), and names kept in data files. */
function variablesReadByTheApp(): Set<string> {
  const names = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(ts|tsx|mjs|json)$/.test(entry.name)) {
        const text = readFileSync(file, 'utf8')
        for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b(?!\s*=[^=])/g)) names.add(m[1])
        for (const m of text.matchAll(/"\w*Env"\s*:\s*"([A-Z][A-Z0-9_]+)"/g)) names.add(m[1])
        for (const m of text.matchAll(/\b(?:mb|positive)\('([A-Z][A-Z0-9_]+)'/g)) names.add(m[1])
      }
    }
  }
  for (const dir of ['src', 'collections', 'globals']) walk(dir)
  for (const file of ['payload.config.ts', 'scripts/start.ts', 'scripts/seed.ts', 'scripts/backup.ts', 'scripts/restore.ts', 'scripts/search-reindex.ts']) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b(?!\s*=[^=])/g)) names.add(m[1])
  }
  // Set by Node or npm, not configuration.
  for (const internal of ['NODE_OPTIONS']) names.delete(internal)
  return names
}

describe('.env.example', () => {
  it('documents every variable the application reads', () => {
    const documented = new Set([...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]))
    const read = variablesReadByTheApp()
    expect(read.size).toBeGreaterThan(15)
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([])
  })
})
