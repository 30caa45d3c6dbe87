import type { Access } from 'payload'
import { centralAdminOnly, nobody } from '../../src/access'

// The inbox holds unprocessed letters with the writer's personal data: only the central office
// sees it (normally it is empty within seconds; what stays is what needs their attention).
// Rows are written by the public form through the database adapter, never through the API.
export const readLetterInbox: Access = centralAdminOnly
export const createLetterInbox: Access = nobody
export const updateLetterInbox: Access = centralAdminOnly
// Deleting an entry discards a citizen's letter: only the central office may, e.g. for spam.
export const deleteLetterInbox: Access = centralAdminOnly
