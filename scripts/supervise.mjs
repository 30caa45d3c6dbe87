// Runs a TypeScript entry under tsx and starts it once more if it stalls on start-up.
// Seen on a heavily loaded machine: the process ends with code 13 (a top-level await that can never
// settle) while loading modules, before doing any work. The cause is not yet found (see the
// session notes), so the first such stall is reported and retried rather than ending `npm start`.
import { spawn } from 'node:child_process'

const [entry, ...args] = process.argv.slice(2)
const run = (attempt) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    if (code === 13 && attempt === 1) {
      console.error(`${entry} stalled while starting (exit 13); starting it once more…`)
      return run(2)
    }
    process.exit(code ?? (signal ? 1 : 0))
  })
}
run(1)
