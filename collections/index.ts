import type { CollectionConfig, Config, Plugin } from 'payload'
import { Articles } from './articles'
import { AuditLog } from './audit-log'
import { withAudit } from './audit-log/hooks'
import { Columns } from './columns'
import { LoginAttempts } from './login-attempts'
import { Media } from './media'
import { withMediaReferences } from './media/visibility'
import { Organizations } from './organizations'
import { Sites } from './sites'
import { Users } from './users'
import { withAccountRestrictions, withGlobalRestrictions } from '../src/accounts'
import { withRequestGuards } from '../src/access'
import { AFTER_CAPABILITIES } from '../src/lib/plugin'

/**
 * The collections every capability builds on: the unit tree, its sites and columns, the articles
 * and files they publish, the admin users with their lockout store (login attempts, 账号安全) and
 * the audit trail. Each capability's own collections come with its plugin (payload.config.ts).
 */
export const coreCollections: CollectionConfig[] = [Organizations, Sites, Columns, Articles, Media, Users, AuditLog, LoginAttempts]

/**
 * The safeguards of every collection and global, whichever plugin added it, so runs after every
 * capability's plugin. Audit hooks on all; the media-reference hooks on every collection that can
 * name a file (collections/media/visibility.ts); accounts restricted to changing their password
 * (src/accounts) refused everywhere else; and every collection refuses ids that cannot be one and
 * writes to fields the user may not set.
 */
export function safeguardsPlugin(): Plugin {
  const plugin = (config: Config): Config => ({
    ...config,
    collections: withRequestGuards(withAccountRestrictions(withAudit(withMediaReferences(config.collections ?? [])))),
    globals: withGlobalRestrictions(config.globals ?? []),
  })
  return Object.assign(plugin, { order: AFTER_CAPABILITIES })
}
