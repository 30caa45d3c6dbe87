import type { PayloadRequest } from 'payload'

/**
 * A message in the request's admin language without throwing (refuse() in src/access throws): a
 * push reports one line per site it skipped while still placing the item on the others.
 */
export function translate(req: PayloadRequest, key: string, vars: Record<string, unknown> = {}): string {
  const t = req.t as ((k: string, v?: Record<string, unknown>) => string) | undefined
  const text = t ? t(`sitegroup:${key}`, vars) : undefined
  return text && text !== `sitegroup:${key}` ? text : `${key} ${JSON.stringify(vars)}`
}
