import type Database from 'better-sqlite3'
import type { SearchDocument } from '../types'
import { indexTokens } from '../tokenizer'
import { documentTags } from './plan'
import { rowidCandidates } from './rowid'

/** Write side of the embedded index; one instance per writable connection. */
export class IndexWriter {
  private readonly findRowid: Database.Statement
  private readonly rowidTaken: Database.Statement
  private readonly deleteDoc: Database.Statement
  private readonly deleteFts: Database.Statement
  private readonly insertDoc: Database.Statement
  private readonly insertFts: Database.Statement
  private readonly deleteTitle: Database.Statement
  private readonly insertTitle: Database.Statement
  private readonly deleteFacets: Database.Statement
  private readonly insertFacets: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.findRowid = db.prepare('SELECT rowid FROM docs WHERE id = ?').pluck()
    this.rowidTaken = db.prepare('SELECT 1 FROM docs WHERE rowid = ?').pluck()
    this.deleteDoc = db.prepare('DELETE FROM docs WHERE rowid = ?')
    this.deleteFts = db.prepare('DELETE FROM fts WHERE rowid = ?')
    this.insertDoc = db.prepare(
      `INSERT INTO docs (rowid, id, type, site, organization, year, published_at, url, site_name, organization_name, column_name, title, body)
       VALUES (@rowid, @id, @type, @site, @organization, @year, @publishedAt, @url, @siteName, @organizationName, @column, @title, @body)`,
    )
    this.insertFts = db.prepare('INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)')
    this.deleteTitle = db.prepare('DELETE FROM fts_title WHERE rowid = ?')
    this.insertTitle = db.prepare('INSERT INTO fts_title (rowid, title, tags) VALUES (?, ?, ?)')
    this.deleteFacets = db.prepare('DELETE FROM facets WHERE rowid = ?')
    this.insertFacets = db.prepare('INSERT INTO facets (rowid, site, organization, type, year) VALUES (?, ?, ?, ?, ?)')
  }

  private removeOne(id: string): void {
    const rowid = this.findRowid.get(id) as number | undefined
    if (rowid === undefined) return
    this.deleteFts.run(rowid)
    this.deleteDoc.run(rowid)
    this.deleteFacets.run(rowid)
    this.deleteTitle.run(rowid)
  }

  /** Replaces documents by id in one transaction (the caller batches large loads). */
  upsert(docs: SearchDocument[]): void {
    this.db.transaction(() => {
      for (const doc of docs) {
        this.removeOne(doc.id)
        let rowid = 0
        for (const candidate of rowidCandidates(doc.id, Date.parse(doc.publishedAt))) {
          if (this.rowidTaken.get(candidate) === undefined) {
            rowid = candidate
            break
          }
        }
        this.insertDoc.run({ ...doc, rowid, column: doc.column ?? null })
        const titleTokens = indexTokens(doc.title)
        const tags = documentTags(doc)
        this.insertFts.run(rowid, titleTokens, indexTokens(doc.body), tags)
        this.insertTitle.run(rowid, titleTokens, tags)
        this.insertFacets.run(rowid, doc.site, doc.organization, doc.type, doc.year)
      }
    })()
  }

  remove(ids: string[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.removeOne(id)
    })()
  }

  clear(): void {
    this.db.transaction(() => {
      this.db.exec("DELETE FROM docs; DELETE FROM facets; INSERT INTO fts (fts) VALUES ('delete-all'); INSERT INTO fts_title (fts_title) VALUES ('delete-all');")
    })()
  }

  /** Merges FTS5 segments after a bulk load so queries read fewer b-trees. */
  optimize(): void {
    this.db.exec("INSERT INTO fts (fts) VALUES ('optimize'); INSERT INTO fts_title (fts_title) VALUES ('optimize')")
  }
}
