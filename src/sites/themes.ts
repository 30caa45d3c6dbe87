/**
 * Theme registry: every folder of `themes/` with a `theme.json` is a theme; `_base` supplies
 * whatever a theme does not. Templates are Liquid (liquidjs), chosen because
 *  - it escapes every `{{ }}` output by default (`outputEscape: 'escape'`), so a theme author
 *    has to write `| raw` to emit HTML, and only sanitised fields are meant for that;
 *  - templates cannot run arbitrary JavaScript, so a theme folder is data, not code;
 *  - `root: [theme, _base]` gives per-file fallback to the shared base for free.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, resolve, sep } from 'node:path'
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib'
import { Liquid } from 'liquidjs'
import { z } from 'zod'
import { compileTheme, UnsupportedTemplate } from './template-compiler'
import type { PageContext, PageType } from './view-models'

const CAPABILITY_PAGES = [
  'letter-form',
  'letter-received',
  'letter-track',
  'letter-status',
  'letters',
  'letter',
  'rating-form',
  'error-report',
  'notice',
  'search',
] as const
const PAGE_TYPES = [
  'home',
  'column',
  'article',
  'catalogue',
  'guides',
  'guide',
  'sitemap',
  'not-found',
  'error',
  'directory',
  'unknown-host',
  'generic',
  ...CAPABILITY_PAGES,
] as const

const manifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string().min(1),
  pages: z.array(z.enum(PAGE_TYPES)).default([]),
  styles: z.array(z.string()).default([]),
})
export type ThemeManifest = z.infer<typeof manifestSchema>

/** A static file of a theme, held in memory with its compressed variants. */
export interface ThemeAsset {
  url: string
  contentType: string
  body: Buffer
  gzip: Buffer
  br: Buffer
  etag: string
}

export interface Theme {
  manifest: ThemeManifest
  styleUrls: string[]
  scriptUrls: string[]
  render(type: PageType, context: PageContext): string
  /** Page types rendered by liquidjs itself because their templates use Liquid the compiler does not cover. */
  interpreted: PageType[]
}

export interface ThemeOptions {
  /** Render through template-compiler.ts (default); false: liquidjs for every page. */
  compiled?: boolean
}

