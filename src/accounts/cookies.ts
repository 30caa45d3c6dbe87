/**
 * Payload's auth cookie: always httpOnly (Payload sets it); Secure in production unless the
 * public URL is plain http (COOKIE_SECURE=true|false decides explicitly); SameSite from policy.json.
 */
import { staticPolicy } from './policy'

export function sessionCookies(env: NodeJS.ProcessEnv = process.env): { secure: boolean; sameSite: 'Lax' | 'Strict' } {
  const explicit = env.COOKIE_SECURE
  const secure =
    explicit === 'true' || explicit === '1'
      ? true
      : explicit === 'false' || explicit === '0'
        ? false
        : env.NODE_ENV === 'production' && !(env.PUBLIC_URL ?? '').startsWith('http://')
  return { secure, sameSite: staticPolicy.session.cookieSameSite === 'Strict' ? 'Strict' : 'Lax' }
}
