/**
 * Imported first by every entry script. Node 20 sometimes finds its event loop empty while it is
 * still evaluating @payloadcms/richtext-lexical's module graph and exits with code 13 ("unsettled
 * top-level await") — reproduced here with a plain `import` in 6 of 8 runs; Payload's maintainers
 * report the same (lexical imports "frequently" exit early). A pending timer keeps the loop alive
 * until loading is done; entry scripts that end on their own call releaseKeepAlive().
 */
const timer = setInterval(() => {}, 60_000)

export function releaseKeepAlive(): void {
  clearInterval(timer)
}
