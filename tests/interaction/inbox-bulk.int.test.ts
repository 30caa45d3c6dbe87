/** The letter inbox's bulk insert on the test database (SQLite, or PostgreSQL when TEST_DATABASE_URI says so). */
import { describe } from 'vitest'
import { bootInteractionPayload } from './helpers/boot'
import { inboxBulkCases } from './helpers/inbox-bulk-cases'

describe('letter inbox bulk insert (test database)', () => inboxBulkCases(() => bootInteractionPayload('inbox-bulk')))
