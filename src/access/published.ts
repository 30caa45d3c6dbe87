import type { Where } from 'payload'

/**
 * What the public may see of articles: published by a reviewer (`_status`), not withdrawn
 * (`state`) and already due (`publishedAt` set and not in the future). The rule lives here once,
 * in the three forms its readers need: a Payload query (pages, feeds, search, API), a predicate
 * (a document already in hand) and SQL (the bulk readers of src/db and src/scorecard).
 * tests/foundation/published-rule.test.ts checks that the three select the same articles.
 */
const RELEASED = { status: 'published', state: 'published' } as const

export function publicArticleWhere(now: Date = new Date()): Where {
  return { and: [releasedArticleWhere(), { publishedAt: { less_than_equal: now.toISOString() } }] }
}

/** Published and not withdrawn, whatever the date: with no date an article is never public, but it is the unit's output all the same (the scorecard counts it). */
export function releasedArticleWhere(): Where {
  return { and: [{ _status: { equals: RELEASED.status } }, { state: { equals: RELEASED.state } }] }
}

export function isPubliclyVisible(doc: { _status?: string | null; state?: string | null; publishedAt?: string | null }, now = new Date()): boolean {
  return doc._status === RELEASED.status && doc.state === RELEASED.state && Boolean(doc.publishedAt) && new Date(doc.publishedAt!) <= now
}

/**
 * The rule over the articles table's columns (the same names on SQLite and PostgreSQL). `table` is
 * the table or its alias as written in the query; `asOf` the SQL expression for "now": a bound
 * parameter (`@asOf`) for a statement prepared once, or a literal from `sqlTimestamp`.
 * `due: false` leaves the date out (released articles, dated or not).
 */
export function publicArticleSql(table: string, asOf: string, options: { due?: boolean } = {}): string {
  const released = `${table}."_status" = '${RELEASED.status}' and ${table}."state" = '${RELEASED.state}'`
  return options.due === false ? released : `${released} and ${table}."published_at" is not null and ${table}."published_at" <= ${asOf}`
}

/** A time as an SQL literal: only what Date.toISOString writes, so nothing else can reach the SQL. */
export function sqlTimestamp(at: Date): string {
  return `'${at.toISOString()}'`
}
