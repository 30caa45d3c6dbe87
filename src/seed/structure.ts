import { createLocalReq, initTransaction, commitTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import type { PlannedColumn, PresetPlan } from './preset'

// Generated Payload types use the SQL adapters' numeric ids; on MongoDB the same values are strings at run time.
type Id = number
export type Progress = (step: string, done: number, total: number) => void

/**
 * Creates a preset's organizations, sites, column trees, group settings and demo accounts through
 * the Local API (hooks and validation run), all in one transaction: a failure leaves nothing behind.
 */
export async function seedStructure(payload: Payload, plan: PresetPlan, onProgress: Progress = () => {}) {
  const req = await createLocalReq({ context: { skipAudit: true } }, payload)
  await initTransaction(req)
  try {
    const orgIds = new Map<string, Id>()
    for (const [i, org] of plan.organizations.entries()) {
      const doc = await payload.create({
        collection: 'organizations',
        req,
        data: {
          name: org.name,
          shortName: org.shortName,
          code: org.code,
          kind: org.kind,
          parent: org.parent ? orgIds.get(org.parent) : null,
          hostingMode: org.hostingMode,
          order: org.order,
        },
      })
      orgIds.set(org.key, doc.id)
      onProgress('organizations', i + 1, plan.organizations.length)
    }
    const totalColumns = plan.sites.reduce((n, s) => n + countColumns(s.columns), 0)
    let columnsDone = 0
    const siteIds = new Map<string, Id>()
    for (const site of plan.sites) {
      const doc = await payload.create({
        collection: 'sites',
        req,
        data: {
          name: site.name,
          code: site.code,
          domains: site.domains.map((domain) => ({ domain })),
          identificationCode: site.identificationCode,
          organization: orgIds.get(site.organization)!,
          theme: site.theme,
          status: 'active',
          settings: { footer: site.footer },
        },
      })
      siteIds.set(site.key, doc.id)
      const navigation: Id[] = []
      const create = async (columns: PlannedColumn[], parent: Id | null) => {
        for (const [order, column] of columns.entries()) {
          const created = await payload.create({
            collection: 'columns',
            req,
            data: {
              name: column.name,
              slug: column.slug,
              category: column.category,
              site: doc.id,
              parent,
              ownerOrganization: orgIds.get(column.owner)!,
              order,
              visibility: 'public',
            },
          })
          if (parent === null) navigation.push(created.id)
          onProgress('columns', ++columnsDone, totalColumns)
          await create(column.children, created.id)
        }
      }
      await create(site.columns, null)
      await payload.update({ collection: 'sites', id: doc.id, req, data: { settings: { footer: site.footer, navigation } } })
    }
    for (const org of plan.organizations.filter((o) => o.hostingMode === 'portal-columns')) {
      await payload.update({ collection: 'organizations', id: orgIds.get(org.key)!, req, data: { hostSite: siteIds.get(org.hostSite ?? plan.sites[0].key)! } })
    }
    await payload.updateGlobal({
      slug: 'group-settings',
      req,
      data: {
        name: plan.group.name,
        preset: plan.preset,
        baseDomain: plan.group.baseDomain,
        defaultHostingMode: plan.group.defaultHostingMode,
        portalSite: siteIds.get(plan.sites[0].key)!,
      },
    })
    if (req.payload.collections['service-guides']) {
      for (const [i, { organization, guide }] of plan.serviceGuides.entries()) {
        await payload.create({ collection: 'service-guides', req, data: { ...guide, organization: orgIds.get(organization)!, _status: 'published' } })
        onProgress('service guides', i + 1, plan.serviceGuides.length)
      }
    }
    for (const [i, account] of plan.demoAccounts.entries()) {
      // The preset's published demo password bypasses the password policy; the account must change it (src/accounts).
      await payload.create({
        collection: 'users',
        req,
        context: { demoAccount: true },
        data: {
          email: account.email,
          name: account.name,
          password: plan.demoPassword,
          organization: orgIds.get(account.unit)!,
          roles: account.roles,
          mustChangePassword: true,
        },
      })
      onProgress('accounts', i + 1, plan.demoAccounts.length)
    }
    await commitTransaction(req)
    return { organizations: orgIds.size, sites: siteIds.size, columns: totalColumns, accounts: plan.demoAccounts.length }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

function countColumns(columns: PlannedColumn[]): number {
  return columns.reduce((n, c) => n + 1 + countColumns(c.children), 0)
}

export type { PayloadRequest }
