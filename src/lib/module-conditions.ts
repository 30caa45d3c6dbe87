/**
 * A Node 20 defect and its fix. Lexical's Node entry points (`lexical/dist/*.node.mjs`, loaded
 * through @payloadcms/richtext-lexical) choose their dev or prod build with a top-level
 * `await import()`. Node 20 deadlocks on dozens of such imports evaluated in one large graph: the
 * process exits with code 13 ("unsettled top-level await") or hangs — 6 of 8 plain imports here.
 * With the `production` export condition Node resolves each lexical package straight to its prod
 * build, which has no top-level await (no stall in any run since). `.npmrc` sets the condition for
 * every npm script and the processes they start; entry scripts import `./entry` first so one
 * started some other way (`npx tsx scripts/seed.ts`) restarts itself with it.
 */
export const PRODUCTION_CONDITION = '--conditions=production'

export function hasProductionCondition(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].join(' ')
  return /(--conditions|-C)[= ]production\b/.test(flags)
}
