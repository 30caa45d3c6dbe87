import Database from 'better-sqlite3'
import { publicArticleSql } from '../access'
import { sqliteFile } from './bulk-sqlite'

/**
 * SQLite's native bulk read for full-table text scans (the scorecard's text checks over a million
 * articles): a read-only better-sqlite3 connection reading publicly visible articles by rowid
 * range, only the columns the checks need, bodies as their stored JSON text. Drizzle over libsql
 * copies every row through its own result objects, which made the 1,000,000-article scan ~165 s;
 * readers of different ranges can run in worker threads side by side (WAL). The visibility rule
 * is src/access's publicArticleSql; tests/scorecard compares the rows with the Local API.
 */
export interface ArticleTextRow {
  id: number
  title: string | null
  /**
   * The stored Lexical JSON as its UTF-8 bytes, undecoded: decoding every body into a JS string
   * cost ~9 µs an article, more than reading it; a scan decodes only the bodies it parses.
   */
  body: Buffer | null
  publishedAt: string | null
  createdAt: string | null
  column: number | null
  site: number | null
  organization: number | null
  /** 1 when the article carries a workflow log (articles_workflow rows). */
  workflowed: number
}

export interface ArticleTextReader {
  /**
   * Smallest and largest article id (of those updated after sinceIso, through the updated_at index:
   * a nightly scan then reads only the range that changed), or null when there are none.
   */
  idRange(sinceIso?: string | null): { min: number; max: number } | null
  /** Visible articles with from ≤ id < to (changed after sinceIso, when given), in id order. */
  readRange(from: number, to: number, asOfIso: string, sinceIso: string | null): ArticleTextRow[]
  /** The same rows one at a time: a scan keeps one body in memory, not a range's worth. */
  iterateRange(from: number, to: number, asOfIso: string, sinceIso: string | null): IterableIterator<ArticleTextRow>
  close(): void
}

export function openArticleTextReader(uri: string): ArticleTextReader {
  const db = new Database(sqliteFile(uri), { readonly: true, fileMustExist: true, timeout: 30_000 })
  const range = db.prepare('select min(id) as min, max(id) as max from articles')
  const changedRange = db.prepare('select min(id) as min, max(id) as max from articles where updated_at > ?')
  const rows = db.prepare(`
    select a.id, a.title, cast(a.body as blob) as body, a.published_at as publishedAt, a.created_at as createdAt,
           a.column_id as "column", a.site_id as site, a.organization_id as organization,
           exists (select 1 from articles_workflow w where w._parent_id = a.id) as workflowed
    from articles a
    where a.id >= @from and a.id < @to
      and ${publicArticleSql('a', '@asOf')}
      and (@since is null or a.updated_at > @since)
    order by a.id`)
  return {
    idRange(sinceIso) {
      const found = (sinceIso ? changedRange.get(sinceIso) : range.get()) as { min: number | null; max: number | null }
      return found.min === null || found.max === null ? null : { min: found.min, max: found.max }
    },
    readRange(from, to, asOfIso, sinceIso) {
      return rows.all({ from, to, asOf: asOfIso, since: sinceIso }) as ArticleTextRow[]
    },
    iterateRange(from, to, asOfIso, sinceIso) {
      return rows.iterate({ from, to, asOf: asOfIso, since: sinceIso }) as IterableIterator<ArticleTextRow>
    },
    close() {
      db.close()
    },
  }
}
