/** The letter inbox's bulk insert on MongoDB (a replica set), when MONGODB_URI names one; skipped with the reason otherwise. */
import { describe } from 'vitest'
import { bootInteractionPayload } from './helpers/boot'
import { inboxBulkCases } from './helpers/inbox-bulk-cases'

const server = process.env.MONGODB_URI
if (!server) console.warn('SKIPPED: MongoDB bulk inbox insert — MONGODB_URI is not set (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0)')

describe.skipIf(!server)('letter inbox bulk insert (MongoDB)', () =>
  inboxBulkCases(() => {
    const url = new URL(server!)
    url.pathname = `/t_inbox_bulk_${process.pid}_${Date.now().toString(36)}`
    return bootInteractionPayload('inbox-bulk-mongo', { databaseUri: url.toString() })
  }, 'mongoose'),
)
