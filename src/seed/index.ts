import type { Payload } from 'payload'
import { seedArticles, type SeedArticlesOptions } from './articles'
import { planPreset } from './preset'
import { seedStructure, type Progress } from './structure'

/** Demo data for any preset and any size: the structure through the Local API, articles in bulk. */
export async function seedPreset(payload: Payload, options: { preset: string; articles: number; seed?: number; onProgress?: Progress; now?: Date }) {
  const plan = planPreset(options.preset)
  const structure = await seedStructure(payload, plan, options.onProgress)
  const articles = await seedArticles(payload, {
    count: options.articles,
    seed: options.seed,
    now: options.now,
    onProgress: (done, total) => options.onProgress?.('articles', done, total),
  })
  return { ...structure, articles, demoPassword: plan.demoPassword, demoAccounts: plan.demoAccounts }
}

/** An empty database (no organizations yet) is seeded on start. */
export async function isEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'organizations', overrideAccess: true })
  return totalDocs === 0
}

export { planPreset, seedArticles, seedStructure, type SeedArticlesOptions, type Progress }
export type { PlannedColumn, PlannedOrganization, PlannedSite, PresetPlan } from './preset'
