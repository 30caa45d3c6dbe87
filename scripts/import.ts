/**
 * Site import // 站点迁移 (docs/import.md):
 *   npm run import -- --site <code> --from <url|folder|feed> [--dry-run] [--mapping file.json]
 *                     [--unmatched create|refuse] [--rate n] [--max-pages n] [--max-depth n]
 *                     [--rules rule.json] [--report report.xlsx]
 * A dry run writes nothing and prints the column mapping to edit into --mapping.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'
import { progressPrinter } from './progress'

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    from: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    mapping: { type: 'string' },
    unmatched: { type: 'string', default: 'refuse' },
    rate: { type: 'string', default: '5' },
    'max-pages': { type: 'string', default: '5000' },
    'max-depth': { type: 'string', default: '6' },
    rules: { type: 'string', multiple: true },
    report: { type: 'string' },
  },
})

if (!values.site || !values.from || !['create', 'refuse'].includes(values.unmatched!)) {
  console.error(
    'usage: npm run import -- --site <code> --from <url|folder|feed> [--dry-run] [--mapping file] [--unmatched create|refuse] [--rate n] [--max-pages n]',
  )
  process.exit(2)
}

const { default: config } = await import('@payload-config')
const { runImport, ImportRefused } = await import('../src/import')
const payload = await getPayload({ config })
const maxPages = Number(values['max-pages'])
// The page total is unknown while crawling: the bar runs against the --max-pages bound.
const bar = progressPrinter()
try {
  const report = await runImport(payload, {
    site: values.site,
    from: values.from,
    dryRun: values['dry-run'],
    mappingFile: values.mapping,
    unmatched: values.unmatched as 'create' | 'refuse',
    ruleFiles: values.rules,
    crawl: { rate: Number(values.rate), maxPages, maxDepth: Number(values['max-depth']) },
    onProgress: (r) => bar.update(values['dry-run'] ? 'dry run' : 'import', r.counts.seen, maxPages),
  })
  bar.stop()
  console.log(report.summary())
  if (values['dry-run']) console.log('column mapping (edit and pass with --mapping):\n' + JSON.stringify({ columns: report.columns }, null, 2))
  const file = values.report ?? `import-${values.site}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.xlsx`
  writeFileSync(file, await report.toXlsx())
  console.log(`report: ${file}`)
  process.exit(0)
} catch (error) {
  bar.stop()
  if (error instanceof ImportRefused) {
    console.error(`import refused, nothing written: ${error.message}`)
    process.exit(1)
  }
  throw error
}
