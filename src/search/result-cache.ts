/**
 * A small LRU of search results for hot queries. Entries belong to one index generation: when
 * the generation changes (any write, by this process or another), everything is dropped, so a
 * cached answer is never older than the index it came from. Hand-written rather than a package
 * because it is a Map in insertion order plus a generation check — ~40 lines.
 */
export interface ResultCacheOptions {
  maxEntries: number
  /** Entries older than this are recomputed even without a write (recency scores drift). */
  maxAgeMs: number
}

interface Entry<T> {
  value: T
  at: number
}

export class ResultCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private generation: string | null = null
  hits = 0
  misses = 0

  constructor(private readonly options: ResultCacheOptions) {}

  /** Drops everything when `generation` differs from the one the entries were made under. */
  sync(generation: string): void {
    if (generation !== this.generation) {
      this.entries.clear()
      this.generation = generation
    }
  }

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key)
    if (!entry || now - entry.at > this.options.maxAgeMs) {
      if (entry) this.entries.delete(key)
      this.misses++
      return undefined
    }
    // Re-inserting moves the key to the end: the Map's first key is the least recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    this.hits++
    return entry.value
  }

  set(key: string, value: T, now = Date.now()): void {
    if (this.options.maxEntries <= 0) return
    this.entries.delete(key)
    this.entries.set(key, { value, at: now })
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
