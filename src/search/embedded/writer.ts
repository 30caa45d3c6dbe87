import type Database from 'better-sqlite3'
import { SearchInputError } from '../errors'
import type { SearchDocument } from '../types'
import { digitTerms, indexTokens } from '../tokenizer'
import { TEXT_TABLES } from './database'
import { documentTags } from './plan'
import { MAX_SITES, rowidCandidates, siteRowidCandidates } from './rowid'

function firstFree(candidates: Iterable<number>, taken: Database.Statement): number {
  for (const candidate of candidates) if (taken.get(candidate) === undefined) return candidate
  throw new Error('no free rowid') // unreachable: the candidate generators throw first
}

/** Write side of the embedded index; one instance per writable connection. */
export class IndexWriter {
  private readonly findRowids: Database.Statement
  private readonly rowidTaken: Database.Statement
  private readonly siteRowidTaken: Database.Statement
  private readonly deleteDoc: Database.Statement
  private readonly deleteFts: Database.Statement
  private readonly insertDoc: Database.Statement
  private readonly insertFts: Database.Statement
  private readonly deleteTitle: Database.Statement
  private readonly insertTitle: Database.Statement
  private readonly deleteSite: Database.Statement
  private readonly insertSite: Database.Statement
  private readonly deleteSiteTitle: Database.Statement
  private readonly insertSiteTitle: Database.Statement
  private readonly deleteFacets: Database.Statement
  private readonly insertFacets: Database.Statement
  private readonly findSiteNumber: Database.Statement
  private readonly addSiteNumber: Database.Statement
  private readonly addDigitTerm: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.findRowids = db.prepare('SELECT f.rowid, f.site_rowid FROM docs d JOIN facets f ON f.rowid = d.rowid WHERE d.id = ?').raw()
    this.rowidTaken = db.prepare('SELECT 1 FROM docs WHERE rowid = ?').pluck()
    this.siteRowidTaken = db.prepare('SELECT 1 FROM facets WHERE site_rowid = ?').pluck()
    this.deleteDoc = db.prepare('DELETE FROM docs WHERE rowid = ?')
    this.deleteFts = db.prepare('DELETE FROM fts WHERE rowid = ?')
    this.insertDoc = db.prepare(
      `INSERT INTO docs (rowid, id, type, site, organization, year, published_at, url, site_name, organization_name, column_name, title, body)
       VALUES (@rowid, @id, @type, @site, @organization, @year, @publishedAt, @url, @siteName, @organizationName, @column, @title, @body)`,
    )
    this.insertFts = db.prepare('INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)')
    this.deleteTitle = db.prepare('DELETE FROM fts_title WHERE rowid = ?')
    this.insertTitle = db.prepare('INSERT INTO fts_title (rowid, title, tags) VALUES (?, ?, ?)')
    this.deleteSite = db.prepare('DELETE FROM fts_site WHERE rowid = ?')
    this.insertSite = db.prepare('INSERT INTO fts_site (rowid, title, body, tags) VALUES (?, ?, ?, ?)')
    this.deleteSiteTitle = db.prepare('DELETE FROM fts_site_title WHERE rowid = ?')
    this.insertSiteTitle = db.prepare('INSERT INTO fts_site_title (rowid, title, tags) VALUES (?, ?, ?)')
    this.deleteFacets = db.prepare('DELETE FROM facets WHERE rowid = ?')
    this.insertFacets = db.prepare('INSERT INTO facets (rowid, site_rowid, site, organization, type, year) VALUES (?, ?, ?, ?, ?, ?)')
    this.findSiteNumber = db.prepare('SELECT number FROM site_numbers WHERE site = ?').pluck()
    this.addDigitTerm = db.prepare('INSERT OR IGNORE INTO digit_terms (term) VALUES (?)')
    this.addSiteNumber = db.prepare('INSERT INTO site_numbers (site, number) SELECT ?, coalesce(max(number) + 1, 0) FROM site_numbers RETURNING number').pluck()
  }

  private siteNumber(site: string): number {
    const known = this.findSiteNumber.get(site) as number | undefined
    if (known !== undefined) return known
    const added = this.addSiteNumber.get(site) as number
    if (added >= MAX_SITES) throw new SearchInputError(`the embedded search index holds at most ${MAX_SITES} sites; use Meilisearch for more`)
    return added
  }

  private removeOne(id: string): void {
    const found = this.findRowids.get(id) as [number, number] | undefined
    if (found === undefined) return
    const [rowid, siteRowid] = found
    this.deleteFts.run(rowid)
    this.deleteDoc.run(rowid)
    this.deleteFacets.run(rowid)
    this.deleteTitle.run(rowid)
    this.deleteSite.run(siteRowid)
    this.deleteSiteTitle.run(siteRowid)
  }

  /** Replaces documents by id in one transaction (the caller batches large loads). */
  upsert(docs: SearchDocument[]): void {
    this.db.transaction(() => {
      for (const doc of docs) {
        this.removeOne(doc.id)
        const publishedMs = Date.parse(doc.publishedAt)
        const rowid = firstFree(rowidCandidates(doc.id, publishedMs), this.rowidTaken)
        const siteRowid = firstFree(siteRowidCandidates(this.siteNumber(doc.site), doc.id, publishedMs), this.siteRowidTaken)
        this.insertDoc.run({ ...doc, rowid, column: doc.column ?? null })
        const titleTokens = indexTokens(doc.title)
        const bodyTokens = indexTokens(doc.body)
        const tags = documentTags(doc)
        this.insertFts.run(rowid, titleTokens, bodyTokens, tags)
        this.insertTitle.run(rowid, titleTokens, tags)
        this.insertSite.run(siteRowid, titleTokens, bodyTokens, tags)
        this.insertSiteTitle.run(siteRowid, titleTokens, tags)
        this.insertFacets.run(rowid, siteRowid, doc.site, doc.organization, doc.type, doc.year)
        for (const term of new Set([...digitTerms(titleTokens), ...digitTerms(bodyTokens)])) this.addDigitTerm.run(term)
      }
    })()
  }

  remove(ids: string[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.removeOne(id)
    })()
  }

  private allText(command: 'delete-all' | 'optimize'): string {
    return TEXT_TABLES.map((table) => `INSERT INTO ${table} (${table}) VALUES ('${command}');`).join(' ')
  }

  clear(): void {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM docs; DELETE FROM facets; DELETE FROM digit_terms; ${this.allText('delete-all')}`)
    })()
  }

  /** Merges FTS5 segments after a bulk load so queries read fewer b-trees. */
  optimize(): void {
    this.db.exec(this.allText('optimize'))
  }
}
