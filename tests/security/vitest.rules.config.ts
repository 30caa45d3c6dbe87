import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The rule tests need no database, so they run without the shared global setup:
//   npx vitest run --config tests/security/vitest.rules.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { tsconfigPaths: true },
  test: { environment: 'node', include: ['tests/security/rules.test.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 60_000 },
})
