import type { CollectionConfig } from 'payload'
import { Articles } from './articles'
import { AuditLog } from './audit-log'
import { withAudit } from './audit-log/hooks'
import { Columns } from './columns'
import { Media } from './media'
import { Organizations } from './organizations'
import { Sites } from './sites'
import { Users } from './users'

/** Every collection of the site group; each capability adds its own here. Audit hooks are added to all. */
export const collections: CollectionConfig[] = withAudit([
  Organizations,
  Sites,
  Columns,
  Articles,
  Media,
  Users,
  AuditLog,
])
