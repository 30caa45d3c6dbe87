/**
 * The reads of public pages through the data cache (data-cache.ts): lists, single articles,
 * media and an article body's sanitized HTML. Each entry carries the
 * tags a cached page showing it would carry: `col:<id>` of every column whose articles it may
 * contain (a publish, edit, move or withdrawal in the column, or a placement into it, drops it)
 * and `art:<id>` of every article it holds. Keys name the full column id list, so a column tree
 * change (which reloads the site index) simply stops using the old keys.
 */
import type { Payload, Where } from 'payload'
import { acceptedReferenceIds } from '../sharing'
import type { DataCache, Loaded } from './data-cache'
import { publicReadPath } from './fast-reads'
import type { MediaDoc } from './images'
import { latestArticles, mediaByIds, pagedArticles, publicArticle, type ArticleDoc } from './queries'
import type { Id, SiteIndex } from './site-index'
import { tags } from './tags'

export interface ListReads {
  payload: Payload
  data?: DataCache
}

const key = (deps: ListReads, kind: string, ...parts: unknown[]) => `${publicReadPath(deps.payload)}|${kind}|${parts.join('|')}`
const columnTags = (columnIds: Id[]) => columnIds.map(tags.column)
const articleTags = (docs: ArticleDoc[]) => docs.map((d) => tags.article(d.id))

async function cached<T>(deps: ListReads, cacheKey: string, load: () => Promise<Loaded<T>>): Promise<T> {
  return deps.data ? deps.data.through(cacheKey, load) : (await load()).value
}

/**
 * The article filter of a column list: its own articles plus accepted references (信息报送/统一推送),
 * the same filter as src/sharing's `columnListWhere`, with the placements lookup cached under the
 * columns' tags (a placement change invalidates its target column and that column's ancestors).
 */
export async function columnListWhere(deps: ListReads, columnIds: Id[]): Promise<Where> {
  const own: Where = { column: { in: columnIds } }
  const references = await cached(deps, key(deps, 'refs', columnIds), async () => ({
    value: await acceptedReferenceIds(deps.payload, columnIds),
    tags: columnTags(columnIds),
  }))
  return references.length ? { or: [own, { id: { in: references } }] } : own
}

/** The newest `limit` public articles of these columns, references included. */
export function latestOfColumns(deps: ListReads, columnIds: Id[], limit: number): Promise<ArticleDoc[]> {
  return cached(deps, key(deps, 'latest', columnIds, limit), async () => {
    const docs = await latestArticles(deps.payload, await columnListWhere(deps, columnIds), limit)
    return { value: docs, tags: [...columnTags(columnIds), ...articleTags(docs)] }
  })
}

/** One page of a column list with exact totals. */
export function pageOfColumns(deps: ListReads, columnIds: Id[], page: number, pageSize: number): Promise<{ docs: ArticleDoc[]; total: number; pages: number }> {
  return cached(deps, key(deps, 'page', columnIds, page, pageSize), async () => {
    const result = await pagedArticles(deps.payload, await columnListWhere(deps, columnIds), page, pageSize)
    return { value: result, tags: [...columnTags(columnIds), ...articleTags(result.docs)] }
  })
}

/** The newest article with a cover in these columns (own articles only): a home page's headline. */
export function latestWithCover(deps: ListReads, columnIds: Id[]): Promise<ArticleDoc[]> {
  return cached(deps, key(deps, 'headline', columnIds), async () => {
    const docs = await latestArticles(deps.payload, { and: [{ column: { in: columnIds } }, { cover: { exists: true } }] }, 1)
    return { value: docs, tags: [...columnTags(columnIds), ...articleTags(docs)] }
  })
}

/** Media by id with public URLs; entries carry `media:<id>`, which a media change invalidates. */
export async function cachedMedia(deps: ListReads, ids: Id[]): Promise<Map<string, MediaDoc>> {
  if (!ids.length) return new Map()
  return cached(deps, key(deps, 'media', ids), async () => ({ value: await mediaByIds(deps.payload, ids), tags: ids.map(tags.media) }))
}

/**
 * One public article by id, stored under `art:<id>` (a publish, edit or withdrawal drops it). A
 * miss — draft, withdrawn, not yet due, deleted — is not stored: it would have no tag to be
 * dropped by when the article is published.
 */
export async function articleById(deps: ListReads, id: string): Promise<ArticleDoc | undefined> {
  if (!deps.data?.enabled) return publicArticle(deps.payload, id)
  return deps.data.through(key(deps, 'article', id), async () => {
    const doc = await publicArticle(deps.payload, id)
    // The body (Lexical JSON) is most of an article's weight; the stringify runs once per miss.
    return {
      value: doc,
      tags: doc ? [tags.article(doc.id)] : [],
      store: doc !== undefined,
      bytes: doc ? 2 * (JSON.stringify(doc.body ?? null).length + 2048) : 0,
    }
  })
}

/** A number per site index object: cached HTML that holds links made from the index names it in its key. */
const indexGenerations = new WeakMap<SiteIndex, number>()
let nextGeneration = 0
export function indexGeneration(index: SiteIndex): number {
  let generation = indexGenerations.get(index)
  if (generation === undefined) indexGenerations.set(index, (generation = ++nextGeneration))
  return generation
}

/**
 * An article body's sanitized HTML, made once per article version, address prefix and site index
 * instead of per request: sanitize-html over the whole body is the largest CPU cost of an article
 * page after the reads. The key holds `updatedAt` (an edit is a new key), the prefix and the
 * index generation (internal links are built from column paths); the tags drop it when the
 * article or one of the images it shows changes.
 */
export function cachedBodyHtml(
  deps: ListReads,
  parts: { id: Id; updatedAt?: string | null; prefix: string; index: SiteIndex; mediaIds: Id[] },
  render: () => string,
): Promise<string> | string {
  if (!deps.data?.enabled) return render()
  return deps.data.through(key(deps, 'body', parts.id, parts.updatedAt ?? '', parts.prefix, indexGeneration(parts.index)), async () => {
    const html = render()
    return { value: html, tags: [tags.article(parts.id), ...parts.mediaIds.map(tags.media)], bytes: 2 * html.length + 256 }
  })
}
