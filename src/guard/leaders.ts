/**
 * Leaders' names and titles (领导信息). Only patterns that can be read precisely are checked: a
 * known leader's name written right after a title, or right after a unit and a title
 * (副市长张三, 市教育局局长张三), or right before a title (张三副市长). Anything else between the
 * name and the title — 张三同志任副市长 — is not read, to keep false findings out of the panel.
 */
import { z } from 'zod'
import { AhoCorasick } from './aho-corasick'
import { foldWord } from './normalize'

export const leaderRecordSchema = z.object({
  name: z.string().trim().min(2, 'name is needed'),
  unit: z.string().trim().min(1, 'a leader record needs its unit'),
  /** One or more titles separated by 、 or ，(市委副书记、市长). */
  title: z.string().trim().min(1, 'title is needed'),
})
export type LeaderRecord = z.input<typeof leaderRecordSchema>

interface Leader {
  name: string
  posts: { unit: string; titles: string[] }[]
}

export interface LeaderIndex {
  leaders: Leader[]
  names: AhoCorasick
  /** Known titles and units, longest first, folded. */
  titles: string[]
  units: string[]
}

export interface LeaderHit {
  kind: 'leader-title' | 'leader-unit'
  start: number
  end: number
  suggestion: string
}

export function buildLeaderIndex(records: readonly LeaderRecord[], titleWords: readonly string[]): LeaderIndex {
  const byName = new Map<string, Leader>()
  records.forEach((raw, index) => {
    const parsed = leaderRecordSchema.safeParse(raw)
    if (!parsed.success) throw new Error(`leader record ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    const { name, unit, title } = parsed.data
    const leader = byName.get(foldWord(name)) ?? { name, posts: [] }
    leader.posts.push({
      unit: foldWord(unit),
      titles: title
        .split(/[、，,;；]/)
        .map(foldWord)
        .filter(Boolean),
    })
    byName.set(foldWord(name), leader)
  })
  const leaders = [...byName.values()]
  const byLength = (a: string, b: string) => b.length - a.length
  const titles = [...new Set([...titleWords.map(foldWord), ...leaders.flatMap((l) => l.posts.flatMap((p) => p.titles))])].sort(byLength)
  const units = [...new Set(leaders.flatMap((l) => l.posts.map((p) => p.unit)))].sort(byLength)
  return { leaders, names: new AhoCorasick(leaders.map((l) => foldWord(l.name))), titles, units }
}

/** 常务副市长 holds 副市长 as well; 副市长 does not hold 市长. */
function holds(held: string, written: string): boolean {
  if (held === written) return true
  return held.endsWith(written) && !held.slice(0, held.length - written.length).endsWith('副')
}

export function findLeaderIssues(text: string, index: LeaderIndex): LeaderHit[] {
  if (!index.leaders.length) return []
  const hits: LeaderHit[] = []
  const byStart = new Map<number, { pattern: number; end: number }>()
  // A longer name at the same place wins: 王明明 is not 王明.
  for (const hit of index.names.search(text)) {
    const known = byStart.get(hit.start)
    if (!known || hit.end > known.end) byStart.set(hit.start, hit)
  }
  for (const [start, { pattern, end }] of byStart) {
    const leader = index.leaders[pattern]
    const titleAfter = index.titles.find((t) => text.startsWith(t, end))
    const titleBefore = index.titles.find((t) => text.slice(0, start).endsWith(t))
    const heldTitles = leader.posts.flatMap((p) => p.titles)
    const current = heldTitles.join('、')
    for (const [title, titleStart, titleEnd] of [
      [titleBefore, start - (titleBefore?.length ?? 0), start],
      [titleAfter, end, end + (titleAfter?.length ?? 0)],
    ] as const) {
      if (!title) continue
      const spanStart = Math.min(start, titleStart)
      const spanEnd = Math.max(end, titleEnd)
      if (!heldTitles.some((held) => holds(held, title))) {
        hits.push({ kind: 'leader-title', start: spanStart, end: spanEnd, suggestion: `${leader.name}的职务为：${current}` })
        continue
      }
      if (titleStart >= start) continue
      const unit = index.units.find((u) => text.slice(0, titleStart).endsWith(u))
      if (unit && !leader.posts.some((p) => p.unit === unit && p.titles.some((held) => holds(held, title)))) {
        const where = leader.posts.map((p) => `${p.unit}${p.titles.join('、')}`).join('；')
        hits.push({ kind: 'leader-unit', start: titleStart - unit.length, end: spanEnd, suggestion: `${leader.name}任${where}` })
      }
    }
  }
  return hits
}
