/**
 * A read model below the page cache: results of the public pages' list reads (column lists,
 * latest articles, placements shown by reference, headline media) kept in process memory and
 * invalidated by the SAME dependency tags as cached pages (tags.ts), through the same calls —
 * the collection hooks of the writing process and the database poll of every other process
 * (public-sites.ts `applyChanges`). So with the page cache off, or on a page-cache miss, a
 * list that has not changed is not read and converted again, and one that has is.
 *
 * The tag index and the guard against storing a read that began before one of its tags was
 * invalidated are the page cache's (tagged-store.ts); this adds sharing of loads in flight.
 */
import { TaggedStore, type TaggedStoreStats } from './tagged-store'

export type DataCacheStats = TaggedStoreStats

interface Entry {
  value: unknown
  tags: string[]
  expiresAt: number
  bytes: number
}

/** The weight of an entry whose load did not say: a list of 8–20 article summaries is a few KB. */
const NOMINAL_BYTES = 4096

export interface Loaded<T> {
  value: T
  /** What the value shows: a change carrying one of these tags drops it. */
  tags: string[]
  /** false: answer the callers waiting for this load but keep nothing (a "not found"). */
  store?: boolean
  /** Approximate memory the value holds, for `maxBytes` (article bodies and their HTML vary 100-fold). */
  bytes?: number
}

export class DataCache {
  private store: TaggedStore<Entry>
  private inFlight = new Map<string, Promise<unknown>>()

  constructor(private readonly options: { enabled: boolean; maxEntries: number; maxBytes?: number; ttlSeconds: number }) {
    if (!(options.maxEntries > 0)) throw new Error(`data cache maxEntries must be a positive number, got ${options.maxEntries}`)
    if (options.maxBytes !== undefined && !(options.maxBytes > 0)) throw new Error(`data cache maxBytes must be a positive number, got ${options.maxBytes}`)
    if (!(options.ttlSeconds > 0)) throw new Error(`data cache ttlSeconds must be a positive number, got ${options.ttlSeconds}`)
    this.store = new TaggedStore({ maxEntries: options.maxEntries, maxBytes: options.maxBytes })
  }

  get enabled(): boolean {
    return this.options.enabled
  }

  get stats(): DataCacheStats {
    return this.store.stats
  }

  /**
   * The cached value of `key`, or `load()`'s, stored under the tags it returns. Concurrent misses
   * of one key share one load, unless an invalidation came in between (then a fresh load starts).
   */
  async through<T>(key: string, load: () => Promise<Loaded<T>>): Promise<T> {
    if (!this.options.enabled) return (await load()).value
    const entry = this.store.get(key)
    if (entry) return entry.value as T
    const pending = this.inFlight.get(key)
    if (pending) return pending as Promise<T>
    const startedAt = this.store.begin()
    const promise = load().then(
      (loaded) => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key)
        if (loaded.store !== false) {
          const entry = {
            value: loaded.value,
            tags: [...new Set(loaded.tags)],
            expiresAt: Date.now() + this.options.ttlSeconds * 1000,
            bytes: loaded.bytes ?? NOMINAL_BYTES,
          }
          this.store.set(key, entry, startedAt)
        }
        return loaded.value
      },
      (error) => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key)
        throw error
      },
    )
    this.inFlight.set(key, promise)
    return promise
  }

  invalidate(tags: Iterable<string>): number {
    // Loads in flight may have read the old data: later requests must not join them.
    this.inFlight.clear()
    return this.store.invalidate(tags)
  }

  clear(): void {
    this.inFlight.clear()
    this.store.clear()
  }

  keys(): string[] {
    return this.store.keys()
  }
}
