/**
 * The admin action: POST /api/mode-switches/switch-mode `{ organization, to, dryRun, hostSite?,
 * parentColumn?, slug?, site? }` — central admins only (403 for everyone else). A dry run answers
 * the preview; otherwise the switch runs and answers its result (or the refusals, 400).
 * GET /api/mode-switches/progress/:id answers a running switch's progress.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { isCentralAdmin } from '../access'
import { HostingError, refusal } from './messages'
import { planModeSwitch } from './plan'
import { switchMode, switchProgress } from './switch'
import type { SwitchOptions } from './types'

const forbidden = () =>
  Response.json({ error: refusal('centralAdminOnly').zh + ' / ' + refusal('centralAdminOnly').en, refusals: [refusal('centralAdminOnly')] }, { status: 403 })

async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    return ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    return {}
  }
}

export function switchOptionsFrom(input: Record<string, unknown>): SwitchOptions {
  const id = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? (v as number | string) : undefined)
  const site = input.site && typeof input.site === 'object' ? (input.site as Record<string, unknown>) : undefined
  return {
    organization: id(input.organization) ?? '',
    to: input.to as SwitchOptions['to'],
    ...(id(input.hostSite) !== undefined ? { hostSite: id(input.hostSite) } : {}),
    ...(input.parentColumn === null ? { parentColumn: null } : id(input.parentColumn) !== undefined ? { parentColumn: id(input.parentColumn) } : {}),
    ...(typeof input.slug === 'string' && input.slug ? { slug: input.slug } : {}),
    ...(site
      ? {
          site: {
            ...(typeof site.code === 'string' && site.code ? { code: site.code } : {}),
            ...(Array.isArray(site.domains)
              ? { domains: site.domains.map(String).filter(Boolean) }
              : typeof site.domains === 'string' && site.domains
                ? { domains: site.domains.split(/[\s,，]+/).filter(Boolean) }
                : {}),
            ...(typeof site.theme === 'string' && site.theme ? { theme: site.theme } : {}),
            ...(typeof site.name === 'string' && site.name ? { name: site.name } : {}),
            ...(typeof site.identificationCode === 'string' && site.identificationCode ? { identificationCode: site.identificationCode } : {}),
          },
        }
      : {}),
  }
}

export const modeSwitchEndpoints: Endpoint[] = [
  {
    path: '/switch-mode',
    method: 'post',
    handler: async (req) => {
      if (!isCentralAdmin(req.user)) return forbidden()
      const input = await body(req)
      const options = switchOptionsFrom(input)
      const plan = await planModeSwitch(req.payload, options)
      if (input.dryRun !== false) return Response.json({ dryRun: true, plan })
      if (!plan.ok) return Response.json({ dryRun: false, plan, refusals: plan.refusals }, { status: 400 })
      try {
        const result = await switchMode(req.payload, plan, { user: req.user, reindex: 'background' })
        return Response.json({ dryRun: false, plan, result })
      } catch (error) {
        if (error instanceof HostingError) return Response.json({ error: error.message, refusals: error.refusals }, { status: error.status })
        req.payload.logger.error({ err: error }, 'mode switch failed')
        return Response.json(
          { error: `切换失败，已全部回滚 / the switch failed and was rolled back: ${error instanceof Error ? error.message : String(error)}` },
          { status: 500 },
        )
      }
    },
  },
  {
    path: '/progress/:id',
    method: 'get',
    handler: async (req) => {
      if (!isCentralAdmin(req.user)) return forbidden()
      const id = String(req.routeParams?.id ?? '')
      const live = switchProgress(id)
      if (live) return Response.json({ state: 'running', ...live })
      const doc = await req.payload.findByID({ collection: 'mode-switches', id, depth: 0, overrideAccess: true }).catch(() => null)
      if (!doc) return Response.json({ error: '没有这次切换 / no such switch' }, { status: 404 })
      return Response.json({ state: doc.state, progress: doc.progress, summary: doc.summary, error: doc.error })
    },
  },
]
