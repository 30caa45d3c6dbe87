/**
 * Rendered responses kept in process memory with their gzip and brotli variants, an ETag and a
 * Last-Modified, and the dependency tags that say what they show. Hand-written rather than an
 * LRU package because eviction, byte accounting and the tag index have to move together.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib'
import { TaggedStore, type TaggedStoreStats } from './tagged-store'

export interface ViewKey {
  siteId: number | string
  columnId?: number | string | null
  articleId?: number | string | null
}

export interface CachedResponse {
  status: number
  contentType: string
  body: Buffer
  gzip: Buffer
  br: Buffer
  etag: string
  lastModified: string
  cacheControl: string
  tags: string[]
  expiresAt: number
  bytes: number
  /** Counted as a page view when served (HTML pages only). */
  view?: ViewKey
  headers: Record<string, string>
}

export interface ResponseInit {
  status?: number
  contentType: string
  tags: string[]
  ttlSeconds: number
  cacheControl?: string
  lastModified?: Date
  view?: ViewKey
  headers?: Record<string, string>
}

export interface CompressionSettings {
  brotliQuality: number
  gzipLevel: number
}

export function buildResponse(body: string | Buffer, init: ResponseInit, compression: CompressionSettings): CachedResponse {
  const raw = typeof body === 'string' ? Buffer.from(body) : body
  // Compressed lazily, once: a stored entry compresses both variants when the cache weighs it
  // (`bytes`); a response that is not stored compresses only what its client accepts, if anything
  // (an uncached page otherwise spent ≈ 5–8 % of its CPU time on zlib for nothing).
  let gzip: Buffer | undefined
  let br: Buffer | undefined
  const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`
  const lastModified = new Date(Math.floor((init.lastModified ?? new Date()).getTime() / 1000) * 1000).toUTCString()
  return {
    status: init.status ?? 200,
    contentType: init.contentType,
    body: raw,
    get gzip() {
      return (gzip ??= gzipSync(raw, { level: compression.gzipLevel }))
    },
    get br() {
      return (br ??= brotliCompressSync(raw, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: compression.brotliQuality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }))
    },
    etag,
    lastModified,
    cacheControl: init.cacheControl ?? 'public, max-age=0, must-revalidate',
    tags: [...new Set(init.tags)],
    expiresAt: Date.now() + init.ttlSeconds * 1000,
    get bytes() {
      return raw.length + this.gzip.length + this.br.length + 512
    },
    view: init.view,
    headers: init.headers ?? {},
  }
}

/**
 * Writes a cached response: 304 when the client's validators match, otherwise the best
 * precompressed variant. Used by both the lean path and Express, so they answer identically.
 */
export function sendResponse(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void {
  const headers: Record<string, string | number> = {
    ...entry.headers,
    'Cache-Control': entry.cacheControl,
    ETag: entry.etag,
    'Last-Modified': entry.lastModified,
    Vary: 'Accept-Encoding',
  }
  if (entry.status === 200 && isNotModified(req, entry)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const accept = String(req.headers['accept-encoding'] ?? '')
  let body = entry.body
  if (accept.includes('br')) {
    body = entry.br
    headers['Content-Encoding'] = 'br'
  } else if (accept.includes('gzip')) {
    body = entry.gzip
    headers['Content-Encoding'] = 'gzip'
  }
  headers['Content-Type'] = entry.contentType
  headers['Content-Length'] = body.length
  res.writeHead(entry.status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

function isNotModified(req: IncomingMessage, entry: CachedResponse): boolean {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)
  const ifModifiedSince = req.headers['if-modified-since']
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince)
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since
  }
  return false
}

export type PageCacheStats = TaggedStoreStats

/** Whole responses by key, dropped by dependency tag (tagged-store.ts) and bounded in bytes. */
export class PageCache extends TaggedStore<CachedResponse> {
  constructor(maxBytes: number) {
    if (!(maxBytes > 0)) throw new Error(`page cache maxBytes must be a positive number, got ${maxBytes}`)
    super({ maxBytes })
  }
}
