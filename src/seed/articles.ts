import type { Payload } from 'payload'
import { finishBulkLoad, insertArticles, type BulkArticle } from '../db/bulk'
import { seededRandom } from './random'
import { generateText, type ArticleKind } from './text'

type Id = number | string
type Leaf = { id: Id; site: Id; owner: Id; category: string }
type Org = { id: Id; name: string; shortName: string; code: string }

const KIND: Record<string, ArticleKind> = { news: 'news', notices: 'notice', policy: 'policy', services: 'service', interaction: 'interaction' }
const WEIGHT: Record<string, number> = { news: 6, notices: 2, policy: 2, disclosure: 1, plans: 0.6, personnel: 0.6, profile: 0.3, other: 0.5 }
/** How recent the newest article of a column is, by category: inside the national freshness limits. */
const FRESH_DAYS: Record<string, number> = { news: 5, notices: 60, policy: 90, plans: 150, personnel: 150, profile: 200, disclosure: 60, other: 150 }
const DAY = 86_400_000

export type SeedArticlesOptions = {
  count: number
  seed?: number
  years?: number
  batchSize?: number
  now?: Date
  onProgress?: (done: number, total: number) => void
}

/**
 * Streams `count` generated articles into the database in batches (memory stays flat at any size).
 * Every content column first gets one recent article, so a fresh install passes the freshness and
 * blank-column checks; the rest spread over `years` years, weighted towards news.
 */
export async function seedArticles(payload: Payload, options: SeedArticlesOptions): Promise<number> {
  const { count, seed = 1, years = 6, batchSize = 1000, now = new Date(), onProgress = () => {} } = options
  if (!Number.isInteger(count) || count < 0) throw new Error(`--articles must be a whole number ≥ 0 (got ${count})`)
  const rnd = seededRandom(seed)
  const leaves = await contentLeaves(payload)
  if (!leaves.length) throw new Error('No content columns: seed a preset first')
  const orgs = await organizationsById(payload)
  const places = [...orgs.values()].map((o) => o.shortName).filter((n) => /[镇县区市街道]$/.test(n))
  const cumulative: number[] = []
  let total = 0
  for (const leaf of leaves) cumulative.push((total += WEIGHT[leaf.category] ?? 0.5))
  const serials = new Map<string, number>()

  let batch: BulkArticle[] = []
  for (let i = 0; i < count; i++) {
    const leaf = i < leaves.length ? leaves[i] : leaves[lowerBound(cumulative, rnd.next() * total)]
    const org = orgs.get(String(leaf.owner))!
    const ageDays = i < leaves.length ? rnd.next() * (FRESH_DAYS[leaf.category] ?? 120) : rnd.next() * years * 365
    const date = new Date(now.getTime() - ageDays * DAY - rnd.int(60, 3600) * 1000)
    const text = generateText(KIND[leaf.category] ?? 'profile', rnd, {
      org: org.name,
      short: org.shortName,
      places: places.length ? places : [org.shortName],
      year: date.getFullYear(),
      date,
    })
    batch.push({
      title: text.title,
      column: leaf.id,
      site: leaf.site,
      organization: leaf.owner,
      state: 'published',
      publishedAt: date.toISOString(),
      source: org.name,
      author: null,
      summary: text.summary,
      body: text.body,
      disclosure: {
        indexNumber: await nextSerial(payload, serials, org.code, date.getUTCFullYear()),
        publisher: org.name,
        documentNumber: text.documentNumber,
        topic: text.topic,
        writtenAt: new Date(date.getTime() - rnd.int(0, 10) * DAY).toISOString(),
        validity: 'valid',
      },
    })
    if (batch.length >= batchSize) {
      await insertArticles(payload, batch)
      batch = []
      onProgress(i + 1, count)
    }
  }
  await insertArticles(payload, batch)
  await finishBulkLoad(payload)
  onProgress(count, count)
  return count
}

/** Columns without children that hold articles (interaction and service columns hold letters and guides). */
async function contentLeaves(payload: Payload): Promise<Leaf[]> {
  const { docs } = await payload.find({
    collection: 'columns',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'id',
    select: { site: true, parent: true, ownerOrganization: true, category: true },
  })
  const parents = new Set(docs.map((c) => String(c.parent ?? '')))
  return docs
    .filter((c) => !parents.has(String(c.id)) && c.category !== 'interaction' && c.category !== 'services')
    .map((c) => ({ id: c.id, site: c.site as Id, owner: c.ownerOrganization as Id, category: String(c.category) }))
}

async function organizationsById(payload: Payload): Promise<Map<string, Org>> {
  const { docs } = await payload.find({ collection: 'organizations', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return new Map(docs.map((o) => [String(o.id), { id: o.id, name: o.name, shortName: o.shortName ?? o.name, code: o.code }]))
}

/** 索引号 serials continue from what the database already holds for that organization and year. */
async function nextSerial(payload: Payload, serials: Map<string, number>, code: string, year: number): Promise<string> {
  const prefix = `${code}/${year}-`
  let last = serials.get(prefix)
  if (last === undefined) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: {
        and: [{ 'disclosure.indexNumber': { greater_than_equal: `${prefix}00000` } }, { 'disclosure.indexNumber': { less_than_equal: `${prefix}99999` } }],
      },
      sort: '-disclosure.indexNumber',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { disclosure: true },
    })
    last = Number(String((docs[0]?.disclosure as { indexNumber?: string } | undefined)?.indexNumber ?? '').slice(prefix.length)) || 0
  }
  serials.set(prefix, last + 1)
  return `${prefix}${String(last + 1).padStart(5, '0')}`
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
