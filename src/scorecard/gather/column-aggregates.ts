import { and, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload, Where } from 'payload'
import { publicArticleSql, publicArticleWhere, releasedArticleWhere, sqlTimestamp } from '../../access'
import type { Id } from '../types'

/** Per-column article facts (栏目统计): all the column checks need, never the articles themselves. */
export interface ColumnAggregate {
  /** Published items: publicly visible ones plus published ones without a publish date. */
  itemCount: number
  latestPublishedAt: string | null
  undatedCount: number
}

export type AggregateMode = 'auto' | 'local-api' | 'sql'

const undatedWhere: Where = { and: [releasedArticleWhere(), { publishedAt: { exists: false } }] }

/** Through the Local API: three indexed queries per column (count, newest, undated). Works on every adapter. */
async function viaLocalApi(payload: Payload, columnIds: Id[], asOf: Date, onProgress?: (done: number, total: number) => void | Promise<void>) {
  const visible = publicArticleWhere(asOf)
  const result = new Map<string, ColumnAggregate>()
  for (const [index, id] of columnIds.entries()) {
    const inColumn = { column: { equals: id } }
    const [{ totalDocs: publicCount }, newest, { totalDocs: undatedCount }] = await Promise.all([
      payload.count({ collection: 'articles', where: { and: [visible, inColumn] }, overrideAccess: true }),
      payload.find({
        collection: 'articles',
        where: { and: [visible, inColumn] },
        sort: '-publishedAt',
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { publishedAt: true },
      }),
      payload.count({ collection: 'articles', where: { and: [undatedWhere, inColumn] }, overrideAccess: true }),
    ])
    const latest = (newest.docs[0] as { publishedAt?: string | null } | undefined)?.publishedAt ?? null
    result.set(String(id), { itemCount: publicCount + undatedCount, latestPublishedAt: latest ? new Date(latest).toISOString() : null, undatedCount })
    await onProgress?.(index + 1, columnIds.length)
  }
  return result
}

type DrizzleAdapter = { drizzle: any; tables: Record<string, any> }

/**
 * The bulk-read exception (one GROUP BY over the articles table instead of 3 queries per column):
 * the same rule as publicArticleWhere — published, not withdrawn, due — as src/access writes it in SQL. The
 * integration test compares it with the Local API path on a small database.
 */
async function viaSql(db: DrizzleAdapter, asOf: Date) {
  const t = db.tables.articles
  const due = asOf.toISOString()
  const rows: Array<{ column: Id | null; visible: number | string; latest: string | Date | null; undated: number | string }> = await db.drizzle
    .select({
      column: t.column,
      visible: sql`sum(case when ${t.publishedAt} is not null and ${t.publishedAt} <= ${due} then 1 else 0 end)`,
      latest: sql`max(case when ${t.publishedAt} <= ${due} then ${t.publishedAt} end)`,
      undated: sql`sum(case when ${t.publishedAt} is null then 1 else 0 end)`,
    })
    .from(t)
    .where(sql.raw(publicArticleSql('"articles"', '', { due: false })))
    .groupBy(t.column)
  const result = new Map<string, ColumnAggregate>()
  for (const row of rows) {
    if (row.column === null) continue
    const undatedCount = Number(row.undated)
    result.set(String(row.column), {
      itemCount: Number(row.visible) + undatedCount,
      latestPublishedAt: row.latest ? new Date(row.latest).toISOString() : null,
      undatedCount,
    })
  }
  return result
}

/** Whether the database adapter offers drizzle tables (SQLite, PostgreSQL) for the SQL path. */
export function sqlAggregatesAvailable(payload: Payload): boolean {
  const db = payload.db as unknown as Partial<DrizzleAdapter>
  return Boolean(db.drizzle && db.tables?.articles)
}

/**
 * Aggregates for the given columns (columns without published items get zeros). `auto` uses SQL
 * where the adapter has it, else the Local API.
 */
