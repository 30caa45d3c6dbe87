// npm run bench:scorecard — one full scorecard run at Yulin scale (see docs/benchmarks.md).
// Prints: the evaluation over per-column aggregates, and as the baseline measured in the same
// run, the per-column "latest publish date" computed from all 1,000,000 article dates (what the
// checks would cost if they read articles instead of aggregates); the incremental text scan of
// the articles changed in a day; the full text scan of all articles; Excel export; peak memory.
import { cpus, totalmem } from 'node:os'
import cliProgress from 'cli-progress'
import { builtInIndicatorSet, deriveRectificationItems, evaluateRun, exportRunToXlsx, rankResults, scanArticles, type TextScanState } from '../../src/scorecard'
import { random, syntheticArticles, syntheticInputs } from './synthetic'

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const scale = {
  organizations: Number(args.get('organizations') ?? 160),
  columnsPerOrganization: Number(args.get('columns') ?? 60),
  articles: Number(args.get('articles') ?? 1_000_000),
  letters: Number(args.get('letters') ?? 100_000),
}
const changedPerDay = Number(args.get('changed') ?? 5_000)
const asOf = new Date('2024-06-30T00:00:00Z')

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
async function timed<T>(label: string, work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  const ms = performance.now() - started
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms   rss ${mb(process.memoryUsage().rss)}`)
  return [value, ms]
}

console.log(`scorecard bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${mb(totalmem())} RAM, node ${process.version}`)
console.log(
  `scale: ${scale.organizations} organizations, ${scale.organizations * scale.columnsPerOrganization} columns, ${scale.articles} articles, ${scale.letters} letters\n`,
)

const set = builtInIndicatorSet('national-2019')
const [inputs] = await timed('generate synthetic aggregates', () => syntheticInputs(scale, asOf))

// Baseline: per-column latest dates from every article's date (typed arrays, the cheapest form).
await timed(`baseline: latest date per column from ${scale.articles} article dates`, () => {
  const rand = random(3)
  const columns = scale.organizations * scale.columnsPerOrganization
  const dates = new Float64Array(scale.articles)
  const columnOf = new Int32Array(scale.articles)
  for (let i = 0; i < scale.articles; i++) {
    dates[i] = asOf.getTime() - rand() * 300 * 86_400_000
    columnOf[i] = i % columns
  }
  const latest = new Float64Array(columns).fill(-Infinity)
  for (let i = 0; i < scale.articles; i++) if (dates[i]! > latest[columnOf[i]!]!) latest[columnOf[i]!] = dates[i]!
  return latest
})

const hosts = new Set(Array.from({ length: scale.organizations }, (_, i) => `u${i + 1}.yulin.gov.cn`))
const resolveInternalUrl = (url: URL) => {
  const match = /^\/a\/(\d+)\.html$/.exec(url.pathname)
  return match !== null && Number(match[1]) <= scale.articles * 0.999 // the newest 0.1 % "deleted"
}

const bar = new cliProgress.SingleBar({ format: 'full text scan {bar} {value}/{total} articles', hideCursor: true }, cliProgress.Presets.shades_classic)
bar.start(scale.articles, 0)
const [fullState, fullScanMs] = await timed(`full text scan of ${scale.articles} articles`, () =>
  scanArticles(
    set,
    null,
    { upserted: syntheticArticles(scale.articles, scale.organizations, asOf) },
    {
      asOf,
      full: true,
      resolveInternalUrl,
      internalHosts: hosts,
      onProgress: (n) => bar.update(n),
    },
  ),
)
bar.stop()

const [state, incrementalMs] = await timed(`incremental text scan of ${changedPerDay} changed articles`, () =>
  scanArticles(
    set,
    fullState as TextScanState,
    { upserted: syntheticArticles(changedPerDay, scale.organizations, asOf) },
    { asOf, resolveInternalUrl, internalHosts: hosts },
  ),
)
console.log(`  findings kept for ${state.findings.size} articles`)

const [run, evaluateMs] = await timed(`evaluate ${scale.organizations} organizations (aggregates + findings)`, () =>
  evaluateRun(set, inputs, { asOf, scan: state }),
)
const [, rankMs] = await timed('rank + rectification list', () => [rankResults(run.results), deriveRectificationItems(run, set)])
const [xlsx, exportMs] = await timed('Excel export', () => exportRunToXlsx(run, set))
clearInterval(sampler)

const nightly = incrementalMs + evaluateMs + rankMs + exportMs
const full = fullScanMs + evaluateMs + rankMs + exportMs
console.log(
  `\nvetoed ${run.results.filter((r) => r.status === 'vetoed').length}, passed ${run.results.filter((r) => r.passed).length}, workbook ${mb(xlsx.length)}`,
)
const vetoCounts = new Map<string, number>()
for (const result of run.results) for (const code of result.vetoCodes) vetoCounts.set(code, (vetoCounts.get(code) ?? 0) + 1)
console.log(`veto items tripped: ${[...vetoCounts].map(([code, n]) => `${code}×${n}`).join(' ') || 'none'}`)
console.log(`nightly run (incremental scan + evaluate + rank + export): ${(nightly / 1000).toFixed(2)} s`)
console.log(`full run (full text scan + evaluate + rank + export):      ${(full / 1000).toFixed(2)} s`)
console.log(`peak rss ${mb(peakRss)} (target < 1024 MB), target < 60 s: ${full < 60_000 && peakRss < 2 ** 30 ? 'met' : 'NOT met'}`)
