import { describe, it } from 'vitest'
import { MeilisearchEngine } from '../../src/search/index'
import { defineSearchContract } from './contract'

const host = process.env.MEILI_HOST
const reason = 'MEILI_HOST is not set: the Meilisearch contract run needs a server (translation is unit-tested in meilisearch-translate.test.ts)'

if (host) {
  // A dedicated index so the contract's clear() never touches real data.
  defineSearchContract(`meilisearch at ${host}`, async () => {
    const engine = new MeilisearchEngine({ host, apiKey: process.env.MEILI_MASTER_KEY, indexUid: `contract-${process.pid}` })
    await engine.ensureIndex()
    return engine
  })
} else {
  console.info(`[skipped] ${reason}`)
  // Recorded as one skipped test so the report shows the run that did not happen, and why.
  describe.skipIf(!host)('search contract: meilisearch', () => {
    it(reason, () => {})
  })
}
