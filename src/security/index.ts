/**
 * HTTP hardening and safe uploads // 安全防护: security headers with a strict CSP for the public
 * sites (helmet), HSTS behind TLS, CSRF tokens on public forms, rate and size limits, path
 * traversal refusal, and the upload rules of the media collection. Other code imports only here.
 */
import { createHmac } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Express, Request } from 'express'
import { createFormGuard, type FormGuard, type RefusalPage } from './csrf'
import { areaOf, createSecurityHeaders, type SecurityHeaders } from './headers'
import { apiLimiter, clientAddressResolver, declaredBodyLimit, loginLimiter, pageLimiter, parseBytes, type FrontDoorLimiter } from './limits'
import { isTraversal } from './paths'
import { accessLogger } from '../lib/logger'
import type { Logger } from 'pino'
import { largestUpload, securityPolicy, type SecurityPolicy } from './policy'

export { securityPolicy, acceptedMimeTypes, largestUpload, uploadTypes, type SecurityPolicy, type UploadType, type UploadKind, type HstsMode } from './policy'
export { areaOf, cspHash, createSecurityHeaders, type Area, type HeaderMap, type SecurityHeaders } from './headers'
export { createFormGuard, originOf, type FormGuard, type FormGuardOptions, type RefusalPage } from './csrf'
export { apiLimiter, loginLimiter, pageLimiter, declaredBodyLimit, clientAddressResolver, parseBytes } from './limits'
export { isTraversal } from './paths'
export { normalizeFilename, fileExtension } from './filenames'
export { sanitizeSvg, SvgRefused, type SanitizedSvg } from './svg'
export { checkUpload, UploadRefused, type CheckedUpload, type IncomingUpload, type UploadRefusalKey } from './uploads'
export { mediaResponseHeaders } from './media-headers'
export { uploadMessage, uploadMessages, type UploadMessageKey } from './messages'

export interface SecurityOptions {
  /** Payload's secret; the CSRF key is derived from it so all instances agree. */
  secret: string
  /** Exact text of the inline <style> blocks the public pages carry (allowed by hash). */
  inlineStyles?: string[]
  dev?: boolean
  env?: Record<string, string | undefined>
  /** Where the front door writes one line per request; the process's access log when omitted, none when null. */
  accessLog?: Logger | null
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void

export interface Security {
  policy: SecurityPolicy
  headers: SecurityHeaders
  /** The CSRF guard; `layout` renders its refusal page inside the site's theme. */
  formGuard(layout?: (req: Request, page: RefusalPage) => string | Promise<string>): FormGuard
  /** Login and API rate limits and body size limits, mounted in front of Next's /api. */
  guardApi(app: Express): void
  /**
   * node's request listener: security headers on every answer, traversal refused, the page rate
   * limit, then the lean cache path (public GETs) and Express.
   */
  frontDoor(parts: { lean?: (req: IncomingMessage, res: ServerResponse) => boolean; app: NodeHandler }): NodeHandler
}

const LOGIN_PATHS = ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/users/unlock', '/api/users/first-register']

export function createSecurity(options: SecurityOptions): Security {
  const policy = securityPolicy(options.env)
  const headers = createSecurityHeaders(policy, { inlineStyles: options.inlineStyles, dev: options.dev })
  const csrfSecret = createHmac('sha256', options.secret).update('sitegroup-csrf').digest('hex')
  const clientAddress = clientAddressResolver(options.env?.TRUST_PROXY ?? process.env.TRUST_PROXY ?? 'loopback')
  const pages: FrontDoorLimiter | undefined = pageLimiter(policy, clientAddress)
  const access = options.accessLog === undefined ? accessLogger : options.accessLog

  return {
    policy,
    headers,
    formGuard: (layout) => createFormGuard({ policy, secret: csrfSecret, layout }),
    guardApi(app) {
      app.post(LOGIN_PATHS, declaredBodyLimit(parseBytes(policy.bodyLimits.publicJson), true, { requireLength: true }), loginLimiter(policy))
      // Uploads may be as large as the largest kind plus the multipart envelope; the per-type limit is checked on the file.
      app.use('/api/media', declaredBodyLimit(largestUpload(policy) + 1024 * 1024, true))
      app.use('/api', apiLimiter(policy))
    },
    frontDoor({ lean, app }) {
      return (req, res) => {
        const area = areaOf(req.url)
        let cache: 'hit' | 'miss' = 'miss'
        if (access) logAccess(access, req, res, area, () => cache)
        headers.apply(req, res, area)
        if (isTraversal(req.url)) {
          res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
          res.end('Bad request: path traversal refused / 非法路径')
          return
        }
        const go = () => {
          if (area === 'public' && lean && lean(req, res)) cache = 'hit'
          else app(req, res)
        }
        if (pages && area === 'public' && (req.method === 'GET' || req.method === 'HEAD')) pages(req, res, go)
        else go()
      }
    },
  }
}

/**
 * method, path, status, time and whether the page cache answered, once the answer is sent. The query
 * string is left out: it can carry a letter's query code or what a visitor searched for.
 */
function logAccess(log: Logger, req: IncomingMessage, res: ServerResponse, area: string, cache: () => 'hit' | 'miss') {
  const started = process.hrtime.bigint()
  res.once('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info({
      method: req.method,
      path: (req.url ?? '').split('?', 1)[0],
      status: res.statusCode,
      ms: Math.round(ms * 100) / 100,
      area,
      cache: cache(),
      host: req.headers.host,
    })
  })
}