export interface ThemeRegistry {
  names(): string[]
  get(name: string): Theme
  has(name: string): boolean
  /** Asset by its public URL (`/_theme/<theme>/<file>.<hash>.<ext>`); undefined for anything else. */
  asset(url: string): ThemeAsset | undefined
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export class ThemeError extends Error {}

export function loadThemes(themesDir: string, baseName = '_base', options: ThemeOptions = {}): ThemeRegistry {
  // Ignored by the bundler: a dynamic path makes Next trace (and read) the whole project, data/ included,
  // so a large database or media folder beside the code blew the admin build up to 13 GB.
  const root = resolve(/*turbopackIgnore: true*/ themesDir)
  const baseDir = join(/*turbopackIgnore: true*/ root, baseName)
  if (!existsSync(join(baseDir, 'layout.liquid'))) throw new ThemeError(`base theme missing: ${join(baseDir, 'layout.liquid')} not found`)
  const assets = new Map<string, ThemeAsset>()
  const baseAssets = collectAssets(baseDir, baseName, assets)
  const themes = new Map<string, Theme>()
  for (const entry of readdirSync(root)) {
    if (entry === baseName || !existsSync(join(root, entry, 'theme.json'))) continue
    const dir = join(root, entry)
    const manifest = readManifest(dir, entry)
    const own = collectAssets(dir, entry, assets)
    for (const page of manifest.pages) {
      if (!existsSync(join(dir, 'pages', `${page}.liquid`))) throw new ThemeError(`theme ${entry} declares page "${page}" but pages/${page}.liquid is missing`)
    }
    const lookup = (file: string) => own.get(file) ?? baseAssets.get(file)
    const styleUrls = ['base.css', ...manifest.styles].map((file) => {
      const url = lookup(file)
      if (!url) throw new ThemeError(`theme ${entry}: style ${file} not found in ${entry}/assets or ${baseName}/assets`)
      return url
    })
    const scriptUrls = [lookup('a11y.js')!].filter(Boolean)
    const engine = new Liquid({
      root: [dir, baseDir],
      extname: '.liquid',
      cache: templateCache(),
      outputEscape: 'escape',
      strictFilters: true,
      ownPropertyOnly: true,
      jsTruthy: true,
    })
    const asset = (file: unknown) => lookup(String(file)) ?? ''
    engine.registerFilter('asset', asset)
    // `{{ list | fragment: 'partials/x' | raw }}` renders partials/x with `home.unitSites` = list
    // once per list object and reuses the HTML. Only for site-level lists that view-model code
    // memoizes per site index (pages.ts `siteGroups`), so a new index (any site, column or
    // organization change, hook or poll) means a new object and a fresh render.
    const fragments = new WeakMap<object, Map<string, string>>()
    const fragment = (value: unknown, file: unknown) => {
      if (!value || typeof value !== 'object') return ''
      let byFile = fragments.get(value)
      if (!byFile) fragments.set(value, (byFile = new Map()))
      let html = byFile.get(String(file))
      if (html === undefined) byFile.set(String(file), (html = renderFile(String(file), { home: { unitSites: value } })))
      return html
    }
    engine.registerFilter('fragment', fragment)
    const compiled = options.compiled === false ? undefined : compileTheme(engine, { asset, fragment })
    // Which files compile is settled once, at load: an unsupported construct is found now, not on a request.
    const compiles = new Map<string, boolean>()
    const canCompile = (file: string) => {
      let ok = compiles.get(file)
      if (ok === undefined) {
        try {
          compiled!.compileFile(file)
          ok = true
        } catch (error) {
          if (!(error instanceof UnsupportedTemplate)) throw error
          ok = false
        }
        compiles.set(file, ok)
      }
      return ok
    }
    function renderFile(file: string, context: object): string {
      if (compiled && canCompile(file)) return compiled.renderFile(file, context as Record<string, unknown>)
      return engine.renderFileSync(file, context) as string
    }
    const available = PAGE_TYPES.filter((type) => existsSync(join(dir, 'pages', `${type}.liquid`)) || existsSync(join(baseDir, 'pages', `${type}.liquid`)))
    const interpreted = compiled ? available.filter((type) => !canCompile(`pages/${type}`)) : [...available]
    themes.set(entry, {
      manifest,
      styleUrls,
      scriptUrls,
      interpreted,
      render(type, context) {
        const extra = { theme: { name: manifest.name, styleUrls, scriptUrls } }
        return renderFile(`pages/${type}`, { ...context, ...extra })
      },
    })
  }
  if (!themes.size) throw new ThemeError(`no themes found in ${root}: each theme is a folder with theme.json`)
  return {
    names: () => [...themes.keys()].sort(),
    has: (name) => themes.has(name),
    get(name) {
      const theme = themes.get(name)
      if (!theme) throw new ThemeError(`unknown theme "${name}"; available: ${[...themes.keys()].join(', ')}`)
      return theme
    },
    asset: (url) => assets.get(url),
  }
}

/**
 * Parsed templates by file. liquidjs's default (`cache: true`) is an LRU whose every read unlinks
 * and relinks a node and `delete`s an object key — ≈ 3 % of an uncached page's CPU time for the
 * dozen includes a page makes. A theme's template files are a fixed, small set, so a plain Map
 * needs no eviction.
 */
type LiquidCache = Exclude<NonNullable<ConstructorParameters<typeof Liquid>[0]>['cache'], boolean | number | undefined>

function templateCache(): LiquidCache {
  const map = new Map<string, ReturnType<LiquidCache['read']>>()
  return {
    read: (key) => map.get(key),
    write: (key, value) => void map.set(key, value),
    remove: (key: string) => void map.delete(key),
  }
}

function readManifest(dir: string, folder: string): ThemeManifest {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8'))
  } catch (error) {
    throw new ThemeError(`theme ${folder}: theme.json is not valid JSON (${(error as Error).message})`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success)
    throw new ThemeError(`theme ${folder}: invalid theme.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  if (parsed.data.name !== folder) throw new ThemeError(`theme ${folder}: theme.json name "${parsed.data.name}" must equal its folder name`)
  return parsed.data
}

/**
 * Reads a theme's `assets/` once, content-hashes each file into its URL so it can be cached
 * for a year as immutable, and precompresses it. Returns file → URL for the template filter.
 */
function collectAssets(dir: string, themeName: string, into: Map<string, ThemeAsset>): Map<string, string> {
  const byFile = new Map<string, string>()
  const assetsDir = join(dir, 'assets')
  if (!existsSync(assetsDir)) return byFile
  for (const file of walk(assetsDir)) {
    const rel = relative(assetsDir, file).split(sep).join('/')
    const ext = extname(rel)
    const contentType = CONTENT_TYPES[ext]
    if (!contentType) continue
    const body = readFileSync(file)
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
    const url = `/_theme/${themeName}/${rel.slice(0, -ext.length)}.${hash}${ext}`
    into.set(url, {
      url,
      contentType,
      body,
      gzip: gzipSync(body, { level: 9 }),
      br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
      etag: `"${hash}"`,
    })
    byFile.set(rel, url)
  }
  return byFile
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}
