// The search takes its sources: nothing under src/search may import the sites, access or
// interaction capabilities (statically, dynamically or for types), so the engine, the bench and
// the query workers load without them and a page change never has to touch the search.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SEARCH_DIR = path.resolve('src/search')
const FORBIDDEN = ['sites', 'access', 'interaction']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [full] : []
  })
}

/** Every module specifier of a file: static and dynamic imports, re-exports and require calls. */
function specifiers(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g)) found.push(match[2]!)
  return found
}

/** The capability folder under src/ a specifier of `file` lands in, if any. */
function capabilityOf(file: string, specifier: string): string | undefined {
  const target = specifier.startsWith('.')
    ? path.resolve(path.dirname(file), specifier)
    : specifier.startsWith('@/')
      ? path.resolve('src', specifier.slice(2))
      : undefined
  if (!target) return undefined
  const relative = path.relative(path.resolve('src'), target)
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0]
}

describe('src/search imports', () => {
  it('reads the specifiers it checks (the scan itself works)', () => {
    const file = path.join(SEARCH_DIR, 'http', 'page.ts')
    const text = `import a from '../../sites'\nconst b = await import('../../access/index')\nimport type { C } from "../../interaction"`
    expect(specifiers(text).map((s) => capabilityOf(file, s))).toEqual(['sites', 'access', 'interaction'])
    expect(capabilityOf(path.join(SEARCH_DIR, 'indexer.ts'), './sources')).toBe('search')
  })

  it('imports neither sites, access nor interaction', () => {
    const files = sourceFiles(SEARCH_DIR)
    expect(files.length).toBeGreaterThan(10)
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => FORBIDDEN.includes(capabilityOf(file, specifier) ?? ''))
        .map((specifier) => `${path.relative(process.cwd(), file)} → ${specifier}`),
    )
    expect(offending).toEqual([])
  })
})
