/**
 * Promotion: inbox entries (letter-inbox.ts) become full letters through the Local API — hooks,
 * masked public text, search indexing, the audit log, the workflow history — with the received
 * time and deadline the writer was shown. Runs in-process right after each intake, and as a
 * jobs-queue task for whatever a crash or restart left behind.
 *
 * Idempotent: the letter's query-code hash is unique, and the entry is deleted in the same
 * transaction that creates its letter. Where the adapter has no transactions (SQLite as
 * configured here) a crash between the two steps leaves the entry behind; the next attempt finds
 * the letter by its hash and only deletes the entry. Two promoters racing on one entry: the unique
 * hash lets one letter in, the other promoter sees it and deletes the entry.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type TaskConfig } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import { idFromText, LETTER_INBOX, type InboxEntry } from './letter-inbox'
import { createLetterDoc, LETTERS } from './letter-service'
import { newLetterSnapshot, type Id } from './letter-workflow'
import { interactionPolicy, workingDaysForCategory } from './policy'
import { validateLetterSubmission } from './validation'

export interface PromotionRun {
  /** Entries looked at. */
  picked: number
  promoted: number
  /** The letter already existed (an earlier run crashed after creating it, or another promoter won). */
  alreadyPromoted: number
  needsAttention: number
  /** Failed for an unknown reason; tried again later, up to intake.maxAttempts. */
  retryLater: number
}

const emptyRun = (): PromotionRun => ({ picked: 0, promoted: 0, alreadyPromoted: 0, needsAttention: 0, retryLater: 0 })
const addRun = (total: PromotionRun, run: PromotionRun) => {
  for (const key of Object.keys(total) as (keyof PromotionRun)[]) total[key] += run[key]
}

type Outcome = 'promoted' | 'alreadyPromoted' | 'needsAttention' | 'retryLater'

/** A problem no retry will fix: the entry goes to the central office with this reason. */
class NeedsAttention extends Error {}

/** Promotes up to `limit` pending entries, oldest first; `skip` leaves out entries this caller already failed on. */
export async function promoteLetterInbox(
  payload: Payload,
  options: { limit?: number; skip?: Iterable<Id>; shouldStop?: () => boolean } = {},
): Promise<PromotionRun & { failedIds: Id[] }> {
  const skip = [...(options.skip ?? [])]
  const { docs } = await payload.find({
    collection: LETTER_INBOX,
    where: { and: [{ state: { equals: 'pending' } }, ...(skip.length ? [{ id: { not_in: skip } }] : [])] },
    sort: 'receivedAt',
    limit: options.limit ?? interactionPolicy.intake.promoteBatch,
    depth: 0,
    overrideAccess: true,
  })
  const run = { ...emptyRun(), failedIds: [] as Id[] }
  const targets = new Map<string, boolean>()
  for (const entry of docs as unknown as InboxEntry[]) {
    if (options.shouldStop?.()) break
    run.picked++
    const outcome = await promoteEntry(payload, entry, targets)
    run[outcome]++
    if (outcome === 'retryLater') run.failedIds.push(entry.id)
  }
  return run
}

async function promoteEntry(payload: Payload, entry: InboxEntry, targets: Map<string, boolean>): Promise<Outcome> {
  try {
    const checked = await checkEntry(payload, entry, targets)
    const req = await createLocalReq({}, payload)
    const started = await initTransaction(req)
    try {
      await createLetterDoc(payload, {
        submission: checked.submission,
        route: entry.route,
        siteId: checked.siteId,
        powNonce: entry.powNonce ?? undefined,
        queryCodeHash: entry.queryCodeHash,
        snapshot: checked.snapshot,
        req,
      })
      // Adapter call, not payload.delete: the entry's removal is bookkeeping of this move, and the
      // audit log already records the letter's creation.
      await payload.db.deleteOne({ collection: LETTER_INBOX, where: { id: { equals: entry.id } }, req, returning: false })
      if (started) await commitTransaction(req)
      return 'promoted'
    } catch (error) {
      if (started) await killTransaction(req).catch(() => undefined)
      throw error
    }
  } catch (error) {
    try {
      return await classifyFailure(payload, entry, error)
    } catch (secondary) {
      // Even the bookkeeping failed (the database is away?): the entry stays pending for the next run.
      payload.logger.warn({ err: secondary, msg: `letter inbox entry ${entry.id}: promotion failed (${describeError(error)}); will retry` })
      return 'retryLater'
    }
  }
}

