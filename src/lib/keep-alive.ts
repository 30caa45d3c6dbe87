/**
 * Imported first by every entry script. Node 20 sometimes stops while evaluating
 * @payloadcms/richtext-lexical's module graph: either it finds its event loop empty and exits with
 * code 13 ("unsettled top-level await"), or loading never finishes. Payload's maintainers report the
 * same for lexical imports. The timer keeps the loop alive while modules load; if loading has not
 * finished after 90 s the process exits with code 13, which the callers (scripts/supervise.mjs,
 * the test template seeding) retry. Entry scripts call releaseKeepAlive() once their imports are done.
 */
const LIMIT_MS = 90_000 // normal loading takes 6–17 s here, up to ~40 s under heavy load
const arm = () =>
  setTimeout(() => {
    console.error(`Module loading did not finish within ${LIMIT_MS / 1000} s (a known Node 20 stall on Payload's lexical modules); exiting with code 13 so it can be retried.`)
    process.exit(13)
  }, LIMIT_MS)
let timer = arm()

export function releaseKeepAlive(): void {
  clearTimeout(timer)
}

/** Starts the watch again (after other long work, e.g. a build, before loading Payload). */
export function armKeepAlive(): void {
  clearTimeout(timer)
  timer = arm()
}
