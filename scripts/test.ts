/**
 * npm test [-- <vitest filters>]: runs every test and fails loudly when none ran — a run that ends
 * "green" having executed nothing (e.g. Payload exiting on a schema prompt) must not pass.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

mkdirSync('test-results', { recursive: true })
const report = 'test-results/vitest.json'
rmSync(report, { force: true })
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation`.trim() },
  },
)
if (!existsSync(report)) {
  console.error(`No test report was written (vitest exit ${run.status}): treating as failure.`)
  process.exit(1)
}
const result = JSON.parse(readFileSync(report, 'utf8')) as {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numTotalTests: number
  success: boolean
}
const skipped = result.numPendingTests + result.numTodoTests
console.log(`\n${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`)
if (result.numPassedTests === 0) {
  console.error('No test passed: failing the run (a run that executes nothing is not a pass).')
  process.exit(1)
}
if (!result.success) console.error('The run was not successful (a failed hook or suite counts even when no single test failed).')
process.exit(run.status === 0 && result.success && result.numFailedTests === 0 ? 0 : 1)
