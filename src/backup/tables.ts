import type { SanitizedConfig } from 'payload'

/** A collection and the tables that hold it in the SQL adapters (and the names counted in a manifest). */
export interface CollectionTables {
  slug: string
  table: string
  versionsTable?: string
}

/** Payload's SQL naming: snake_case of the slug (or the collection's dbName), versions in `_<table>_v`. */
export function collectionTables(config: Pick<SanitizedConfig, 'collections'>): CollectionTables[] {
  const snake = (s: string) =>
    s
      .replace(/[-\s]+/g, '_')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
  return config.collections.map((c) => {
    const table = typeof c.dbName === 'string' ? c.dbName : snake(c.slug)
    return { slug: c.slug, table, versionsTable: c.versions ? `_${table}_v` : undefined }
  })
}
