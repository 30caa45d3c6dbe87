import type { PayloadRequest } from 'payload'

/** Payload's `t` is typed with its own keys only; the project's keys (src/i18n, `sitegroup:` namespace) are added at run time. */
type ProjectTranslate = (key: `sitegroup:${string}`, vars?: Record<string, unknown>) => string

/** A message of the accounts capability in the admin's language. */
export function accountMessage(req: Pick<PayloadRequest, 't'>, key: string, vars?: Record<string, unknown>): string {
  return (req.t as unknown as ProjectTranslate)(`sitegroup:${key}`, vars)
}
