/**
 * Security headers. helmet is the one definition; its middleware is run once against a recording
 * response so every answer — the lean cache path, Express, Next's admin and API — gets the same
 * headers by a handful of setHeader calls instead of helmet's per-request work.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import helmet, { type HelmetOptions } from 'helmet'
import type { CspDirectives, SecurityPolicy } from './policy'

export type Area = 'public' | 'admin' | 'api'
export type HeaderMap = Record<string, string>

export interface SecurityHeaders {
  /** Request-independent headers of an area (these may be stored with cached pages). */
  forArea(area: Area): HeaderMap
  /** The Strict-Transport-Security value, or undefined when the request did not come over TLS. */
  hstsFor(req: IncomingMessage): string | undefined
  /** Sets an area's headers (and HSTS when due) on a response before anything else writes it. */
  apply(req: IncomingMessage, res: ServerResponse, area: Area): void
}

export interface HeaderOptions {
  /** Exact text of trusted inline <style> blocks (without the tags); each is allowed by its hash. */
  inlineStyles?: string[]
  /** Exact text of trusted inline <script> blocks; none exist today, every script is a file. */
  inlineScripts?: string[]
  /** Next's development server needs eval and a websocket for hot reload. */
  dev?: boolean
}

/** `'sha256-…'` source expression of an inline block, as CSP Level 2 defines it. */
export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** Which policy a path gets: Next's admin, Payload's REST/GraphQL and uploads, or the public sites. */
export function areaOf(url: string | undefined): Area {
  const path = url ?? '/'
  if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/admin?') || path.startsWith('/_next/') || path.startsWith('/__nextjs'))
    return 'admin'
  if (path.startsWith('/api/') && !path.startsWith('/api/search')) return 'api'
  return 'public'
}

export function createSecurityHeaders(policy: SecurityPolicy, options: HeaderOptions = {}): SecurityHeaders {
  const h = policy.headers
  const extra = (directives: CspDirectives, more: CspDirectives) => {
    const out: CspDirectives = structuredClone(directives)
    for (const [name, values] of Object.entries(more)) out[name] = [...(out[name] ?? []), ...values]
    return out
  }
  const hashes = (texts: string[] | undefined) => (texts ?? []).map(cspHash)
  const publicCsp = extra(h.public, {
    'style-src': hashes(options.inlineStyles),
    'script-src': hashes(options.inlineScripts),
    'frame-ancestors': h.frameAncestors,
  })
  const adminCsp = extra(options.dev ? extra(h.admin, h.adminDevExtras) : h.admin, { 'frame-ancestors': h.frameAncestors })
  const apiCsp = extra(h.api, { 'frame-ancestors': h.frameAncestors })

  const helmetOptions = (directives: CspDirectives): HelmetOptions => ({
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: h.crossOriginResourcePolicy as 'same-site' },
    referrerPolicy: { policy: h.referrerPolicy as 'strict-origin-when-cross-origin' },
    // HSTS depends on the request (see hstsFor); upgrade-insecure-requests is left out because a
    // cached page is shared by HTTP and HTTPS visitors.
    strictTransportSecurity: false,
    xFrameOptions: { action: h.frameAncestors.includes("'none'") ? 'deny' : 'sameorigin' },
  })
  const maps: Record<Area, HeaderMap> = {
    public: record(helmet(helmetOptions(publicCsp))),
    admin: record(helmet(helmetOptions(adminCsp))),
    api: record(helmet(helmetOptions(apiCsp))),
  }
  const hsts = record(helmet.strictTransportSecurity({ maxAge: h.hsts.maxAgeSeconds, includeSubDomains: h.hsts.includeSubDomains, preload: h.hsts.preload }))[
    'Strict-Transport-Security'
  ]

  const hstsFor = (req: IncomingMessage): string | undefined => {
    if (h.hsts.mode === 'off') return undefined
    if (h.hsts.mode === 'always') return hsts
    // Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1), so believing a forged
    // X-Forwarded-Proto can do no harm; behind a TLS terminator the header is what tells us.
    if ((req.socket as TLSSocket).encrypted) return hsts
    const proto = req.headers['x-forwarded-proto']
    const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase()
    return first === 'https' ? hsts : undefined
  }

  return {
    forArea: (area) => maps[area],
    hstsFor,
    apply(req, res, area) {
      const map = maps[area]
      for (const name in map) res.setHeader(name, map[name])
      const sts = hstsFor(req)
      if (sts) res.setHeader('Strict-Transport-Security', sts)
    },
  }
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

/** Runs a header-only middleware against a stand-in response and returns what it set. */
function record(middleware: Middleware): HeaderMap {
  const headers: HeaderMap = {}
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
    getHeader: (name: string) => headers[name],
  }
  let failure: unknown
  middleware({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, res as unknown as ServerResponse, (error) => (failure = error))
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
  return headers
}
