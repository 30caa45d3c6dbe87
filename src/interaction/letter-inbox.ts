/**
 * The letter inbox (来信收件箱, collections/letter-inbox): what an acknowledged public letter looks
 * like before it is promoted into a full letter, and how the tracking page reads it meanwhile.
 * Writing is in letter-intake.ts, promotion in letter-promotion.ts.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { Id } from './letter-workflow'
import type { LetterSubmission } from './validation'

export const LETTER_INBOX = 'letter-inbox'

export type InboxState = 'pending' | 'needs-attention'

export interface InboxEntry {
  id: Id
  state: InboxState
  problem?: string | null
  attempts?: number | null
  route: 'site' | 'mailbox'
  /** Ids as text (see collections/letter-inbox): a deleted site must not erase where the letter was going. */
  targetSite: string
  targetOrganization?: string | null
  receivedAt: string
  deadline: string
  submission: LetterSubmission
  queryCodeHash: string
  powNonce?: string | null
  addressHash?: string | null
}

/** An id stored as text, back in the adapter's id type (numbers on SQL, strings on MongoDB). */
export function idFromText(payload: Payload, text: string | null | undefined): Id | null {
  if (text === null || text === undefined || text === '') return null
  return payload.db.defaultIDType === 'number' && /^\d+$/.test(text) ? Number(text) : text
}

export async function findInboxEntryByHash(payload: Payload, queryCodeHash: string, req?: PayloadRequest): Promise<InboxEntry | null> {
  const { docs } = await payload.find({
    collection: LETTER_INBOX,
    where: { queryCodeHash: { equals: queryCodeHash } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return (docs[0] as unknown as InboxEntry | undefined) ?? null
}

/**
 * What the writer's tracking page shows for a letter still in the inbox: received, with the
 * deadline computed at receipt and the unit it is addressed to. Entries that need the central
 * office's attention look the same to the writer: the letter is received; fixing it is internal.
 */
export async function trackingViewOfInboxEntry(payload: Payload, entry: InboxEntry): Promise<Record<string, any>> {
  const organizationId = idFromText(payload, entry.targetOrganization)
  const organization =
    organizationId == null
      ? null
      : await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, disableErrors: true })
  const s = entry.submission ?? ({} as LetterSubmission)
  return {
    id: null,
    inInbox: true,
    status: 'received',
    route: entry.route,
    site: idFromText(payload, entry.targetSite),
    subject: s.subject,
    category: s.category,
    content: s.content,
    name: s.name,
    phone: s.phone,
    email: s.email ?? null,
    publishable: Boolean(s.publishable),
    receivedAt: entry.receivedAt,
    deadline: entry.deadline,
    extended: false,
    assignedOrganization: organization ? { id: (organization as { id: Id }).id, name: (organization as { name?: string }).name ?? '' } : null,
    history: [],
  }
}
