/**
 * Sharing // 信息报送与统一推送 as a Payload plugin: the placements collection, and on articles the
 * submit and push endpoints and the hook that removes an article's placements when it is deleted.
 */
import type { Config, Plugin } from 'payload'
import { Placements } from '../../collections/placements'
import { capabilityPlugin } from '../lib/plugin'
import { withArticleSharing } from './endpoints'

export function sharingPlugin(): Plugin {
  const addPlacements = capabilityPlugin(() => ({ collections: [Placements] }))
  return async (config: Config): Promise<Config> => {
    const collections = config.collections ?? []
    if (!collections.some((c) => c.slug === 'articles')) throw new Error('sharingPlugin: the articles collection must be in the config before it')
    return addPlacements({ ...config, collections: collections.map((c) => (c.slug === 'articles' ? withArticleSharing(c) : c)) })
  }
}
