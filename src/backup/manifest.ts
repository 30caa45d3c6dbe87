import { createHash } from 'node:crypto'
import { createReadStream, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { DatabaseKind } from '../db/adapter'

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_FORMAT = 1

export interface CollectionCount {
  docs: number
  /** Rows of the collection's versions table, when it has versions. */
  versions?: number
}

const fileEntry = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type FileEntry = z.infer<typeof fileEntry>

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  database: z.object({ kind: z.enum(['sqlite', 'postgres', 'mongodb']), file: z.string() }),
  media: z.object({ included: z.boolean(), files: z.number().int().nonnegative(), reason: z.string().optional() }),
  search: z.object({ included: z.boolean(), file: z.string().optional(), reason: z.string().optional() }),
  counts: z.record(z.string(), z.object({ docs: z.number().int().nonnegative(), versions: z.number().int().nonnegative().optional() })),
  files: z.array(fileEntry),
})
export type Manifest = z.infer<typeof manifestSchema> & { database: { kind: DatabaseKind } }

/** A path inside a backup: relative, forward slashes, never leaving the backup. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.includes('\\') || p.includes('\0') || path.posix.isAbsolute(p)) return false
  return path.posix.normalize(p) === p && !p.split('/').includes('..')
}

export function parseManifest(text: string, where: string): Manifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new BackupError(`${where} is not valid JSON: ${(error as Error).message}`)
  }
  const result = manifestSchema.safeParse(json)
  if (!result.success)
    throw new BackupError(
      `${where} is not a SiteGroup backup manifest (format ${MANIFEST_FORMAT}): ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  const unsafe = result.data.files.find((f) => !isSafeRelativePath(f.path))
  if (unsafe) throw new BackupError(`${where} names a file outside the backup: ${JSON.stringify(unsafe.path)}`)
  return result.data as Manifest
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new BackupError(`${file} is missing: not a SiteGroup backup`)
  }
  return parseManifest(text, file)
}

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** Errors the operator can act on: the CLIs print the message alone, without a stack. */
export class BackupError extends Error {
  override name = 'BackupError'
}
