import { spawn, type ChildProcess } from 'node:child_process'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'

export interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a TypeScript entry in its own Node process, as `npm run …` would. */
export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} did not finish in ${timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A long-running child whose stdout lines are watched (the concurrent writer). */
export class LineProcess {
  readonly child: ChildProcess
  lines: string[] = []
  private waiters: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = []
  exited: Promise<number | null>

  constructor(script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', script], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let buffer = ''
    let stderr = ''
    this.child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
    this.child.stdout!.on('data', (d) => {
      buffer += d
      const parts = buffer.split('\n')
      buffer = parts.pop()!
      for (const line of parts) {
        this.lines.push(line)
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true))
      }
    })
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        if (code !== 0) console.error(`${script} exited with ${code}:\n${stderr}`)
        resolve(code)
      }),
    )
  }

  waitFor(test: (line: string) => boolean, timeoutMs: number): Promise<string> {
    const seen = this.lines.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching line in ${timeoutMs} ms; last: ${this.lines.slice(-3).join(' | ')}`)), timeoutMs)
      this.waiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) })
    })
  }

  /** Sends one command line to the child's stdin. */
  send(command: unknown): void {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`)
  }

  /** The highest `acked <n>` seen so far. */
  acked(): number {
    const last = [...this.lines].reverse().find((l) => l.startsWith('acked '))
    return last ? Number(last.slice(6)) : 0
  }
}
