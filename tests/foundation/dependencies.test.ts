/**
 * The declared dependencies are exactly what is used: what the server imports is under
 * `dependencies` (so `npm ci --omit=dev && npm start` has it), what only tests and benchmarks
 * import is under `devDependencies`, and nothing is declared that nothing uses.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  engines: { node: string }
}

/** Used without an import statement in our code; each with the reason. */
const IMPLICIT_RUNTIME: Record<string, string> = {
  'react-dom': 'Next renders the admin with it',
  graphql: "Payload's GraphQL route (src/app/(payload)/api/graphql) needs it as a peer",
  '@payloadcms/graphql': 'the GraphQL route handlers @payloadcms/next exports load it',
}
const IMPLICIT_DEV: Record<string, string> = {
  typescript: '`npm run typecheck` and next build',
  eslint: '`npm run lint`',
  prettier: '`npm run format:check`',
  'axe-core': 'the browser tests inject axe.min.js by file path',
}

const RUNTIME_ROOTS = ['src', 'collections', 'scripts', 'payload.config.ts', 'next.config.mjs']
const DEV_ROOTS = ['tests', 'bench', 'vitest.config.ts', 'eslint.config.js']
const SOURCE = /\.(?:[cm]?[jt]sx?)$/
// Only real module specifiers: an import/export clause is names, braces and commas up to `from`.
const SPECIFIERS = [
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s+['"]([^'"]+)['"]/g,
  /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /--import['",\s]+(tsx)\b/g, // worker bootstraps and npm scripts load tsx as a Node loader
]

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .flatMap((name) => (name === 'node_modules' || name.startsWith('.') ? [] : files(join(path, name))))
    .filter((f) => SOURCE.test(f))
}

function packagesImportedBy(roots: string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of roots.flatMap(files)) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of SPECIFIERS) {
      for (const [, specifier] of text.matchAll(pattern)) {
        if (/^(?:\.|\/|node:|@payload-config|@\/)/.test(specifier)) continue
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
        if (!found.has(name)) found.set(name, file)
      }
    }
  }
  return found
}

describe('declared dependencies', () => {
  const runtime = packagesImportedBy(RUNTIME_ROOTS)
  const dev = packagesImportedBy(DEV_ROOTS)

  it('declares every package the server imports under dependencies', () => {
    const missing = [...runtime].filter(([name]) => !pkg.dependencies[name]).map(([name, file]) => `${name} (imported by ${file})`)
    expect(missing).toEqual([])
  })

  it('declares every package only tests and benchmarks import, under either list', () => {
    const missing = [...dev].filter(([name]) => !pkg.dependencies[name] && !pkg.devDependencies[name]).map(([name, file]) => `${name} (imported by ${file})`)
    expect(missing).toEqual([])
  })

  it('keeps under dependencies only what the server uses', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !runtime.has(name) && !IMPLICIT_RUNTIME[name])).toEqual([])
  })

  it('keeps under devDependencies only what tests, benchmarks and the type check use', () => {
    const unused = Object.keys(pkg.devDependencies).filter((name) => {
      if (IMPLICIT_DEV[name] || dev.has(name)) return false
      const typed = /^@types\/(.+)$/.exec(name)?.[1]
      return !(typed && (typed === 'node' || runtime.has(typed) || dev.has(typed) || pkg.dependencies[typed]))
    })
    expect(unused).toEqual([])
  })

  it('asks for a Node that every dependency runs on', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string }; optional?: boolean }> }
    const lowest = semver.minVersion(pkg.engines.node)!
    const unmet = Object.entries(lock.packages)
      .filter(([path, info]) => path && !info.optional && info.engines?.node && !semver.satisfies(lowest, info.engines.node))
      .map(([path, info]) => `${path.replace(/^.*node_modules\//, '')} needs node ${info.engines!.node}`)
    expect(unmet).toEqual([])
  })
})
