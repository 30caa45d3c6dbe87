/**
 * Imported first by every entry script: a process started without the `production` export
 * condition (see ./module-conditions) runs again with it before any Payload module is evaluated.
 */
import { spawnSync } from 'node:child_process'
import { hasProductionCondition, PRODUCTION_CONDITION } from './module-conditions'

if (!hasProductionCondition() && process.argv[1]) {
  const child = spawnSync(process.execPath, [PRODUCTION_CONDITION, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}
