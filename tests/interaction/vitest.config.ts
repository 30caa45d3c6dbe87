import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The interaction tests boot their own empty database and never read the seeded Yulin template,
// so they can run without the shared global setup (which other suites may be rebuilding):
//   npx vitest run --config tests/interaction/vitest.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/interaction/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
})
