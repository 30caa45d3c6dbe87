import { defineConfig } from 'vitest/config'

// Integration tests boot Payload (2–4 s each) and share 2 cores, so files run in forks
// with generous timeouts; e2e tests (Chromium) live in tests/e2e and run last.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
})
