/**
 * Site import // 站点迁移: moves a unit's old website (TRS, Hanweb, home-grown; GBK or UTF-8) into a
 * site of the group from a live URL, a mirror folder or a feed. Every imported page keeps its old
 * address as a 301. Other code imports only from this file.
 */
import type { Plugin } from 'payload'
import { ImportRecords } from '../../collections/import-records'
import { capabilityPlugin } from '../lib/plugin'

export { runImport, openSource, oldPath, ImportRefused, type ImportOptions } from './run'
export { ImportReport, type Outcome } from './report'
export { IMPORT_RECORDS, findRecord, pageRecords } from './records'
export { decodeHtml, DecodeError } from './charset'
export { extractArticle, parseDate, type ExtractedArticle, type Disclosure } from './extract'
export { htmlToLexical } from './lexical'
export { loadRules, type ExtractionRule } from './rules'
export { fetchResource, type Fetched } from './http'
export { CrawlerSource } from './sources/crawler'
export { MirrorSource } from './sources/mirror'
export { FeedSource, feedLinks } from './sources/feed'
export type { ImportSource, CrawlOptions } from './sources/types'

/** Adds the import-records collection (what each old URL became). */
export const importPlugin = (): Plugin => capabilityPlugin(() => ({ collections: [ImportRecords] }))
