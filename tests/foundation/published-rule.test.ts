import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-sqlite/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPubliclyVisible, publicArticleSql, publicArticleWhere, releasedArticleWhere, sqlTimestamp } from '../../src/access'
import { insertArticles, type BulkArticle } from '../../src/db/bulk'
import { bootPayload } from '../helpers/payload'
import { testDatabaseKind } from '../helpers/database'

/**
 * The "published" rule in its three forms (src/access/published.ts) selects the same articles:
 * every combination of review status, state and date, read through the Local API query, the
 * predicate and the SQL the bulk readers use, on the SQL adapter under test.
 */
let payload: Payload
const ids: number[] = []
const now = new Date()
const hour = 3_600_000

beforeAll(async () => {
  payload = await bootPayload('published-rule', { seeded: true })
  const column = (await payload.find({ collection: 'columns', limit: 1, depth: 1, overrideAccess: true })).docs[0] as unknown as {
    id: number
    site: { id: number; organization: number | { id: number } }
  }
  const organization = typeof column.site.organization === 'object' ? column.site.organization.id : column.site.organization
  const dates = [null, new Date(now.getTime() - hour).toISOString(), new Date(now.getTime() + hour).toISOString()]
  const rows: BulkArticle[] = []
  for (const state of ['published', 'draft', 'withdrawn'] as const) {
    for (const publishedAt of dates)
      rows.push({
        title: `规则样例 ${state} ${publishedAt ?? '无日期'}`,
        column: column.id,
        site: column.site.id,
        organization,
        state: state as 'published',
        publishedAt: publishedAt as string,
        body: null,
        disclosure: { indexNumber: `规则样例/${rows.length}` },
      })
  }
  const before = (await payload.find({ collection: 'articles', sort: '-id', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id ?? 0
  await insertArticles(payload, rows)
  const created = await payload.find({
    collection: 'articles',
    where: { id: { greater_than: before } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  ids.push(...sorted(created.docs.map((d) => d.id)))
  // The bulk insert ties _status to state; a published version of a now withdrawn article, and a
  // draft over a published state, are states the editors' workflow reaches too.
  await runSql(sql.raw(`update "articles" set "_status" = 'draft' where "id" = ${ids[0]}`))
  await runSql(sql.raw(`update "articles" set "_status" = 'published' where "id" in (${ids.slice(6).join(',')})`))
})
afterAll(async () => payload?.destroy())

async function runSql(query: ReturnType<typeof sql.raw>): Promise<Array<Record<string, unknown>>> {
  const drizzle = (payload.db as unknown as { drizzle: { all?: (q: unknown) => Promise<unknown[]>; execute?: (q: unknown) => Promise<{ rows: unknown[] }> } })
    .drizzle
  if (testDatabaseKind() === 'postgres') return (await drizzle.execute!(query)).rows as Array<Record<string, unknown>>
  return (await drizzle.all!(query)) as Array<Record<string, unknown>>
}

const sorted = (values: unknown[]) => values.map(Number).sort((a, b) => a - b)

describe(`the published rule on ${testDatabaseKind()}`, () => {
  it('has samples of every combination, some public and some not', async () => {
    expect(ids).toHaveLength(9)
    const docs = (await payload.find({ collection: 'articles', where: { id: { in: ids } }, limit: 0, pagination: false, depth: 0, overrideAccess: true }))
      .docs as Array<{ _status: string; state: string }>
    expect(new Set(docs.map((d) => `${d._status}/${d.state}`))).toEqual(
      new Set(['draft/published', 'published/published', 'draft/draft', 'published/withdrawn']),
    )
  })

  it('selects the same articles as a query, a predicate and SQL', async () => {
    const docs = (await payload.find({ collection: 'articles', where: { id: { in: ids } }, limit: 0, pagination: false, depth: 0, overrideAccess: true }))
      .docs as Array<{ id: number; _status: string; state: string; publishedAt: string | null }>
    const byPredicate = sorted(docs.filter((d) => isPubliclyVisible(d, now)).map((d) => d.id))
    const byQuery = sorted(
      (
        await payload.find({
          collection: 'articles',
          where: { and: [publicArticleWhere(now), { id: { in: ids } }] },
          limit: 0,
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((d) => d.id),
    )
    const bySql = sorted(
      (await runSql(sql.raw(`select "id" from "articles" where ${publicArticleSql('"articles"', sqlTimestamp(now))} and "id" in (${ids.join(',')})`))).map(
        (r) => r.id,
      ),
    )
    expect(byPredicate).toHaveLength(1) // published, state published, an hour ago
    expect(byQuery).toEqual(byPredicate)
    expect(bySql).toEqual(byPredicate)
  })

  it('selects the same released articles (any date) as a query and SQL', async () => {
    const byQuery = sorted(
      (
        await payload.find({
          collection: 'articles',
          where: { and: [releasedArticleWhere(), { id: { in: ids } }] },
          limit: 0,
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((d) => d.id),
    )
    const bySql = sorted(
      (await runSql(sql.raw(`select "id" from "articles" where ${publicArticleSql('"articles"', '', { due: false })} and "id" in (${ids.join(',')})`))).map(
        (r) => r.id,
      ),
    )
    expect(byQuery).toHaveLength(2) // due an hour ago, and scheduled an hour ahead
    expect(bySql).toEqual(byQuery)
  })
})
