/**
 * What an upload is, decided by its bytes (file-type) rather than its name or the browser's
 * claim: the allowed types, the extension that must match, the size limit of its kind, image
 * dimensions read from the header before anything is decoded, SVG sanitised, raster images
 * re-encoded so nothing rides along after the picture (HTML, script, EXIF).
 */
import { fileTypeFromBuffer } from 'file-type'
import sharp, { type Metadata } from 'sharp'
import { fileExtension, normalizeFilename } from './filenames'
import { uploadTypes, type SecurityPolicy, type UploadType } from './policy'
import { sanitizeSvg, SvgRefused } from './svg'

export type UploadRefusalKey =
  | 'uploadEmpty'
  | 'uploadNoExtension'
  | 'uploadUnknownType'
  | 'uploadTypeNotAllowed'
  | 'uploadExtensionMismatch'
  | 'uploadTooLarge'
  | 'uploadImageTooLarge'
  | 'uploadCorrupt'
  | 'uploadSvgRefused'

export class UploadRefused extends Error {
  constructor(
    readonly key: UploadRefusalKey,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(vars)}`)
  }
}

export interface IncomingUpload {
  data: Buffer
  name: string
  mimetype?: string
}

export interface CheckedUpload {
  data: Buffer
  name: string
  mimetype: string
  kind: UploadType['kind']
  width?: number
  height?: number
  /** What the SVG sanitiser removed (empty for other types). */
  removed: string[]
}

const RASTER_FORMATS: Record<string, 'jpeg' | 'png' | 'webp' | 'gif'> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10

export async function checkUpload(file: IncomingUpload, policy: SecurityPolicy): Promise<CheckedUpload> {
  const rules = policy.uploads
  if (!file.data?.length) throw new UploadRefused('uploadEmpty')
  const name = normalizeFilename(file.name, rules.maxFilenameLength, rules.maxFilenameBytes)
  const ext = fileExtension(name)
  if (!ext) throw new UploadRefused('uploadNoExtension', { name })

  const detected = await fileTypeFromBuffer(file.data).catch(() => undefined)
  let mime = detected?.mime as string | undefined
  if (!mime || mime === 'application/xml') mime = looksLikeSvg(file.data) ? 'image/svg+xml' : mime
  if (!mime) throw new UploadRefused('uploadUnknownType', { name })
  const type = uploadTypes(policy).find((t) => t.mime === mime)
  if (!type) throw new UploadRefused('uploadTypeNotAllowed', { type: mime })
  if (!type.extensions.includes(ext)) throw new UploadRefused('uploadExtensionMismatch', { ext, type: mime, expected: type.extensions.join(', ') })
  const limit = rules.kinds[type.kind].maxBytes
  if (file.data.length > limit) throw new UploadRefused('uploadTooLarge', { size: mb(file.data.length), limit: mb(limit) })

  if (type.kind === 'vector') {
    try {
      const { svg, removed } = await sanitizeSvg(file.data)
      return { data: Buffer.from(svg, 'utf8'), name, mimetype: mime, kind: type.kind, removed }
    } catch (error) {
      if (error instanceof SvgRefused) throw new UploadRefused('uploadSvgRefused', { reason: error.reason })
      throw error
    }
  }
  if (type.kind === 'image') {
    const image = await rasterImage(file.data, mime, rules)
    return { ...image, name, mimetype: mime, kind: type.kind, removed: [] }
  }
  return { data: file.data, name, mimetype: mime, kind: type.kind, removed: [] }
}

/** Header first (no pixels decoded), then a bounded decode and re-encode in the same format. */
async function rasterImage(data: Buffer, mime: string, rules: SecurityPolicy['uploads']) {
  let meta: Metadata
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw new UploadRefused('uploadCorrupt')
  }
  const width = meta.width ?? 0
  const height = meta.pageHeight ?? meta.height ?? 0
  const frames = meta.pages ?? 1
  if (!width || !height) throw new UploadRefused('uploadCorrupt')
  if (width > rules.maxSide || height > rules.maxSide || width * height * frames > rules.maxPixels) {
    throw new UploadRefused('uploadImageTooLarge', { width, height, maxPixels: rules.maxPixels, maxSide: rules.maxSide })
  }
  try {
    const animated = mime === 'image/gif' || mime === 'image/webp'
    const format = RASTER_FORMATS[mime]
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked, so EXIF/GPS go too.
    const pipeline = sharp(data, { failOn: 'error', limitInputPixels: rules.maxPixels, animated }).rotate()
    const clean = await pipeline.toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: true } : {}).toBuffer()
    return { data: clean, width, height: meta.height ?? height }
  } catch {
    throw new UploadRefused('uploadCorrupt')
  }
}

function looksLikeSvg(data: Buffer): boolean {
  const head = data.subarray(0, 4096).toString('utf8')
  if (head.includes('\u0000')) return false
  // Markup with an <svg> element near the top; sanitizeSvg decides whether it is acceptable.
  return /^\ufeff?\s*</.test(head) && /<svg[\s>]/i.test(head)
}
