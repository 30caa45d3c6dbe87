/**
 * Node exits with code 13 when the top-level await never settles and nothing is left to run: in
 * practice Payload's development schema push waiting for an answer to a data-loss or rename
 * question that nobody can give. Say so instead of exiting silently.
 */
export function explainStalledExit(what: string): void {
  process.on('exit', (code) => {
    if (code !== 13) return
    console.error(
      `\n${what} stopped waiting for an answer: the development schema push needs a decision on this existing database.\n` +
        'Run it once in a terminal to answer, use a fresh DATABASE_URI, or start in production mode (npm start), which applies migrations instead.',
    )
  })
}
