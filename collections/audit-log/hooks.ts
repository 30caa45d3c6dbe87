import type { AuditLog } from '../../payload-types'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeOperationHook, CollectionConfig, PayloadRequest } from 'payload'
import { refuse, relationId } from '../../src/access'
import { requestOrigin } from '../../src/accounts'

const SKIP = new Set(['audit-log', 'login-attempts', 'payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-kv'])
const IGNORED_FIELDS = new Set([
  'updatedAt',
  'createdAt',
  'workflow',
  'hash',
  'salt',
  'password',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'sessionActivity',
  'passwordHistory',
  'totpSecret',
  'totpPendingSecret',
  'totpRecoveryCodes',
  'totpLastStep',
])

/** What changed: the fields whose value differs, each with a short before/after. */
export function summarizeChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  const changes: Record<string, { before: string; after: string }> = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue
    const a = short(before?.[key])
    const b = short(after?.[key])
    if (a !== b) changes[key] = { before: a, after: b }
  }
  return changes
}

function short(value: unknown): string {
  if (value === undefined || value === null) return ''
  const id = typeof value === 'object' && !Array.isArray(value) ? relationId(value) : null
  const text = id !== null ? String(id) : typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 200 ? `${text.slice(0, 197)}…` : text
}

/** The log is append-only: no update or delete, through any API or the Local API, with or without access override. */
export const refuseChange: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' || operation === 'delete' || (operation as string) === 'updateByID' || (operation as string) === 'deleteByID')
    refuse(req, 'audit.immutable', {}, 403)
  return args
}

async function record(req: PayloadRequest, entry: Pick<AuditLog, 'action' | 'targetCollection' | 'targetId' | 'summary' | 'changes'>) {
  if (req.context?.skipAudit) return
  await req.payload.create({
    collection: 'audit-log',
    data: { at: new Date().toISOString(), user: req.user?.id ?? null, ...requestOrigin(req), ...entry },
    req,
    overrideAccess: true,
    context: { skipAudit: true },
  })
}

/** Fields a collection marks in `custom.auditRedact` (personal data) are logged as changed, never by value. */
function redact(changes: Record<string, { before: string; after: string }>, fields: string[]) {
  for (const field of fields) if (changes[field]) changes[field] = { before: '[redacted]', after: '[redacted]' }
  return changes
}

function afterChange(slug: string, redacted: string[]): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req }) => {
    const changes = redact(summarizeChanges(operation === 'create' ? undefined : previousDoc, doc), redacted)
    const action = operation === 'create' ? 'create' : doc?._status && previousDoc?._status !== doc._status ? `update:${doc._status}` : 'update'
    await record(req, {
      action,
      targetCollection: slug,
      targetId: String(doc.id),
      summary: `${action} ${slug} #${doc.id}: ${Object.keys(changes).join(', ')}`.slice(0, 500),
      changes,
    })
    return doc
  }
}

function afterDelete(slug: string, redacted: string[]): CollectionAfterDeleteHook {
  return async ({ doc, id, req }) => {
    await record(req, {
      action: 'delete',
      targetCollection: slug,
      targetId: String(id),
      summary: `delete ${slug} #${id}`,
      changes: redact(summarizeChanges(doc, undefined), redacted),
    })
    return doc
  }
}

/** Adds the audit hooks to every collection except the log itself and Payload's internals. */
export function withAudit(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    if (SKIP.has(c.slug)) return c
    const redacted = ((c.custom?.auditRedact as string[] | undefined) ?? []).slice()
    return {
      ...c,
      hooks: {
        ...c.hooks,
        afterChange: [...(c.hooks?.afterChange ?? []), afterChange(c.slug, redacted)],
        afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete(c.slug, redacted)],
      },
    }
  })
}

export { record as recordAudit }
