import type { Id } from './site-index'

/**
 * Dependency tags of cached pages. A page carries the tags of everything it shows; a change
 * invalidates exactly the pages carrying the changed thing's tags.
 */
export const tags = {
  site: (id: Id) => `site:${id}`, // every page of a site (settings, navigation, footer)
  home: (id: Id) => `home:${id}`,
  column: (id: Id) => `col:${id}`, // lists of a column (and of its ancestors, which include it)
  article: (id: Id) => `art:${id}`, // an article's page and every list currently showing it
  catalogue: (id: Id) => `gkml:${id}`,
  media: (id: Id) => `media:${id}`, // an image or file a cached list read shows (the headline cover)
  guide: (id: Id) => `guide:${id}`,
  guides: 'guides', // every service-guide catalogue (the portal lists all units' guides)
  group: 'group', // pages listing the group's sites (directory, portal home)
} as const
