/**
 * "From where" a request came. Payload runs behind our Express server, which alone knows the
 * socket address and the `trust proxy` setting (TRUST_PROXY); it writes the resolved client
 * address into CLIENT_ADDRESS_HEADER after deleting whatever the client sent under that name.
 * X-Forwarded-For is never read here: anyone can send it, and Next fills it only when absent.
 */
import type { IncomingMessage } from 'node:http'

export const CLIENT_ADDRESS_HEADER = 'x-sitegroup-client-address'

type HeaderSource = { headers?: Headers | { get?: (name: string) => string | null } | null } | null | undefined

function header(req: HeaderSource, name: string): string | null {
  const h = req?.headers as { get?: (n: string) => string | null } | undefined
  const value = typeof h?.get === 'function' ? h.get(name) : null
  return value && value.trim() ? value.trim().slice(0, 200) : null
}

export type RequestOrigin = { ip: string | null; userAgent: string | null }

export function requestOrigin(req: HeaderSource): RequestOrigin {
  return { ip: header(req, CLIENT_ADDRESS_HEADER), userAgent: header(req, 'user-agent') }
}

export const clientAddress = (req: HeaderSource): string | null => requestOrigin(req).ip

/**
 * Express middleware for src/server.ts, mounted before Next's handler: `req.ip` already honours
 * Express's `trust proxy`, so a spoofed X-Forwarded-For from an untrusted peer is ignored.
 */
export function forwardClientAddress(req: IncomingMessage & { ip?: string }, _res: unknown, next: () => void): void {
  delete req.headers[CLIENT_ADDRESS_HEADER]
  const ip = req.ip ?? req.socket?.remoteAddress
  if (ip) req.headers[CLIENT_ADDRESS_HEADER] = ip.replace(/^::ffff:/, '')
  next()
}
