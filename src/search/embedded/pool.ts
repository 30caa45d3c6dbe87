import { Worker } from 'node:worker_threads'
import type { SearchPlan } from './plan'
import type { PlanResult } from './reader'

interface Pending {
  resolve: (result: PlanResult) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: Promise<void>
  pending: Map<number, Pending>
}

/**
 * Read-only query workers. better-sqlite3 is synchronous, so a 30 ms query run on the main
 * thread would stall every other request; each worker holds its own read connection (WAL
 * allows readers alongside the writer) and the least busy one takes the next query.
 */
export class QueryPool {
  private readonly slots: Slot[] = []
  private nextId = 1
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
    const pending = new Map<number, Pending>()
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve())
      worker.once('error', reject)
    })
    ready.catch(() => {})
    const slot: Slot = { worker, ready, pending }
    worker.on('message', (message: { id?: number; result?: PlanResult; error?: string }) => {
      if (message.id === undefined) return
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (!waiting) return
      if (message.error !== undefined) waiting.reject(new Error(message.error))
      else waiting.resolve(message.result!)
    })
    const fail = (error: Error) => {
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
      const index = this.slots.indexOf(slot)
      if (!this.closed && index !== -1) this.slots[index] = this.spawn()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`search worker exited with code ${code}`))
    })
    return slot
  }

  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.ready))
  }

  async run(plan: SearchPlan): Promise<PlanResult> {
    if (this.closed) throw new Error('the search pool is closed')
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best))
    await slot.ready
    const id = this.nextId++
    return new Promise<PlanResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject })
      slot.worker.postMessage({ id, plan })
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  get workers(): number {
    return this.size
  }
}
