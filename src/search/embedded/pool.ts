import { Worker } from 'node:worker_threads'
import type { SearchPlan } from './plan'
import type { PlanResult } from './reader'

const RESPAWN_DELAY_MS = 1000

interface Job {
  plan: SearchPlan
  resolve: (result: PlanResult) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: Promise<void>
  isReady: boolean
  /** The one query this worker is running. */
  job: Job | null
}

/**
 * Read-only query workers. better-sqlite3 is synchronous, so a 30 ms query run on the main
 * thread would stall every other request; each worker holds its own read connection (WAL
 * allows readers alongside the writer). Queries wait in one queue and a worker takes the next
 * when it is free: queued per worker, a slow query held up every query queued behind it while
 * the other worker sat idle.
 */
export class QueryPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private turn = 0
  private closed = false

  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly cacheSizeMiB: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn())
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
      workerData: { file: this.file, cacheSizeMiB: this.cacheSizeMiB },
    })
    let markReady = () => {}
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      worker.once('error', reject)
    })
    ready.catch(() => {})
    const slot: Slot = { worker, ready, isReady: false, job: null }
    worker.on('message', (message: { ready?: boolean; result?: PlanResult; error?: string }) => {
      if (message.ready) {
        slot.isReady = true
        markReady()
      } else {
        const job = slot.job
        slot.job = null
        if (message.error !== undefined) job?.reject(new Error(message.error))
        else job?.resolve(message.result!)
      }
      this.dispatch()
    })
    const fail = (error: Error) => {
      slot.job?.reject(error)
      slot.job = null
      // A worker that could not even open the index: the queued searches fail now (the engine
      // answers "temporarily unavailable") instead of waiting for replacements that fail alike.
      if (!slot.isReady) for (const job of this.queue.splice(0)) job.reject(error)
      const index = this.slots.indexOf(slot)
      if (this.closed || index === -1) return
      if (slot.isReady) {
        this.slots[index] = this.spawn()
        return
      }
      // Not opened at all: retried after a pause rather than in a tight loop.
      setTimeout(() => {
        if (!this.closed && this.slots[index] === slot) this.slots[index] = this.spawn()
      }, RESPAWN_DELAY_MS).unref()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`search worker exited with code ${code}`))
    })
    return slot
  }

  /**
   * Free workers take turns, so a quiet server keeps every worker's page cache warm: always
   * the first free one left the other cold for the next burst.
   */
  private dispatch(): void {
    for (let tried = 0; tried < this.slots.length && this.queue.length > 0; tried++) {
      const slot = this.slots[this.turn]!
      this.turn = (this.turn + 1) % this.slots.length
      if (!slot.isReady || slot.job) continue
      const job = this.queue.shift()!
      slot.job = job
      slot.worker.postMessage({ plan: job.plan })
    }
  }

  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.ready))
  }

  run(plan: SearchPlan): Promise<PlanResult> {
    if (this.closed) return Promise.reject(new Error('the search pool is closed'))
    return new Promise<PlanResult>((resolve, reject) => {
      this.queue.push({ plan, resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const stopped = new Error('the search pool is closed')
    for (const job of this.queue.splice(0)) job.reject(stopped)
    for (const slot of this.slots) slot.job?.reject(stopped)
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  get workers(): number {
    return this.size
  }
}
