/**
 * Letters in the database: submitting, tracking, running workflow commands, rating the reply.
 * Routes, admin hooks and jobs all go through these functions, so the rules live in one place.
 */
import type { Letter } from '../../payload-types'
import { schemaId } from '../lib/schema'
import type { Payload, PayloadRequest, Where } from 'payload'
import { loadWorkingCalendar } from './calendar-store'
import { committerFor } from './group-commit'
import type { Clock } from './clock'
import { applyLetterCommand, newLetterSnapshot, type Actor, type Id, type LetterCommand, type LetterSnapshot, type LetterStatus } from './letter-workflow'
import { maskLetterForPublication } from './masking'
import { interactionPolicy, workingDaysForCategory } from './policy'
import { findInboxEntryByHash, trackingViewOfInboxEntry } from './letter-inbox'
import { generateQueryCode, hashQueryCode, parseQueryCode, phoneTailMatches } from './query-code'
import type { LetterSubmission } from './validation'

export const LETTERS = 'letters'
type Doc = Record<string, any>
/** The workflow fields come from docFieldsFromSnapshot, typed by the workflow (ids as number | string), not by the schema. */
type NewLetter = Omit<Letter, 'id' | 'createdAt' | 'updatedAt'>

export const relationIdOf = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

/** The workflow's view of a stored letter. */
export function snapshotFromDoc(doc: Doc): LetterSnapshot {
  const pending = doc.pendingTransfer && relationIdOf(doc.pendingTransfer.toOrganization) != null ? doc.pendingTransfer : null
  return {
    status: doc.status as LetterStatus,
    assignedOrganization: relationIdOf(doc.assignedOrganization),
    receivedAt: doc.receivedAt,
    deadline: doc.deadline,
    extended: Boolean(doc.extended),
    extensionReason: doc.extensionReason ?? null,
    pendingTransfer: pending
      ? {
          toOrganization: relationIdOf(pending.toOrganization)!,
          reason: pending.reason ?? '',
          requestedBy: relationIdOf(pending.requestedBy)!,
          requestedAt: pending.requestedAt,
        }
      : null,
    reply: doc.reply ?? null,
    repliedAt: doc.repliedAt ?? null,
    repliedBy: relationIdOf(doc.repliedBy),
    closedAt: doc.closedAt ?? null,
    rejectionReason: doc.rejectionReason ?? null,
    history: (doc.history ?? []).map((h: Doc) => ({ ...h, by: relationIdOf(h.by), organization: relationIdOf(h.organization), id: undefined })),
  }
}

/** The stored fields for a snapshot (the inverse of snapshotFromDoc). */
export function docFieldsFromSnapshot(snapshot: LetterSnapshot): Doc {
  return {
    status: snapshot.status,
    assignedOrganization: snapshot.assignedOrganization,
    receivedAt: snapshot.receivedAt,
    deadline: snapshot.deadline,
    extended: snapshot.extended,
    extensionReason: snapshot.extensionReason ?? null,
    pendingTransfer: snapshot.pendingTransfer ? { ...snapshot.pendingTransfer } : { toOrganization: null, reason: null, requestedBy: null, requestedAt: null },
    reply: snapshot.reply ?? null,
    repliedAt: snapshot.repliedAt ?? null,
    repliedBy: snapshot.repliedBy ?? null,
    closedAt: snapshot.closedAt ?? null,
    rejectionReason: snapshot.rejectionReason ?? null,
    history: snapshot.history.map(({ action, from, to, by, byName, at, note, organization }) => ({
      action,
      from,
      to,
      by,
      byName: byName ?? null,
      at,
      note: note ?? null,
      organization: organization ?? null,
    })),
  }
}

/** Masked copies for public pages and the search index, recomputed whenever the text changes. */
export function publicTextFields(doc: Doc): Doc {
  const masked = maskLetterForPublication({ subject: doc.subject ?? '', content: doc.content ?? '', reply: doc.reply ?? '', name: doc.name })
  return { publicSubject: masked.subject, publicContent: masked.content, publicReply: masked.reply }
}

export function isPubliclyVisibleLetter(doc: Doc): boolean {
  return Boolean(doc.publishable && doc.publication?.approved && (doc.status === 'replied' || doc.status === 'closed'))
}

/** The filter for letters the public may read (replied, writer consented, reviewer approved). */
export function publicLetterWhere(siteId?: Id): Where {
  return {
    and: [
      { publishable: { equals: true } },
      { 'publication.approved': { equals: true } },
      { status: { in: ['replied', 'closed'] } },
      ...(siteId != null ? [{ site: { equals: siteId } }] : []),
    ],
  }
}

export interface SubmitLetterInput {
  submission: LetterSubmission
  route: 'site' | 'mailbox' // 部门网站来信 / 市长信箱
  siteId: Id
  /** The unit a site letter goes to; null for the mayor's mailbox until the central office dispatches it. */
  organizationId: Id | null
  powNonce?: string
  clock: Clock
}

/**
 * Stores the letter directly (committed before this resolves) and returns its id and the one-time
 * query code. The public form acknowledges from the inbox instead (receiveLetter, letter-intake.ts);
 * this path is for callers that need the full letter at once (letters entered by staff, tests).
 */
