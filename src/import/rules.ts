import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * Extraction rules are data: one JSON file per source layout under ./rules (CSS selectors). A
 * central office adds a file for a home-grown CMS instead of changing code.
 */
export const RuleSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  match: z.object({ selector: z.string().optional(), url: z.string().optional() }),
  title: z.string().optional(),
  date: z.string().optional(),
  source: z.string().optional(),
  body: z.string(),
  attachments: z.string().optional(),
  column: z.string().optional(),
})
export type ExtractionRule = z.infer<typeof RuleSchema>

const MetadataSchema = z.object({
  tags: z.record(z.string(), z.array(z.string())),
  disclosureLabels: z.record(z.string(), z.array(z.string())),
})

const rulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules')

export function loadRules(extraFiles: string[] = []): ExtractionRule[] {
  const shipped = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.json') && f !== 'metadata.json')
    .map((f) => path.join(rulesDir, f))
  // A site's own rules come first: they know its layout better than the shipped generic ones.
  return [...extraFiles, ...shipped].map((file) => {
    const parsed = RuleSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (!parsed.success) throw new Error(`extraction rule ${file} is invalid: ${parsed.error.message}`)
    return parsed.data
  })
}

export const metadata = MetadataSchema.parse(JSON.parse(readFileSync(path.join(rulesDir, 'metadata.json'), 'utf8')))
