import { APIError, type PayloadRequest } from 'payload'

/**
 * A refusal with a message in the admin's language. Keys live in src/i18n; status 400 for bad
 * input, 403 for what the user may not do. Payload rolls back the transaction on throw, so
 * nothing already stored changes.
 */
export function refuse(req: PayloadRequest | undefined, key: string, vars: Record<string, unknown> = {}, status = 400): never {
  const t = req?.t as ((k: string, v?: Record<string, unknown>) => string) | undefined
  const translated = t ? t(`sitegroup:${key}`, vars) : undefined
  const message = translated && translated !== `sitegroup:${key}` && translated !== key ? translated : fallback(key, vars)
  throw new APIError(message, status, { key, ...vars }, true)
}

function fallback(key: string, vars: Record<string, unknown>): string {
  return `${key}${Object.keys(vars).length ? ` ${JSON.stringify(vars)}` : ''}`
}
