/**
 * Rate limits (express-rate-limit, in memory per instance) and request size limits. The page
 * limit runs in the front door, before the lean cache path, so it needs the client address
 * without Express: proxy-addr with the same TRUST_PROXY setting Express uses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import proxyaddr from 'proxy-addr'
import type { SecurityPolicy } from './policy'
import { escapeHtml } from '../lib/html'

type Limit = { windowSeconds: number; limit: number }

/** Express's `trust proxy` value as the server sets it (TRUST_PROXY, default loopback only). */
export function trustProxySetting(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRUST_PROXY ?? 'loopback'
}

/** The client's address as Express's req.ip computes it, for requests that never reach Express. */
export function clientAddressResolver(trust: string = trustProxySetting()): (req: IncomingMessage) => string {
  const compiled = /^\d+$/.test(trust)
    ? (_addr: string, i: number) => i < Number(trust)
    : trust === 'true'
      ? () => true
      : trust === 'false'
        ? () => false
        : proxyaddr.compile(
            trust
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
  return (req) => proxyaddr(req, compiled) || req.socket.remoteAddress || 'unknown'
}

const passThrough: RequestHandler = (_req, _res, next) => next()

function tooMany(res: ServerResponse, retryAfterSeconds: number, json: boolean) {
  if (res.headersSent) return res.end()
  res.statusCode = 429
  res.setHeader('Retry-After', String(retryAfterSeconds))
  res.setHeader('Cache-Control', 'no-store')
  if (json) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.end(JSON.stringify({ errors: [{ message: '请求过于频繁，请稍后再试 (too many requests, please wait and try again)' }] }))
  } else {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请求过于频繁</title><h1>请求过于频繁</h1><p>${escapeHtml('您的访问过于频繁，请稍后再试 (too many requests; please wait and try again)')}</p></html>`,
    )
  }
}

/** Login (and the other password endpoints): a flood guard in front of the per-account lockout. */
export function loginLimiter(policy: SecurityPolicy): RequestHandler {
  return limiter(policy.rateLimits.login, true)
}

/** Payload's REST and GraphQL API, per address. */
export function apiLimiter(policy: SecurityPolicy): RequestHandler {
  return limiter(policy.rateLimits.api, true)
}

function limiter(limit: Limit, json: boolean): RequestHandler {
  if (!limit.limit) return passThrough
  return rateLimit({
    windowMs: limit.windowSeconds * 1000,
    limit: limit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => tooMany(res, limit.windowSeconds, json),
  })
}

export type FrontDoorLimiter = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** Public pages (cache hits included), generous: a visitor reads pages, a scraper hammers them. */
export function pageLimiter(policy: SecurityPolicy, clientAddress = clientAddressResolver()): FrontDoorLimiter | undefined {
  const limit = policy.rateLimits.pages
  if (!limit.limit) return undefined
  const middleware = rateLimit({
    windowMs: limit.windowSeconds * 1000,
    limit: limit.limit,
    standardHeaders: false,
    legacyHeaders: false,
    // Runs on node's plain request (no req.ip): the key comes from proxy-addr above.
    validate: false,
    keyGenerator: (req) => ipKeyGenerator(clientAddress(req as unknown as IncomingMessage)),
    handler: (_req, res) => tooMany(res as unknown as ServerResponse, limit.windowSeconds, false),
  })
  return (req, res, next) => void middleware(req as Request, res as Response, next as NextFunction)
}

const BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 }
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(text.trim())
  if (!match) throw new Error(`not a size: "${text}"`)
  return Math.round(Number(match[1]) * BYTES[(match[2] ?? 'b').toLowerCase()])
}

/**
 * Refuses a request whose declared body is larger than `maxBytes` with 413 before anything
 * reads it. Bodies without Content-Length are limited by the parser that reads them.
 */
export function declaredBodyLimit(maxBytes: number, json: boolean, options: { requireLength?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    if (options.requireLength && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined) {
      // Next reads the whole body before Payload sees it; a body of unknown length could be any size.
      req.resume()
      res
        .status(411)
        .set('Connection', 'close')
        .json({ errors: [{ message: '请求须注明内容长度 (Content-Length required)' }] })
      return
    }
    const length = Number(req.headers['content-length'] ?? 0)
    if (!(length > maxBytes)) return next()
    req.resume() // discard the body so the client reads the answer instead of a reset connection
    res.status(413).set('Connection', 'close').set('Cache-Control', 'no-store')
    const text = `提交的内容过大（上限 ${Math.round(maxBytes / 1024)} KB），请删减后重试 (request body too large, limit ${maxBytes} bytes)`
    if (json) res.json({ errors: [{ message: text }] })
    else
      res
        .type('html')
        .send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>提交的内容过大</title><h1>提交未成功</h1><p>${escapeHtml(text)}</p></html>`)
  }
}
