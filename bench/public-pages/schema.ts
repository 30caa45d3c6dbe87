/**
 * The bench database is seeded once and served with schema push off (a push that rebuilds a
 * table of 200,000 articles fails or takes minutes), so collections, fields and indexes added to
 * the code after it was built would be missing: the server would fail on a new table, or the
 * bench would measure without an index production has (there, migrations create it). This runs
 * Drizzle's schema diff (what Payload's dev push runs) and applies only its additive statements
 * — new tables, new columns, new indexes — then refreshes the planner's statistics for the
 * tables it touched. Anything else (a table rebuild, a drop) is reported, not applied: rebuild
 * the bench database for those. SQLite only, like the bench database.
 */
import type { Payload } from 'payload'

const ADDITIVE = /^\s*(CREATE TABLE `(?!__new_)|CREATE (UNIQUE )?INDEX|ALTER TABLE `[^`]+` ADD )/i

export async function applyAdditiveSchema(payload: Payload): Promise<{ applied: string[]; skipped: string[] }> {
  const adapter = payload.db as unknown as {
    schema?: unknown
    drizzle?: unknown
    client?: { execute: (sql: string) => Promise<unknown> }
    requireDrizzleKit?: () => { pushSchema: (schema: unknown, drizzle: unknown) => Promise<{ statementsToExecute: string[] }> }
  }
  if (!adapter.requireDrizzleKit || !adapter.client) throw new Error('applyAdditiveSchema needs the SQLite adapter (the bench database is a SQLite file)')
  const diff = adapter.requireDrizzleKit().pushSchema(adapter.schema, adapter.drizzle)
  // Drizzle asks on the terminal when a change could be a rename; a bench must not hang on it.
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('the schema diff asks a question (a rename?): rebuild the bench database (delete data/bench/*.db)')), 60_000).unref(),
  )
  const { statementsToExecute } = await Promise.race([diff, timeout])
  const applied: string[] = []
  const skipped: string[] = []
  const touched = new Set<string>()
  for (const statement of statementsToExecute) {
    if (!ADDITIVE.test(statement)) {
      skipped.push(statement.split('\n')[0].slice(0, 120))
      continue
    }
    try {
      await adapter.client.execute(statement)
      applied.push(statement.split('\n')[0].slice(0, 120))
      const table = /(?:ON|TABLE) `([^`]+)`/i.exec(statement)?.[1]
      if (table && /INDEX/i.test(statement)) touched.add(table)
    } catch (error) {
      skipped.push(`${statement.split('\n')[0].slice(0, 100)} (${(error as Error).message})`)
    }
  }
  for (const table of touched) await adapter.client.execute(`ANALYZE \`${table}\``)
  return { applied, skipped }
}