async function classifyFailure(payload: Payload, entry: InboxEntry, error: unknown): Promise<Outcome> {
  if (await letterExists(payload, entry.queryCodeHash)) {
    await deleteEntry(payload, entry)
    return 'alreadyPromoted'
  }
  if (error instanceof NeedsAttention) return markNeedsAttention(payload, entry, error.message)
  const message = describeError(error)
  if (/powNonce|pow_nonce/i.test(message)) {
    return markNeedsAttention(
      payload,
      entry,
      `工作量证明已被另一封来信使用，可能是重复提交 (the proof of work was already used by another letter — probably a replayed submission): ${message}`,
    )
  }
  if ((error as { name?: string })?.name === 'ValidationError') {
    return markNeedsAttention(payload, entry, `来信未通过校验 (the letter failed validation): ${message}`)
  }
  const attempts = (entry.attempts ?? 0) + 1
  if (attempts >= interactionPolicy.intake.maxAttempts) {
    return markNeedsAttention(payload, entry, `${attempts} 次转入失败 (promotion failed ${attempts} times): ${message}`, attempts)
  }
  await payload.db.updateOne({
    collection: LETTER_INBOX,
    id: entry.id,
    data: { attempts, problem: message, updatedAt: new Date().toISOString() },
    returning: false,
  })
  payload.logger.warn({ err: error, msg: `letter inbox entry ${entry.id}: promotion failed (attempt ${attempts}); will retry` })
  return 'retryLater'
}

/** What the letter will be, or NeedsAttention when the entry cannot become one as it stands. */
async function checkEntry(payload: Payload, entry: InboxEntry, targets: Map<string, boolean>) {
  const siteId = idFromText(payload, entry.targetSite)
  if (siteId == null || !(await exists(payload, 'sites', siteId, targets))) {
    throw new NeedsAttention(
      `来信网站（ID ${entry.targetSite ?? '空'}）已不存在，请填写现有网站的 ID 后保存 (the target site #${entry.targetSite ?? '—'} no longer exists; enter an existing site id and save)`,
    )
  }
  const organizationId = entry.route === 'site' ? idFromText(payload, entry.targetOrganization) : null
  if (entry.route === 'site' && (organizationId == null || !(await exists(payload, 'organizations', organizationId, targets)))) {
    throw new NeedsAttention(
      `承办单位（ID ${entry.targetOrganization ?? '空'}）已不存在，请填写现有单位的 ID 后保存 (the handling unit #${entry.targetOrganization ?? '—'} no longer exists; enter an existing unit id and save)`,
    )
  }
  // Validated before it was stored; checked again because the stored JSON may have been edited.
  const checked = validateLetterSubmission(entry.submission)
  if (!checked.ok) {
    throw new NeedsAttention(
      `来信内容不完整或格式不正确 (the stored letter is invalid): ${Object.entries(checked.errors)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; ')}`,
    )
  }
  const receivedAt = new Date(entry.receivedAt)
  if (Number.isNaN(receivedAt.getTime())) throw new NeedsAttention(`受理时间无效 (invalid received time): ${entry.receivedAt}`)
  // The received time and the deadline stay those the writer was shown at submission.
  const snapshot = newLetterSnapshot({
    receivedAt,
    workingDays: workingDaysForCategory(checked.data.category),
    calendar: await loadWorkingCalendar(payload),
    assignedOrganization: organizationId,
  })
  if (entry.deadline && !Number.isNaN(new Date(entry.deadline).getTime())) snapshot.deadline = new Date(entry.deadline).toISOString()
  return { siteId, submission: checked.data, snapshot }
}

async function exists(payload: Payload, collection: 'sites' | 'organizations', id: Id, cache: Map<string, boolean>): Promise<boolean> {
  const key = `${collection}:${id}`
  if (!cache.has(key)) {
    const { totalDocs } = await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })
    cache.set(key, totalDocs > 0)
  }
  return cache.get(key)!
}

async function letterExists(payload: Payload, queryCodeHash: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: LETTERS, where: { queryCodeHash: { equals: queryCodeHash } }, overrideAccess: true })
  return totalDocs > 0
}

async function deleteEntry(payload: Payload, entry: InboxEntry) {
  await payload.db.deleteOne({ collection: LETTER_INBOX, where: { id: { equals: entry.id } }, returning: false })
}

