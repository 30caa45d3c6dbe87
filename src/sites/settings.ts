import config from './config.json' with { type: 'json' }
import vocabulary from './vocabulary.json' with { type: 'json' }

export type SitesConfig = typeof config
export type Vocabulary = typeof vocabulary

/** Built-in settings from config.json, overridable per call (tests shrink TTLs, benches turn caching off). */
export function sitesConfig(overrides: DeepPartial<SitesConfig> = {}): SitesConfig {
  return mergeDeep(structuredClone(config), overrides) as SitesConfig
}

export { vocabulary }

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] }

function mergeDeep(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object') {
      mergeDeep(target[key] as Record<string, unknown>, value as Record<string, unknown>)
    } else if (value !== undefined) target[key] = value
  }
  return target
}
