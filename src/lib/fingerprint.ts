import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** A hash of files and folders, to tell whether something built from them is out of date. */
export function fingerprint(inputs: string[], salt = ''): string {
  const hash = createHash('sha256').update(salt)
  const walk = (p: string) => {
    if (!existsSync(p)) return
    if (statSync(p).isDirectory()) for (const entry of readdirSync(p).sort()) walk(path.join(p, entry))
    else hash.update(p).update(readFileSync(p))
  }
  inputs.forEach(walk)
  return hash.digest('hex')
}

/** What the admin build (`next build`) compiles: Payload's config and everything it imports. */
export const ADMIN_BUILD_INPUTS = ['payload.config.ts', 'next.config.mjs', 'collections', 'globals', 'src', 'migrations', 'package-lock.json']
