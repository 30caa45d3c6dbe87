/**
 * The one shape of a capability's Payload plugin: it adds its collections, globals, job tasks, admin
 * views and navigation links after whatever the config already holds, so the order of the plugin
 * list is the order of the admin navigation and of the generated schema.
 */
import type { CollectionConfig, Config, GlobalConfig, Plugin, TaskConfig } from 'payload'

type AdminComponents = NonNullable<NonNullable<Config['admin']>['components']>
export type AdminViews = NonNullable<AdminComponents['views']>
export type NavLink = NonNullable<AdminComponents['afterNavLinks']>[number]

export interface CapabilityParts {
  collections?: CollectionConfig[]
  globals?: GlobalConfig[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task has its own input and output types
  tasks?: TaskConfig<any>[]
  views?: AdminViews
  afterNavLinks?: NavLink[]
}

/**
 * `parts` is called when the plugin runs, not when the module loads: a collection's module imports
 * its capability's index, which exports this plugin, so reading the collections any earlier would
 * meet them half-initialised.
 */
export function capabilityPlugin(parts: () => CapabilityParts): Plugin {
  return (config: Config): Config => {
    const { collections = [], globals = [], tasks = [], views = {}, afterNavLinks = [] } = parts()
    const admin = config.admin ?? {}
    const components = admin.components ?? {}
    return {
      ...config,
      collections: [...(config.collections ?? []), ...collections],
      globals: [...(config.globals ?? []), ...globals],
      jobs: tasks.length ? { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), ...tasks] } : config.jobs,
      admin: {
        ...admin,
        components: {
          ...components,
          views: { ...components.views, ...views },
          afterNavLinks: [...(components.afterNavLinks ?? []), ...afterNavLinks],
        },
      },
    }
  }
}

/**
 * The `order` of plugins that must see every capability's collections (Payload runs plugins by
 * ascending `order`, 0 when unset, and in list order among equals).
 */
export const AFTER_CAPABILITIES = 100
