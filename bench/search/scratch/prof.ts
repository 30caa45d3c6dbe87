import Database from 'better-sqlite3'
import { EmbeddedSearchEngine } from '/work/main/src/search/index'
import { IndexReader } from '/work/main/src/search/embedded/reader'
import queries from '/work/main/bench/search/queries.json' with { type: 'json' }
const file = '/work/main/bench/out/search/index-200000.db'
const engine = new EmbeddedSearchEngine({ file, workers: 0 })
const db = new Database(file, { readonly: true })
db.pragma('cache_size = -65536')
const reader = new IndexReader(db) as any
const texts = [...queries.oneTerm, ...queries.twoTerm, ...queries.phrase]
for (const t of texts) engine.plan({ text: t, sort: 'relevance', page: 1, pageSize: 10, facets: false } as any) // warm
const agg = { count: 0, rank: 0, hits: 0 }
for (let round = 0; round < 2; round++) for (const text of texts) {
  const plan = engine.plan({ text, sort: 'relevance', page: 1, pageSize: 10, facets: false } as any)
  const [lo, hi] = plan.rowidRange
  let t = performance.now()
  const n = (db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)').get(plan.match, lo, hi, 10001) as any).n
  const c = performance.now() - t; t = performance.now()
  const ranked = reader.rankByRelevance(plan)
  const r = performance.now() - t; t = performance.now()
  reader.loadHits(ranked, plan)
  const h = performance.now() - t
  if (round === 1) { agg.count += c; agg.rank += r; agg.hits += h; console.log(text.padEnd(16), n, c.toFixed(1), r.toFixed(1), h.toFixed(1)) }
}
console.log(agg)
