/**
 * Headers of served uploads (Payload's `upload.modifyResponseHeaders`). Types a browser would run
 * as a document (SVG, XML, HTML) are downloads in a CSP sandbox; <img> ignores both, so an SVG
 * logo still shows, but opening its URL runs nothing on our origin.
 */
import type { SecurityPolicy } from './policy'

const ACTIVE = /^(image\/svg\+xml|application\/xml|text\/xml|text\/html|application\/xhtml\+xml)/i

export function mediaResponseHeaders(policy: SecurityPolicy) {
  return ({ headers }: { headers: Headers }): Headers => {
    headers.set('X-Content-Type-Options', 'nosniff')
    const type = headers.get('Content-Type') ?? ''
    if (ACTIVE.test(type)) {
      headers.set('Content-Disposition', 'attachment')
      headers.set('Content-Security-Policy', policy.headers.activeUpload)
    }
    return headers
  }
}
