/**
 * Cross-process cache invalidation with the database as the shared channel. Every process polls
 * each watched collection for documents whose `updatedAt` is newer than its watermark (an
 * indexed range query returning nothing most of the time), plus articles whose scheduled
 * `publishedAt` has just come due, and invalidates the tags of what changed. The process that
 * made a change also invalidates at once: the sites plugin gives each watched collection hooks
 * (declared in the config, see plugin.ts) that publish to an in-process channel its public sites
 * listen on, so its own next request is fresh; other processes follow within one poll interval.
 * Deletions are caught by hooks locally and by a periodic count comparison elsewhere (a drop in
 * count clears that collection's pages).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, Payload } from 'payload'
import { publicArticleWhere } from '../access'

export interface ContentChange {
  collection: string
  doc: Record<string, unknown>
  /** The document as it was before (hooks only): an article moved out of a column must leave it too. */
  previous?: Record<string, unknown>
  deleted?: boolean
  /** A deletion seen only as a drop in count elsewhere: which document is unknown. */
  unknownDeletion?: boolean
}

export interface WatcherOptions {
  pollIntervalMs: number
  collections: string[]
  onChanges: (changes: ContentChange[]) => void | Promise<void>
  onError?: (error: unknown) => void
  /** Poll counts for deletions every N polls. */
  countEvery?: number
}

const OVERLAP_MS = 2000
/** Only what invalidation needs: polling must stay cheap (no article bodies). */
const WATCH_FIELDS: Record<string, Record<string, true>> = {
  articles: { updatedAt: true, column: true, site: true },
  columns: { updatedAt: true, site: true },
  'service-guides': { updatedAt: true, organization: true },
  placements: { updatedAt: true, targetColumn: true, targetSite: true },
}

export class ContentWatcher {
  private watermark = new Map<string, string>()
  private seen = new Map<string, number>()
  private counts = new Map<string, number>()
  private lastDueCheck = new Date().toISOString()
  private timer: NodeJS.Timeout | undefined
  private polls = 0
  private running: Promise<void> | undefined

  constructor(
    private readonly payload: Payload,
    private readonly options: WatcherOptions,
  ) {}

  async start(): Promise<void> {
    const now = new Date().toISOString()
    for (const collection of this.options.collections) {
      this.watermark.set(collection, now)
      this.counts.set(collection, (await this.payload.count({ collection: collection as CollectionSlug, overrideAccess: true })).totalDocs)
    }
    this.timer = setInterval(() => void this.pollNow().catch((e) => this.options.onError?.(e)), this.options.pollIntervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  /** One poll; concurrent calls share the one in flight. */
  pollNow(): Promise<void> {
    this.running ??= this.poll().finally(() => (this.running = undefined))
    return this.running
  }

  private async poll(): Promise<void> {
    const changes: ContentChange[] = []
    const startedAt = Date.now()
    for (const collection of this.options.collections) {
      const since = new Date(Date.parse(this.watermark.get(collection)!) - OVERLAP_MS).toISOString()
      const result = await this.payload.find({
        collection: collection as CollectionSlug,
        where: { updatedAt: { greater_than: since } },
        sort: 'updatedAt',
        limit: 1000,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: WATCH_FIELDS[collection] ?? { updatedAt: true },
      })
      for (const doc of result.docs as unknown as Array<Record<string, unknown>>) {
        const key = `${collection}:${doc.id}@${doc.updatedAt}`
        const updatedAt = String(doc.updatedAt)
        if (updatedAt > this.watermark.get(collection)!) this.watermark.set(collection, updatedAt)
        if (this.seen.has(key)) continue
        this.seen.set(key, startedAt)
        changes.push({ collection, doc })
      }
    }
    if (this.options.collections.includes('articles')) {
      const now = new Date().toISOString()
      const due = await this.payload.find({
        collection: 'articles',
        where: { and: [publicArticleWhere(new Date(now)), { publishedAt: { greater_than: this.lastDueCheck } }] },
        limit: 1000,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: WATCH_FIELDS.articles,
      })
      this.lastDueCheck = now
      for (const doc of due.docs as unknown as Array<Record<string, unknown>>) changes.push({ collection: 'articles', doc })
    }
    if (++this.polls % (this.options.countEvery ?? 10) === 0) {
      for (const collection of this.options.collections) {
        const { totalDocs } = await this.payload.count({ collection: collection as CollectionSlug, overrideAccess: true })
        if (totalDocs < (this.counts.get(collection) ?? 0)) changes.push({ collection, doc: {}, deleted: true, unknownDeletion: true })
        this.counts.set(collection, totalDocs)
      }
    }
    for (const [key, at] of this.seen) if (at < startedAt - OVERLAP_MS * 3) this.seen.delete(key)
    if (changes.length) await this.options.onChanges(changes)
  }
}

/** The collections whose changes show on public pages: the sites plugin hooks them and the watcher polls them. */
export const PUBLIC_PAGE_COLLECTIONS = ['articles', 'columns', 'sites', 'organizations', 'media', 'service-guides', 'redirects', 'placements']

type ChangeListener = (changes: ContentChange[]) => void

/**
 * The in-process change channel, one per Payload instance (a test or a script may run several in
 * one process, each with its own database). It has one listener: the public sites of the process.
 * Another set of public sites on the same Payload stands for a second process, as the tests use
 * it, and like one hears only its database poller until the first set closes.
 */
const listeners = new WeakMap<Payload, ChangeListener>()

/** Hears the writes this process makes through `payload`, as they happen; returns the unsubscribe. */
export function onContentChange(payload: Payload, listener: ChangeListener): () => void {
  if (listeners.has(payload)) return () => undefined
  listeners.set(payload, listener)
  return () => {
    if (listeners.get(payload) === listener) listeners.delete(payload)
  }
}

function publish(payload: Payload, changes: ContentChange[]): void {
  // A failing listener must not fail the editor's write: the poller catches up with its pages.
  try {
    listeners.get(payload)?.(changes)
  } catch (error) {
    payload.logger.error({ err: error }, 'cache invalidation failed')
  }
}

/** The hooks the sites plugin gives each collection of PUBLIC_PAGE_COLLECTIONS, so the writing process invalidates at once. */
export function publicPageHooks(collection: string): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } {
  return {
    afterChange: ({ doc, previousDoc, req }) => {
      publish(req.payload, [{ collection, doc, previous: previousDoc }])
      return doc
    },
    afterDelete: ({ doc, req }) => {
      publish(req.payload, [{ collection, doc, deleted: true }])
    },
  }
}
