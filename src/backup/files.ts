import { constants, copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'

/** Every regular file under `dir`, as forward-slash paths relative to it (symlinks are not followed). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort()
}

export function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0
}

/**
 * A hard link when possible: it costs no space and keeps the bytes even if the upload is deleted
 * while the backup runs (Payload replaces files, never rewrites them in place); a copy otherwise.
 */
export function linkOrCopy(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true })
  try {
    linkSync(source, target)
  } catch {
    copyFileSync(source, target, constants.COPYFILE_FICLONE)
  }
}

export function copyFile(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true })
  copyFileSync(source, target, constants.COPYFILE_FICLONE)
}

/** rename, or copy and delete across file systems. */
export function moveInto(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true })
  try {
    renameSync(source, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    cpSync(source, target, { recursive: true })
    rmSync(source, { recursive: true, force: true })
  }
}

/** A timestamp usable in file names. */
export const stamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')
