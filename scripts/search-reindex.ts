/**
 * npm run search:reindex [-- --full]
 * Makes the search index equal the database (every public article indexed, nothing else);
 * --full empties the index first. Uses the engine chosen by MEILI_HOST, like the server.
 */

import '../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'
import config from '@payload-config'
import { createSearchEngine, createSearchIndexer, EmbeddedSearchEngine } from '../src/search'
import { progressPrinter } from './progress'

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } })
process.env.JOBS_AUTORUN = 'false'
const payload = await getPayload({ config })
const engine = createSearchEngine(process.env, { embedded: { workers: 0 } })
const health = await engine.health()
if (!health.ok) {
  console.error(`The ${engine.name} search engine is not available: ${health.detail}`)
  process.exit(1)
}
if (values.full) await engine.clear()
const progress = progressPrinter()
const report = await createSearchIndexer(payload, engine).reconcile((done, total) => progress.update('reindex', done, total))
progress.stop()
if (engine instanceof EmbeddedSearchEngine) await engine.optimize()
console.log(
  `Search index (${engine.name}): ${report.indexed} documents indexed (articles, service guides, published letters), ${report.removed} stale entries removed in ${report.seconds} s`,
)
await engine.close()
process.exit(0)
