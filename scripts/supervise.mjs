// Runs a TypeScript entry under tsx and starts it once more if it stalls on start-up.
// Node 20 can exit with code 13 while evaluating @payloadcms/richtext-lexical's module graph; the
// fix is src/lib/keep-alive.ts, imported first by every entry. This guard only reports and retries
// should a stall ever recur, so `npm start` does not end with no explanation.
import { spawn } from 'node:child_process'

const [entry, ...args] = process.argv.slice(2)
const run = (attempt) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    if (code === 13 && attempt < 3) {
      console.error(`${entry} stalled while starting (exit 13); starting it once more…`)
      return run(attempt + 1)
    }
    process.exit(code ?? (signal ? 1 : 0))
  })
}
run(1)
