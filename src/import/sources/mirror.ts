import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Fetched } from '../http'
import type { ImportSource, SourcePage } from './types'

const PAGE = /\.(s?html?|jsp|aspx?|php)$/i

/**
 * A folder as `wget --mirror` leaves it (`<folder>/<host>/<path>`), or an archived copy of the
 * site's document root. Paths below the folder are the old site's paths.
 */
export class MirrorSource implements ImportSource {
  readonly origin: string
  private readonly root: string

  constructor(folder: string, originOverride?: string) {
    const resolved = path.resolve(folder)
    const entries = existsSync(resolved) ? readdirSync(resolved) : []
    // wget puts everything under one folder named after the host.
    const hostDir =
      entries.length === 1 && /^[\w.-]+\.[a-z]{2,}(:\d+)?$/i.test(entries[0]) && statSync(path.join(resolved, entries[0])).isDirectory()
        ? entries[0]
        : undefined
    this.root = hostDir ? path.join(resolved, hostDir) : resolved
    this.origin = originOverride ? new URL(originOverride).origin : `http://${hostDir ?? 'legacy.invalid'}`
  }

  async check(): Promise<string | null> {
    return existsSync(this.root) && statSync(this.root).isDirectory() ? null : `mirror folder ${this.root} does not exist`
  }

  async *pages(): AsyncIterable<SourcePage> {
    for (const file of walk(this.root)) {
      if (!PAGE.test(file)) continue
      const relative = path.relative(this.root, file).split(path.sep).join('/')
      yield { ok: true, url: `${this.origin}/${relative}`, contentType: '', bytes: readFileSync(file) }
    }
  }

  async asset(url: string): Promise<Fetched> {
    const parsed = new URL(url)
    if (parsed.origin !== this.origin) return { ok: false, url, reason: `outside the mirror: ${url}` }
    const file = path.join(this.root, decodeURIComponent(parsed.pathname))
    if (!file.startsWith(this.root) || !existsSync(file) || !statSync(file).isFile()) return { ok: false, url, reason: 'missing from the mirror' }
    return { ok: true, url, status: 200, contentType: '', bytes: readFileSync(file) }
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}
