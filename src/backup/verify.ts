import type { CollectionSlug, Payload } from 'payload'
import type { CollectionCount, Manifest } from './manifest'

export interface CountRow {
  collection: string
  expected: CollectionCount
  actual: CollectionCount
  ok: boolean
}

/** Documents and versions per collection as Payload sees them (the proof a restore worked). */
export async function countThroughPayload(payload: Payload, slugs: string[]): Promise<Record<string, CollectionCount>> {
  const counts: Record<string, CollectionCount> = {}
  for (const slug of slugs) {
    const collection = payload.collections[slug as CollectionSlug]
    if (!collection) continue
    counts[slug] = { docs: (await payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs }
    if (collection.config.versions)
      counts[slug].versions = (await payload.countVersions({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs
  }
  return counts
}

export async function compareWithManifest(payload: Payload, manifest: Manifest): Promise<CountRow[]> {
  const actual = await countThroughPayload(payload, Object.keys(manifest.counts))
  return Object.entries(manifest.counts).map(([collection, expected]) => {
    const got = actual[collection] ?? { docs: -1 }
    const ok = got.docs === expected.docs && (expected.versions === undefined || got.versions === expected.versions)
    return { collection, expected, actual: got, ok }
  })
}

export function formatCountTable(rows: CountRow[]): string {
  const width = Math.max(10, ...rows.map((r) => r.collection.length))
  const cell = (c: CollectionCount) => `${c.docs}${c.versions === undefined ? '' : ` (+${c.versions} versions)`}`
  return [
    `${'collection'.padEnd(width)}  ${'in backup'.padStart(24)}  ${'restored'.padStart(24)}`,
    ...rows.map((r) => `${r.collection.padEnd(width)}  ${cell(r.expected).padStart(24)}  ${cell(r.actual).padStart(24)}${r.ok ? '' : '  ✗ MISMATCH'}`),
  ].join('\n')
}
