// A document's rowid is its publication time in ms × 1024 plus a slot, so FTS5's native
// rowid order is date order: "newest first" and date ranges become rowid scans, with no
// JOIN (research: a JOIN filter costs 8× an in-index one). 4.1e12 ms (year 2100) × 1024 < 2^53.
export const ROWID_SLOTS = 1024
const MAX_SAFE_MS = Math.floor(Number.MAX_SAFE_INTEGER / ROWID_SLOTS) - 1

function slotOf(id: string): number {
  let hash = 2166136261
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619)
  return (hash >>> 0) % ROWID_SLOTS
}

/** Candidate rowids for a document, in the order to try them (the first free one is used). */
export function* rowidCandidates(id: string, publishedMs: number): Generator<number> {
  const base = clampMs(publishedMs) * ROWID_SLOTS
  const slot = slotOf(id)
  for (let i = 0; i < ROWID_SLOTS; i++) yield base + ((slot + i) % ROWID_SLOTS)
  throw new Error(`more than ${ROWID_SLOTS} documents published in the same millisecond`)
}

export function rowidRangeForDates(fromMs: number | undefined, toMs: number | undefined): [number, number] {
  const lo = fromMs === undefined ? -Number.MAX_SAFE_INTEGER : clampMs(fromMs) * ROWID_SLOTS
  const hi = toMs === undefined ? Number.MAX_SAFE_INTEGER : clampMs(toMs) * ROWID_SLOTS + (ROWID_SLOTS - 1)
  return [lo, hi]
}

function clampMs(ms: number): number {
  return Math.max(-MAX_SAFE_MS, Math.min(MAX_SAFE_MS, Math.trunc(ms)))
}
