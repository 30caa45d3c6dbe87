/**
 * npm run bench:guard — guarding a 20,000-character article against ≥ 10,000 list entries
 * (p50/p95 over 300 runs), and the list build time (adding a word = one rebuild).
 * The synthetic words exist only here: the shipped lists hold real entries only.
 */
import os from 'node:os'
import { buildGuardLists, guardText, loadGuardLists, type GuardListEntry } from '../../src/guard/index'

const ENTRIES = Number(process.env.GUARD_ENTRIES ?? 12_000)
const RUNS = 300
const ARTICLE_CHARS = 20_000

// A deterministic generator so runs compare (mulberry32).
let seed = 20_2612
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const hanzi = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 3500))).join('')

const shipped = loadGuardLists()
const synthetic: GuardListEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
  word: hanzi(2 + Math.floor(random() * 4)),
  kind: (['typo', 'forbidden', 'sensitive', 'outdated-name'] as const)[i % 4],
  severity: i % 3 ? 'warn' : 'block',
  suggestion: i % 4 === 0 ? hanzi(3) : undefined,
  exceptions: [],
  fields: [],
  source: `bench:${i}`,
}))
const entries = [...shipped.entries, ...synthetic]
const leaders = Array.from({ length: 500 }, (_, i) => ({ name: hanzi(3), unit: `${hanzi(3)}局`, title: i % 2 ? '局长' : '副局长' }))

// The article: Chinese filler with real hits sprinkled in (typos, names, numbers), ~20,000 characters in 40 paragraphs.
const hits = ['截止目前', '其它', '国土资源部', '张三副市长', '身份证11010519491231002X', '电话13812345678', ...synthetic.slice(0, 20).map((e) => e.word)]
const paragraphs: string[] = []
for (let p = 0; p < 40; p++) {
  let text = ''
  while (text.length < ARTICLE_CHARS / 40) text += hanzi(40) + (random() < 0.3 ? hits[Math.floor(random() * hits.length)] : '') + '，'
  paragraphs.push(text.slice(0, ARTICLE_CHARS / 40 - 1) + '。')
}
const article = { title: '关于做出进一步工作部署的通知', summary: paragraphs[0].slice(0, 200), body: paragraphs }

const time = (fn: () => void) => {
  const start = performance.now()
  fn()
  return performance.now() - start
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]

console.log(`guard bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`)
console.log(
  `lists: ${entries.length} entries (${shipped.entries.length} shipped + ${synthetic.length} synthetic), ${leaders.length} leaders; article: ${paragraphs.join('').length} characters`,
)

let lists = buildGuardLists({ ...shipped, entries, leaders })
const builds = Array.from({ length: 5 }, () =>
  time(() => (lists = buildGuardLists({ ...shipped, entries: [...entries, { ...synthetic[0], word: hanzi(4) }], leaders }))),
)
for (let i = 0; i < 20; i++) guardText(article, lists)
let findings = 0
// Same-run baselines: on a shared machine the wall time includes waiting for a core, CPU time does not.
const joined = paragraphs.join('')
const baseline = Array.from({ length: RUNS }, () => time(() => joined.normalize('NFKC'))).sort((a, b) => a - b)
const cpuBefore = process.cpuUsage()
const runs = Array.from({ length: RUNS }, () => time(() => (findings = guardText(article, lists).length))).sort((a, b) => a - b)
const cpu = process.cpuUsage(cpuBefore)
builds.sort((a, b) => a - b)
console.log(`findings per run: ${findings}`)
console.log(
  `guardText ×${RUNS}: p50 ${percentile(runs, 50).toFixed(2)} ms, p95 ${percentile(runs, 95).toFixed(2)} ms, max ${runs.at(-1)!.toFixed(2)} ms; CPU ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(2)} ms/run`,
)
console.log(`baseline, NFKC of the same 20,000 characters: p50 ${percentile(baseline, 50).toFixed(2)} ms, p95 ${percentile(baseline, 95).toFixed(2)} ms`)
console.log(`list build (adding a word = one rebuild) ×5: median ${percentile(builds, 50).toFixed(0)} ms, max ${builds.at(-1)!.toFixed(0)} ms`)
