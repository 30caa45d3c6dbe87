/**
 * Group commit for public submissions: letters arriving together are stored in one database
 * transaction, so a burst of writers pays for one commit instead of one each (on SQLite the
 * commit, not the insert, is most of the wall time). Each caller's promise settles only after
 * the commit, so nothing is acknowledged before it is durable. If the batch fails, every item is
 * retried alone, so one bad submission cannot take its neighbours down with it. Without
 * transactions (SQLite as configured here) the jobs simply run one after another.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

type Job<T> = { run: (req?: PayloadRequest) => Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void }

export interface GroupCommitter {
  submit<T>(run: (req?: PayloadRequest) => Promise<T>): Promise<T>
}

export function groupCommitter(payload: Payload, maxBatch = 50): GroupCommitter {
  const queue: Job<any>[] = []
  let flushing = false

  async function flush() {
    if (flushing) return
    flushing = true
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch)
        if (batch.length === 1) {
          await runAlone(batch[0])
          continue
        }
        const req = await createLocalReq({}, payload)
        const results: unknown[] = []
        try {
          const started = await initTransaction(req)
          if (!started) {
            // No transactions (Payload's SQLite adapter without transactionOptions): every statement
            // commits on its own, so a batch saves nothing — and retrying a failed batch item by item
            // would store its first items twice. Each job runs and settles alone, in arrival order.
            for (const job of batch) await runAlone(job, req)
            continue
          }
          for (const job of batch) results.push(await job.run(req))
          await commitTransaction(req)
          batch.forEach((job, i) => job.resolve(results[i]))
        } catch {
          await killTransaction(req).catch(() => undefined)
          for (const job of batch) await runAlone(job)
        }
      }
    } finally {
      flushing = false
    }
  }

  async function runAlone(job: Job<unknown>, req?: PayloadRequest) {
    try {
      job.resolve(await job.run(req))
    } catch (error) {
      job.reject(error)
    }
  }

  return {
    submit(run) {
      return new Promise((resolve, reject) => {
        queue.push({ run, resolve, reject })
        // Let the other requests of this tick join the batch before it is written.
        setImmediate(() => void flush())
      })
    },
  }
}

const committers = new WeakMap<Payload, GroupCommitter>()
export function committerFor(payload: Payload): GroupCommitter {
  let committer = committers.get(payload)
  if (!committer) committers.set(payload, (committer = groupCommitter(payload)))
  return committer
}

/**
 * Group commit by batch insert, for rows written whole (the letter inbox, src/db/bulk.ts): rows
 * submitted in the same turn of the event loop — and those arriving while a batch is being written —
 * go to `write` together, as one transaction. Each promise settles with its own row's outcome, after
 * the batch's commit: a row is never acknowledged before it is durable, and a row refused by the
 * database (a duplicate) fails alone.
 */
export interface RowOutcome {
  ok: boolean
  error?: Error
}
export interface RowBatcher<Row, Outcome extends RowOutcome> {
  /** Resolves with the row's outcome once its batch is committed; rejects if it was refused or the batch failed. */
  submit(row: Row): Promise<Outcome>
}

export function rowBatcher<Row, Outcome extends RowOutcome>(write: (rows: Row[]) => Promise<Outcome[]> | Outcome[], maxBatch = 200): RowBatcher<Row, Outcome> {
  const queue: { row: Row; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void }[] = []
  let flushing = false

  async function flush() {
    if (flushing) return
    flushing = true
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch)
        let outcomes: Outcome[]
        try {
          outcomes = await write(batch.map((item) => item.row))
        } catch (error) {
          for (const item of batch) item.reject(error)
          continue
        }
        batch.forEach((item, i) => {
          const outcome = outcomes[i]
          if (outcome?.ok) item.resolve(outcome)
          else item.reject(Object.assign(outcome?.error ?? new Error('the row was not stored'), { outcome }))
        })
      }
    } finally {
      flushing = false
    }
  }

  return {
    submit(row) {
      return new Promise<Outcome>((resolve, reject) => {
        queue.push({ row, resolve, reject })
        if (queue.length === 1) setImmediate(() => void flush())
      })
    },
  }
}
