/**
 * Public sites // 网站群前台 as Payload plugins. `sitesPlugin` adds the service guides and the visit
 * counts. `publicPageInvalidationPlugin` gives every collection whose changes show on public pages
 * (PUBLIC_PAGE_COLLECTIONS, wherever in the list it was added) the hooks that tell this process's
 * public sites at once; it runs after every capability's plugin, so redirects (hosting) and
 * placements (sharing) are there to be hooked.
 */
import type { Config, Plugin } from 'payload'
import { PageViews } from '../../collections/page-views'
import { ServiceGuides } from '../../collections/service-guides'
import { AFTER_CAPABILITIES, capabilityPlugin } from '../lib/plugin'
import { PUBLIC_PAGE_COLLECTIONS, publicPageHooks } from './invalidation'

export function sitesPlugin(): Plugin {
  return capabilityPlugin(() => ({ collections: [ServiceGuides, PageViews] }))
}

export function publicPageInvalidationPlugin(): Plugin {
  const plugin = (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      if (!PUBLIC_PAGE_COLLECTIONS.includes(collection.slug)) return collection
      const { afterChange, afterDelete } = publicPageHooks(collection.slug)
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), afterChange], afterDelete: [...(hooks.afterDelete ?? []), afterDelete] },
      }
    }),
  })
  // After the safeguards too, so these hooks run last, as they did when attached to the running Payload.
  return Object.assign(plugin, { order: AFTER_CAPABILITIES + 1 })
}
