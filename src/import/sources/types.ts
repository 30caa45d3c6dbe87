import type { Fetched } from '../http'

/** A page the source offers: its bytes for the extractor, or why it could not be had. */
export type SourcePage = { ok: true; url: string; contentType: string; bytes: Buffer } | { ok: false; url: string; reason: string }

/** Where old pages come from: a live site, a mirror folder or a feed. */
export interface ImportSource {
  /** Origin of the old site: old paths are read relative to it and links on it count as internal. */
  readonly origin: string
  /** Null when the source answers; else why the run must stop before writing anything. */
  check(): Promise<string | null>
  pages(): AsyncIterable<SourcePage>
  /** An attachment or image named by an absolute URL on the old site. */
  asset(url: string): Promise<Fetched>
}

export interface CrawlOptions {
  /** Requests per second, at most. */
  rate: number
  maxDepth: number
  maxPages: number
  maxBytes: number
  timeoutMs: number
}

export const DEFAULT_CRAWL: CrawlOptions = { rate: 10, maxDepth: 6, maxPages: 5000, maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000 }

/** Links that lead to files, not pages: fetched as attachments, never crawled. */
export const ASSET_EXTENSION = /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|jpe?g|png|gif|bmp|webp|svg|txt|mp4|mp3|css|js|ico)$/i
