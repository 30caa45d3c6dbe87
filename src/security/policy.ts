/**
 * The security settings as data (policy.json), with the few that differ per deployment taken
 * from the environment: HSTS mode, the rate limits and the upload size limits.
 */
import defaults from './policy.json' with { type: 'json' }

export type SecurityPolicy = typeof defaults
export type CspDirectives = Record<string, string[]>
export type HstsMode = 'auto' | 'always' | 'off'
export type UploadKind = keyof SecurityPolicy['uploads']['kinds']
export interface UploadType {
  mime: string
  extensions: string[]
  kind: UploadKind
  /** MIME types browsers send for this content besides `mime` (old Office files are all "x-cfb"). */
  declared?: string[]
}

const positive = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`)
  return value
}

/**
 * policy.json plus environment overrides (documented in docs/security.md). A limit of 0
 * turns that rate limit off (benchmarks and soak tests drive traffic from one address).
 */
export function securityPolicy(env: Record<string, string | undefined> = process.env): SecurityPolicy {
  const policy: SecurityPolicy = structuredClone(defaults)
  const hsts = env.SECURITY_HSTS
  if (hsts !== undefined && hsts !== '') {
    if (!['auto', 'always', 'off'].includes(hsts)) throw new Error(`SECURITY_HSTS must be auto, always or off, got "${hsts}"`)
    policy.headers.hsts.mode = hsts
  }
  policy.rateLimits.login.limit = positive('RATE_LIMIT_LOGIN_PER_MINUTE', env.RATE_LIMIT_LOGIN_PER_MINUTE, policy.rateLimits.login.limit)
  policy.rateLimits.pages.limit = positive('RATE_LIMIT_PAGES_PER_MINUTE', env.RATE_LIMIT_PAGES_PER_MINUTE, policy.rateLimits.pages.limit)
  policy.rateLimits.api.limit = positive('RATE_LIMIT_API_PER_MINUTE', env.RATE_LIMIT_API_PER_MINUTE, policy.rateLimits.api.limit)
  const mb = (name: string, fallback: number) => Math.round(positive(name, env[name], fallback / 1048576) * 1048576)
  policy.uploads.kinds.image.maxBytes = mb('UPLOAD_IMAGE_MAX_MB', policy.uploads.kinds.image.maxBytes)
  policy.uploads.kinds.vector.maxBytes = mb('UPLOAD_SVG_MAX_MB', policy.uploads.kinds.vector.maxBytes)
  policy.uploads.kinds.document.maxBytes = mb('UPLOAD_DOCUMENT_MAX_MB', policy.uploads.kinds.document.maxBytes)
  return policy
}

export const uploadTypes = (policy: SecurityPolicy = defaults): UploadType[] => policy.uploads.types as UploadType[]

/** Every MIME type the media collection accepts (detected and declared forms). */
export const acceptedMimeTypes = (policy: SecurityPolicy = defaults): string[] => [
  ...new Set(uploadTypes(policy).flatMap((t) => [t.mime, ...(t.declared ?? [])])),
]

/** The largest upload of any kind, for the request-level limit in front of the per-type checks. */
export const largestUpload = (policy: SecurityPolicy = defaults): number => Math.max(...Object.values(policy.uploads.kinds).map((k) => k.maxBytes))
