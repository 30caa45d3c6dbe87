import { createReadStream, statSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import * as tar from 'tar'
import { BackupError } from './manifest'
import type { Progress } from './sqlite'

/** Packs the listed files (relative to `dir`) into one gzip-compressed tar. */
export async function packArchive(dir: string, files: string[], target: string, onProgress: Progress = () => {}): Promise<void> {
  let done = 0
  onProgress('archive', 0, files.length)
  await tar.c({ gzip: true, file: target, cwd: dir, portable: true, onWriteEntry: () => onProgress('archive', ++done, files.length) }, files)
}

/**
 * Unpacks into `dir` only plain files and directories: links and devices are skipped (and then
 * reported missing by the checksum pass), and tar refuses absolute paths and `..` on its own.
 */
export async function unpackArchive(archive: string, dir: string, onProgress: Progress = () => {}): Promise<void> {
  const total = statSync(archive).size
  let read = 0
  const source = createReadStream(archive)
  source.on('data', (chunk) => onProgress('unpack', (read += chunk.length), total))
  try {
    await pipeline(
      source,
      tar.x({ cwd: dir, strict: true, filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory') }),
    )
  } catch (error) {
    throw new BackupError(`${archive} is not a readable backup archive: ${(error as Error).message}`)
  }
}