export async function columnAggregates(
  payload: Payload,
  columnIds: Id[],
  asOf: Date,
  options: { mode?: AggregateMode; onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<Map<string, ColumnAggregate>> {
  const mode = options.mode ?? 'auto'
  if (mode === 'sql' && !sqlAggregatesAvailable(payload)) throw new Error('column aggregates: this database adapter has no SQL tables (use mode "local-api")')
  const found =
    mode === 'local-api' || (mode === 'auto' && !sqlAggregatesAvailable(payload))
      ? await viaLocalApi(payload, columnIds, asOf, options.onProgress)
      : await viaSql(payload.db as unknown as DrizzleAdapter, asOf)
  const result = new Map<string, ColumnAggregate>()
  for (const id of columnIds) result.set(String(id), found.get(String(id)) ?? { itemCount: 0, latestPublishedAt: null, undatedCount: 0 })
  return result
}

// ── Row reads for the large tables (letters, probe samples, article texts) ────────────────────
// Same bulk-read exception: the Local API costs ~0.6 ms per letter and several ms per article
// (hooks, array joins, field transforms); these read only the columns the checks need. Each has a
// Local API twin in gather/text-source and is compared with it in tests/scorecard.

const toIso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

export async function lettersViaSql(payload: Payload, fromIso: string, asOfIso: string) {
  const db = payload.db as unknown as DrizzleAdapter
  const t = db.tables.letters
  const rows: any[] = await db.drizzle
    .select({
      id: t.id,
      organization: t.assignedOrganization,
      publicSubject: t.publicSubject,
      receivedAt: t.receivedAt,
      repliedAt: t.repliedAt,
      status: t.status,
    })
    .from(t)
    .where(sql`${t.receivedAt} <= ${asOfIso} and (${t.receivedAt} >= ${fromIso} or ${t.repliedAt} is null)`)
  return rows.map((r) => ({ ...r, receivedAt: toIso(r.receivedAt), repliedAt: toIso(r.repliedAt) }))
}

export async function probesViaSql(payload: Payload, fromIso: string, asOfIso: string) {
  const db = payload.db as unknown as DrizzleAdapter
  const t = db.tables.probe_samples
  const rows: any[] = await db.drizzle
    .select({
      id: t.id,
      site: t.site,
      url: t.url,
      at: t.at,
      ok: t.ok,
      status: t.status,
      durationMs: t.durationMs,
      error: t.error,
      searchBox: t.searchBox,
      errorReportEntry: t.errorReportEntry,
    })
    .from(t)
    .where(sql`${t.at} > ${fromIso} and ${t.at} <= ${asOfIso}`)
  return rows.map((r) => ({ ...r, at: toIso(r.at), status: r.status === null ? null : Number(r.status), durationMs: Number(r.durationMs ?? 0) }))
}

/** One page of publicly visible articles after `afterId` (and changed after `sinceIso`), bodies parsed. */
export async function articleTextPageViaSql(payload: Payload, afterId: Id | null, limit: number, asOfIso: string, sinceIso: string | null) {
  const db = payload.db as unknown as DrizzleAdapter
  const t = db.tables.articles
  const rows: any[] = await db.drizzle
    .select({
      id: t.id,
      title: t.title,
      body: t.body,
      publishedAt: t.publishedAt,
      createdAt: t.createdAt,
      column: t.column,
      site: t.site,
      organization: t.organization,
      // Qualified by hand: drizzle leaves column names bare inside a select's sql, and a bare "id"
      // in the subquery would mean the workflow row's own id.
      workflowed: sql.raw('exists (select 1 from "articles_workflow" w where w."_parent_id" = "articles"."id")'),
    })
    .from(t)
    .where(
      and(
        sql.raw(publicArticleSql('"articles"', sqlTimestamp(new Date(asOfIso)))),
        afterId === null ? undefined : sql`${t.id} > ${afterId}`,
        sinceIso === null ? undefined : sql`${t.updatedAt} > ${sinceIso}`,
      ),
    )
    .orderBy(t.id)
    .limit(limit)
  return rows.map((r) => ({
    ...r,
    body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
    publishedAt: toIso(r.publishedAt),
    createdAt: toIso(r.createdAt),
    workflow: r.workflowed && r.workflowed !== '0' && r.workflowed !== 0 ? [{}] : [],
  }))
}

export function sqlTablesAvailable(payload: Payload, ...tables: string[]): boolean {
  const db = payload.db as unknown as Partial<DrizzleAdapter>
  return Boolean(db.drizzle && tables.every((name) => db.tables?.[name]))
}
