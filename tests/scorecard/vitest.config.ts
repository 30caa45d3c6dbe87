import { defineConfig } from 'vitest/config'

// The scorecard core is pure (no database), so it can run without the repository-wide global
// setup that seeds a Payload template: `npx vitest run -c tests/scorecard/vitest.config.ts`.
export default defineConfig({
  test: { environment: 'node', include: ['tests/scorecard/**/*.test.ts'], root: new URL('../..', import.meta.url).pathname },
})