async function markNeedsAttention(payload: Payload, entry: InboxEntry, problem: string, attempts = (entry.attempts ?? 0) + 1): Promise<'needsAttention'> {
  await payload.db.updateOne({
    collection: LETTER_INBOX,
    id: entry.id,
    data: { state: 'needs-attention', problem: problem.slice(0, 2000), attempts, updatedAt: new Date().toISOString() },
    returning: false,
  })
  payload.logger.warn({ msg: `letter inbox entry ${entry.id} needs attention: ${problem}` })
  return 'needsAttention'
}

function describeError(error: unknown): string {
  const e = error as { message?: string; data?: { errors?: { path?: string; message?: string }[] } }
  const fields = e?.data?.errors?.map((f) => `${f.path}: ${f.message}`).join('; ')
  return `${e?.message ?? String(error)}${fields ? ` (${fields})` : ''}`.slice(0, 1000)
}

// ----- the in-process promoter ----------------------------------------------------------------

export interface LetterPromoter {
  /** Called after each intake: promotes soon, after the current burst of submissions pauses. */
  kick(): void
  /** Promotes every pending entry now (no waiting for a pause); resolves when none is left that can be promoted. */
  drain(): Promise<PromotionRun>
  /** Finishes the entry in hand and stops; what is left stays in the inbox for the jobs-queue task. */
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createLetterPromoter(payload: Payload, policy = interactionPolicy.intake): LetterPromoter {
  let running: Promise<PromotionRun> | null = null
  let more = false
  let lastIntakeAt = 0
  let urgent = false
  let stopped = false

  // Intake first: while submissions keep arriving the promoter waits (at most maxDeferMs) for a
  // pause, so acknowledgements keep their pace and the inbox absorbs the burst.
  async function pause() {
    const since = Date.now()
    while (!urgent && !stopped && Date.now() - lastIntakeAt < policy.quietMs && Date.now() - since < policy.maxDeferMs) await sleep(policy.quietMs / 3)
  }

  async function loop(): Promise<PromotionRun> {
    const total = emptyRun()
    const failed = new Set<Id>()
    for (;;) {
      more = false
      await pause()
      if (stopped) return total
      const run = await promoteLetterInbox(payload, { limit: policy.promoteBatch, skip: failed, shouldStop: () => stopped })
      run.failedIds.forEach((id) => failed.add(id))
      addRun(total, run)
      if (run.picked === 0 && !more) return total
    }
  }

  function start(): Promise<PromotionRun> {
    if (stopped) return Promise.resolve(emptyRun())
    more = true
    if (!running) {
      running = loop().finally(() => {
        running = null
        urgent = false
      })
      // A background failure (e.g. the database going away at shutdown) is logged; the entries stay
      // in the inbox and the jobs-queue task promotes them later.
      running.catch((error) => payload.logger.error({ err: error, msg: 'letter inbox promotion stopped; the jobs queue will resume it' }))
    }
    return running
  }

  return {
    kick() {
      lastIntakeAt = Date.now()
      setImmediate(() => void start().catch(() => undefined))
    },
    async drain() {
      urgent = true
      const run = await start()
      return run
    },
    async stop() {
      stopped = true
      await running?.catch(() => undefined)
    },
  }
}

const promoters = new WeakMap<Payload, LetterPromoter>()
export function letterPromoterFor(payload: Payload): LetterPromoter {
  let promoter = promoters.get(payload)
  if (!promoter) {
    const created = (promoter = createLetterPromoter(payload))
    promoters.set(payload, created)
    // Payload has no shutdown hook: stop promoting before the database adapter is closed, so a
    // promotion never runs against a closed database (the entries wait for the next start).
    const destroy = payload.destroy
    payload.destroy = async () => {
      await created.stop()
      await destroy.call(payload)
    }
  }
  return promoter
}

/**
 * The jobs-queue task: promotes whatever the in-process promoter left (a crash, a restart, a burst
 * still draining). Shares the in-process promoter, so within one process it never runs twice at once.
 */
export const letterInboxTask: TaskConfig<{ input: Record<string, never>; output: PromotionRun }> = {
  slug: 'promoteLetterInbox',
  label: '来信收件箱转入 (promote the letter inbox)',
  outputSchema: [
    { name: 'picked', type: 'number' },
    { name: 'promoted', type: 'number' },
    { name: 'alreadyPromoted', type: 'number' },
    { name: 'needsAttention', type: 'number' },
    { name: 'retryLater', type: 'number' },
  ],
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ req }) => ({ output: await letterPromoterFor(req.payload).drain() }),
}
