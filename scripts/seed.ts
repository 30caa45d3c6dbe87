/**
 * npm run seed -- --preset yulin --articles 100000 [--seed 1] [--structure-only]
 * Seeds a preset into an empty database, or only adds articles when the structure exists.
 */

import '../src/lib/entry' // first: Node 20 deadlocks on lexical's entry points without it (see module-conditions)
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'
import config from '@payload-config'
import { isEmpty, planPreset, seedArticles, seedStructure } from '../src/seed'
import { progressPrinter } from './progress'
import { explainStalledExit } from '../src/lib/stall-guard'

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: process.env.PRESET || 'yulin' },
    articles: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
  },
})
const count = Number(values.articles)
if (!Number.isInteger(count) || count < 0) {
  console.error(`--articles must be a whole number ≥ 0, got "${values.articles}"`)
  process.exit(2)
}
try {
  planPreset(values.preset!) // a mistyped or broken preset fails before Payload starts
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
process.env.JOBS_AUTORUN = 'false'
explainStalledExit('Seeding')
const payload = await getPayload({ config })
const progress = progressPrinter()
const t0 = Date.now()
if (await isEmpty(payload)) await seedStructure(payload, planPreset(values.preset!), progress.update)
else
  console.log(
    `Structure already present (preset "${(await payload.findGlobal({ slug: 'group-settings', overrideAccess: true })).preset}"): adding articles only.`,
  )
await seedArticles(payload, { count, seed: Number(values.seed), onProgress: (d, t) => progress.update('articles', d, t) })
progress.stop()
console.log(`Seeded ${values.preset} with ${count} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
process.exit(0)