export async function submitLetter(payload: Payload, input: SubmitLetterInput): Promise<{ id: Id; queryCode: string; deadline: string }> {
  const calendar = await loadWorkingCalendar(payload)
  const receivedAt = input.clock.now()
  const snapshot = newLetterSnapshot({
    receivedAt,
    workingDays: workingDaysForCategory(input.submission.category),
    calendar,
    assignedOrganization: input.route === 'site' ? input.organizationId : null,
  })
  for (let attempt = 0; ; attempt++) {
    const queryCode = generateQueryCode(interactionPolicy.tracking.queryCodeLength)
    try {
      const doc = await committerFor(payload).submit((req) => createLetterDoc(payload, { ...input, queryCodeHash: hashQueryCode(queryCode), snapshot, req }))
      return { id: doc.id, queryCode, deadline: snapshot.deadline }
    } catch (error) {
      // A clash of 59-bit codes is astronomically rare; retry once rather than lose the letter.
      if (attempt < 2 && /queryCodeHash|unique/i.test(String((error as Error)?.message)) && !/powNonce/.test(String((error as Error)?.message))) continue
      throw error
    }
  }
}

/**
 * The one place a letter document is created (directly or when promoting an inbox entry): Local
 * API with the letter's hooks (public masked text, search indexing) and the audit log.
 */
export async function createLetterDoc(
  payload: Payload,
  input: Pick<SubmitLetterInput, 'submission' | 'route' | 'siteId' | 'powNonce'> & { queryCodeHash: string; snapshot: LetterSnapshot; req?: PayloadRequest },
): Promise<Doc> {
  return (await payload.create({
    collection: LETTERS,
    overrideAccess: true,
    depth: 0,
    req: input.req,
    context: { letterInternal: true },
    data: {
      ...input.submission,
      // validation.ts accepts only the configured categories, which are the collection's options.
      category: input.submission.category as Letter['category'],
      email: input.submission.email ?? null,
      route: input.route,
      site: schemaId(input.siteId),
      queryCodeHash: input.queryCodeHash,
      powNonce: input.powNonce ?? null,
      ...docFieldsFromSnapshot(input.snapshot),
      publication: { approved: false },
    } as NewLetter,
  })) as Doc
}

export type TrackResult = { ok: true; letter: Doc } | { ok: false; error: string }

/** Finds a letter by its query code (and the phone's last four digits when the policy asks for them). */
export async function trackLetter(payload: Payload, codeInput: unknown, phoneTailInput?: unknown): Promise<TrackResult> {
  const parsed = parseQueryCode(codeInput, interactionPolicy.tracking.queryCodeLength)
  if (!parsed.ok) return parsed
  const notFound = { ok: false as const, error: '未找到该查询码对应的来信，请核对后重试 (no letter with this query code)' }
  const hash = hashQueryCode(parsed.code)
  const { docs } = await payload.find({ collection: LETTERS, where: { queryCodeHash: { equals: hash } }, limit: 1, depth: 1, overrideAccess: true })
  let letter = docs[0] as Doc | undefined
  if (!letter) {
    // Acknowledged but not yet promoted (letter-promotion.ts): the writer still sees it as received.
    const entry = await findInboxEntryByHash(payload, hash)
    if (entry) letter = await trackingViewOfInboxEntry(payload, entry)
  }
  if (!letter) return notFound
  const tailGiven = typeof phoneTailInput === 'string' && phoneTailInput.trim() !== ''
  if ((interactionPolicy.tracking.requirePhoneTailWhenPhoneGiven && letter.phone) || tailGiven) {
    if (!phoneTailMatches(letter.phone, phoneTailInput)) return notFound
  }
  return { ok: true, letter }
}

export function actorFromUser(user: unknown): Actor {
  const u = (user ?? {}) as Doc
  return { id: u.id, name: u.name ?? u.email, roles: Array.isArray(u.roles) ? u.roles : [], organization: relationIdOf(u.organization) }
}

/** Runs one workflow command on a stored letter as `user`; throws LetterTransitionError when refused. */
export async function runLetterCommand(
  payload: Payload,
  id: Id,
  command: LetterCommand,
  user: unknown,
  options: { clock: Clock; req?: PayloadRequest },
): Promise<Doc> {
  const doc = (await payload.findByID({ collection: LETTERS, id, depth: 0, overrideAccess: true, req: options.req })) as Doc
  const calendar = await loadWorkingCalendar(payload)
  const next = applyLetterCommand(snapshotFromDoc(doc), command, actorFromUser(user), {
    at: options.clock.now(),
    calendar,
    extensionWorkingDays: interactionPolicy.deadline.extensionWorkingDays,
  })
  return (await payload.update({
    collection: LETTERS,
    id,
    overrideAccess: true,
    req: options.req,
    context: { letterInternal: true },
    data: docFieldsFromSnapshot(next),
  })) as Doc
}

export const satisfactionLabels = { satisfied: '满意', 'basically-satisfied': '基本满意', unsatisfied: '不满意' } as const

/** The writer rates the reply, once, after it was given. */
export async function rateReply(
  payload: Payload,
  letter: Doc,
  value: keyof typeof satisfactionLabels,
  clock: Clock,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (letter.status !== 'replied' && letter.status !== 'closed') return { ok: false, error: '来信答复后才能评价 (you can rate the reply once it is given)' }
  if (letter.satisfaction?.value) return { ok: false, error: '您已评价过该答复 (you already rated this reply)' }
  await payload.update({
    collection: LETTERS,
    id: letter.id,
    overrideAccess: true,
    context: { letterInternal: true },
    data: { satisfaction: { value, at: clock.now().toISOString() } },
  })
  return { ok: true }
}
