/**
 * Editors' preview links: `/_preview/<token>` where the token is an HMAC (keyed by the Payload
 * secret, shared by all instances) over the article id and an expiry. Anyone holding the link
 * sees the draft until it expires; the page is never cached and is marked noindex.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export class PreviewTokenError extends Error {}

export function createPreviewToken(secret: string, articleId: number | string, ttlSeconds: number, now = Date.now()): string {
  if (!secret) throw new PreviewTokenError('preview tokens need a secret')
  if (!(ttlSeconds > 0)) throw new PreviewTokenError(`ttlSeconds must be positive, got ${ttlSeconds}`)
  const payload = Buffer.from(`${articleId}.${Math.floor(now / 1000) + ttlSeconds}`).toString('base64url')
  return `${payload}.${sign(secret, payload)}`
}

/** The article id of a valid, unexpired token; throws PreviewTokenError saying why otherwise. */
export function verifyPreviewToken(secret: string, token: string, now = Date.now()): string {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) throw new PreviewTokenError('malformed preview token')
  const expected = Buffer.from(sign(secret, payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new PreviewTokenError('preview token signature is invalid')
  const [id, expires] = Buffer.from(payload, 'base64url').toString().split('.')
  if (!id || !/^\d+$/.test(expires ?? '')) throw new PreviewTokenError('malformed preview token')
  if (Number(expires) * 1000 < now) throw new PreviewTokenError('preview link has expired')
  return id
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`sitegroup-preview:${payload}`).digest('base64url')
}
