// Bulk fill for the scorecard db bench: letters and a week of probe samples, written with the
// adapter's batch insert (the Local API costs ~20 ms per document with hooks; 100,000 letters
// would take over half an hour). Only for benchmarks: the rows skip the letters' workflow hooks.
import type { Payload } from 'payload'

const DAY = 86_400_000
type Drizzle = { drizzle: any; tables: Record<string, any> }

function random(seed: number) {
  let state = seed >>> 0
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

async function batches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

/** Letters spread over the last 400 days to the units that own sites; null when letters are not installed. */
export async function insertBenchLetters(payload: Payload, wanted: number): Promise<number | null> {
  if (!(payload.collections as Record<string, unknown>).letters) return null
  const have = (await payload.count({ collection: 'letters' as never, overrideAccess: true })).totalDocs
  if (have >= wanted) return have
  const db = payload.db as unknown as Drizzle
  const sites = (
    await payload.find({ collection: 'sites', limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { organization: true } as never })
  ).docs as Array<{ id: number; organization: number }>
  const rand = random(11)
  const now = Date.now()
  const rows = Array.from({ length: wanted - have }, (_, i) => {
    const site = sites[i % sites.length]!
    const received = now - rand() * 400 * DAY
    const replied = received < now - 30 * DAY || rand() < 0.5 ? received + rand() * 20 * DAY : null
    const iso = (t: number) => new Date(t).toISOString()
    return {
      subject: `关于第${have + i}号路灯的问题`,
      category: 'complaint',
      content: '我家附近的路灯已经损坏多日，希望尽快维修。',
      name: '张三',
      phone: '13877510000',
      route: 'site',
      site: site.id,
      status: replied ? 'replied' : 'in-progress',
      assignedOrganization: site.organization,
      receivedAt: iso(received),
      deadline: iso(received + 20 * DAY),
      repliedAt: replied ? iso(Math.min(replied, now)) : null,
      queryCodeHash: `bench-${have + i}-${now}`,
      createdAt: iso(received),
      updatedAt: iso(received),
    }
  })
  await batches(rows, 60, (batch) => db.drizzle.insert(db.tables.letters).values(batch))
  return wanted
}

/** Hourly probes of every site over the last week (168 each), 1 % failed. */
export async function insertBenchProbes(payload: Payload): Promise<number> {
  const existing = (await payload.count({ collection: 'probe-samples' as never, overrideAccess: true })).totalDocs
  if (existing > 0) return existing
  const db = payload.db as unknown as Drizzle
  const sites = (await payload.find({ collection: 'sites', limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { code: true } as never }))
    .docs as Array<{ id: number; code: string }>
  const rand = random(5)
  const now = Date.now()
  const rows = sites.flatMap((site) =>
    Array.from({ length: 168 }, (_, h) => {
      const ok = rand() > 0.01
      const at = new Date(now - (h + 0.5) * 3_600_000).toISOString()
      return {
        site: site.id,
        url: `http://127.0.0.1:3000/s/${site.code}/`,
        at,
        ok,
        status: ok ? 200 : 503,
        durationMs: Math.round(80 + rand() * 400),
        searchBox: true,
        errorReportEntry: true,
        createdAt: at,
        updatedAt: at,
      }
    }),
  )
  await batches(rows, 80, (batch) => db.drizzle.insert(db.tables.probe_samples).values(batch))
  return rows.length
}
