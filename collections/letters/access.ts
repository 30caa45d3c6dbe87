import type { Access, FieldAccess } from 'payload'
import { centralAdminOnly, centralOrOwn, isCentralAdmin } from '../../src/access'

// The public never reads letters through the API: the tracking page (query code) and the
// published-letter pages read them through the Local API with masking. Staff see the queue of
// the unit the letter is assigned to; reviewers of that unit approve publication.
export const readLetters: Access = centralOrOwn('assignedOrganization', 'letter-handler', 'reviewer')
export const updateLetters: Access = centralOrOwn('assignedOrganization', 'letter-handler', 'reviewer')
// Letters come in through the public form (Local API); the central office may enter one received by post.
export const createLetters: Access = centralAdminOnly
// A letter is never lost: invalid ones are rejected with a reason, not deleted. Only the central office may purge.
export const deleteLetters: Access = centralAdminOnly

/** Secrets of the tracking machinery: not even staff need them. */
export const centralOnlyField: FieldAccess = ({ req }) => isCentralAdmin(req.user)
