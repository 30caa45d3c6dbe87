/**
 * Entries indexed by dependency tag, shared by the page cache (whole responses) and the data
 * cache (list reads below it). Invalidating a tag drops every entry carrying it, and a sequence
 * number per tag refuses storing a result whose work began before one of its tags was
 * invalidated (it may show the old data).
 *
 * Hand-written rather than an LRU package: the tag index, the sequence guard and size-bounded
 * eviction have to move together, and no maintained cache library offers tag invalidation with
 * such a guard.
 */

export interface TaggedEntry {
  tags: string[]
  bytes: number
  expiresAt: number
}

export interface TaggedStoreStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  invalidations: number
  evictions: number
}

export class TaggedStore<E extends TaggedEntry> {
  private entries = new Map<string, E>()
  private byTag = new Map<string, Set<string>>()
  /** Invalidation sequence per tag. */
  private tagSeq = new Map<string, number>()
  private seq = 0
  /** Work that began before this sequence is never stored (tag history below it was pruned or cleared). */
  private floorSeq = 0
  private bytes = 0
  readonly stats: TaggedStoreStats = { entries: 0, bytes: 0, hits: 0, misses: 0, invalidations: 0, evictions: 0 }

  /** Oldest stored entries are dropped while either bound is exceeded. */
  constructor(private readonly bounds: { maxBytes?: number; maxEntries?: number }) {}

  /** Call before reading data for an entry; pass the result to `set`. */
  begin(): number {
    return this.seq
  }

  /** The live entry under `key`, counted as a hit or a miss; an expired one is dropped. */
  get(key: string): E | undefined {
    const entry = this.entries.get(key)
    if (entry && entry.expiresAt > Date.now()) {
      this.stats.hits++
      return entry
    }
    if (entry) this.remove(key)
    this.stats.misses++
    return undefined
  }

  /** Stores unless one of the entry's tags was invalidated after `startedAt` or the entry alone exceeds `maxBytes`. */
  set(key: string, entry: E, startedAt: number): boolean {
    if (startedAt < this.floorSeq) return false
    for (const tag of entry.tags) if ((this.tagSeq.get(tag) ?? -1) >= startedAt) return false
    const { maxBytes, maxEntries } = this.bounds
    if (maxBytes !== undefined && entry.bytes > maxBytes) return false
    this.remove(key)
    this.entries.set(key, entry)
    this.bytes += entry.bytes
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    while ((maxBytes !== undefined && this.bytes > maxBytes) || (maxEntries !== undefined && this.entries.size > maxEntries)) {
      this.remove(this.entries.keys().next().value as string)
      this.stats.evictions++
    }
    this.refreshStats()
    return true
  }

  invalidate(tags: Iterable<string>): number {
    let removed = 0
    for (const tag of tags) {
      this.tagSeq.set(tag, this.seq)
      const keys = this.byTag.get(tag)
      if (keys) for (const key of [...keys]) removed += this.remove(key) ? 1 : 0
    }
    this.seq++
    this.stats.invalidations++
    if (this.seq % 1000 === 0) {
      this.floorSeq = this.seq - 500
      for (const [tag, seq] of this.tagSeq) if (seq < this.floorSeq) this.tagSeq.delete(tag)
    }
    this.refreshStats()
    return removed
  }

  clear(): void {
    this.entries.clear()
    this.byTag.clear()
    this.tagSeq.clear()
    this.bytes = 0
    this.floorSeq = ++this.seq
    this.refreshStats()
  }

  keys(): string[] {
    return [...this.entries.keys()]
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    this.entries.delete(key)
    this.bytes -= entry.bytes
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys && !keys.size) this.byTag.delete(tag)
    }
    return true
  }

  private refreshStats() {
    this.stats.entries = this.entries.size
    this.stats.bytes = this.bytes
  }
}
