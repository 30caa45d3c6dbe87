import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Payload } from 'payload'
import { openArticleTextReader } from '../../db/bulk-scan-sqlite'
import { compileBodyPrefilter } from './body-prefilter'
import { readScanChunk, scanIndicatorsFrom, type ScanChunk, type ScanChunkRequest, type ScanIndicatorSpec } from './scan-chunk'

/**
 * The text scan's fast source on SQLite: articles read by id range through the bulk reader, raw
 * bodies prefiltered (body-prefilter.ts), split over worker threads so reading, parsing and the
 * regexes use both cores and the server's event loop stays free. Chunks come back in id order,
 * so findings are stored in the same order as the page-by-page path; at most two chunks per worker
 * are in flight, which bounds memory whatever the table size.
 */
export interface FastScanOptions {
  asOfIso: string
  sinceIso: string | null
  /** Regex sources from bodyPrefilterSources, or null to parse every body. */
  prefilter: string[] | null
  /** Scan indicators run on bodies the prefilter skips (null: skipped rows go to the caller). */
  indicators: ScanIndicatorSpec[] | null
  /** Worker threads; 0 reads on the calling thread. */
  workers: number
  /** Ids per chunk. */
  chunkIds: number
}

/** The SQLite file Payload is connected to, or null (another adapter, or an in-memory database). */
export function sqliteFileUri(payload: Payload): string | null {
  const url = (payload.db as unknown as { clientConfig?: { url?: unknown } }).clientConfig?.url
  return typeof url === 'string' && url.startsWith('file:') && !url.includes(':memory:') ? url : null
}

export async function* fastArticlePages(uri: string, options: FastScanOptions): AsyncGenerator<ScanChunk> {
  const probe = openArticleTextReader(uri)
  const range = probe.idRange(options.sinceIso)
  if (!range) return probe.close()
  const chunkIds = Math.max(1, Math.floor(options.chunkIds))
  const requests: ScanChunkRequest[] = []
  for (let from = range.min; from <= range.max; from += chunkIds) {
    requests.push({ seq: requests.length, from, to: Math.min(from + chunkIds, range.max + 1), asOfIso: options.asOfIso, sinceIso: options.sinceIso })
  }
  if (options.workers <= 0) {
    try {
      const patterns = compileBodyPrefilter(options.prefilter)
      const indicators = options.indicators === null ? null : scanIndicatorsFrom(options.indicators)
      for (const request of requests) yield readScanChunk(probe, patterns, request, indicators)
    } finally {
      probe.close()
    }
    return
  }
  probe.close()
  const pool = new ChunkPool(uri, options.prefilter, options.indicators, Math.min(options.workers, requests.length))
  try {
    const pending: Array<Promise<ScanChunk>> = []
    const window = pool.size * 2
    for (let seq = 0; seq < requests.length; seq++) {
      while (pending.length < Math.min(requests.length, seq + window)) pending.push(pool.run(requests[pending.length]!))
      const chunk = await pending[seq]!
      delete pending[seq] // release the chunk once handed on
      yield chunk
    }
  } finally {
    await pool.close()
  }
}

/**
 * The worker's entry, from the application root rather than `new URL(…, import.meta.url)`: Next's
 * bundler (the admin build loads the Payload config, and with it the scorecard jobs) follows a
 * literal worker URL and tries to bundle tsx and esbuild into it, which made `next build` hang; and
 * inside a bundle import.meta.url points into .next, where the file is not. The server always
 * runs from the application root (npm start, the Dockerfile's WORKDIR).
 */
// Joined as an array: the bundler traces `path.resolve(process.cwd(), …)` as a pattern over the whole tree.
const WORKER_ENTRY = [process.cwd(), 'src', 'scorecard', 'gather', 'scan-worker-bootstrap.mjs'].join(path.sep)

/** Round-robin workers; a worker runs its chunks in order. */
class ChunkPool {
  private readonly workers: Array<{ worker: Worker; waiting: Map<number, { resolve: (rows: ScanChunk) => void; reject: (error: Error) => void }> }> = []
  private failure: Error | null = null

  constructor(
    uri: string,
    prefilter: string[] | null,
    indicators: ScanIndicatorSpec[] | null,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { uri, prefilter, indicators },
        // A worker holds one body at a time; small heaps make V8 collect the read strings early
        // instead of letting each worker grow by hundreds of MB (1.1 GB peak RSS without limits).
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      })
      const waiting = new Map<number, { resolve: (rows: ScanChunk) => void; reject: (error: Error) => void }>()
      const fail = (error: Error) => {
        this.failure ??= error
        for (const entry of waiting.values()) entry.reject(error)
        waiting.clear()
      }
      worker.on('message', (message: { seq?: number; chunk?: ScanChunk; error?: string }) => {
        if (message.seq === undefined) return
        const entry = waiting.get(message.seq)
        waiting.delete(message.seq)
        if (message.error !== undefined) entry?.reject(new Error(`text scan worker: ${message.error}`))
        else entry?.resolve(message.chunk!)
      })
      worker.on('error', fail)
      worker.on('exit', (code) => {
        if (waiting.size) fail(new Error(`text scan worker exited with code ${code}`))
      })
      this.workers.push({ worker, waiting })
    }
  }

  run(request: ScanChunkRequest): Promise<ScanChunk> {
    if (this.failure) return Promise.reject(this.failure)
    const slot = this.workers[request.seq % this.size]!
    const result = new Promise<ScanChunk>((resolve, reject) => slot.waiting.set(request.seq, { resolve, reject }))
    result.catch(() => {}) // awaited in order later; an early failure must not be unhandled meanwhile
    slot.worker.postMessage(request)
    return result
  }

  async close() {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()))
  }
}
