import type { ImageView } from './view-models'

/** The fields of a `media` document that images need (sharp sizes: thumbnail 320, card 640, feature 1280). */
export interface MediaDoc {
  url?: string | null
  alt?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
  filesize?: number | null
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null } | null | undefined> | null
}

/** Only same-site paths and http(s) URLs may become an image or link target. */
export function safeUrl(url: unknown): string {
  if (typeof url !== 'string') return ''
  const trimmed = url.trim()
  if (/^\/(?!\/)/.test(trimmed)) return trimmed
  try {
    const parsed = new URL(trimmed)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : ''
  } catch {
    return ''
  }
}

/**
 * Builds `srcset` from the sharp-generated sizes so browsers pick the smallest sufficient file;
 * WebP sizes go into their own `<source>`. Returns undefined for non-images or unsafe URLs.
 */
export function imageView(media: MediaDoc | null | undefined, sizes = '(max-width: 768px) 100vw, 800px', altOverride?: string): ImageView | undefined {
  if (!media || typeof media !== 'object') return undefined
  if (media.mimeType && !media.mimeType.startsWith('image/')) return undefined
  if (media.mimeType === 'image/svg+xml') return undefined // SVG can carry script; never inline user SVG as an image source
  const src = safeUrl(media.url)
  if (!src) return undefined
  const variants = Object.values(media.sizes ?? {})
    .filter((size): size is { url: string; width: number; height?: number | null; mimeType?: string | null } =>
      Boolean(size && safeUrl(size.url) && size.width),
    )
    .sort((a, b) => a.width - b.width)
  const webp = variants.filter((v) => v.mimeType === 'image/webp')
  const other = variants.filter((v) => v.mimeType !== 'image/webp')
  const entry = (v: { url: string; width: number }) => `${safeUrl(v.url)} ${v.width}w`
  const fallback = [...other.map(entry), ...(media.width && media.mimeType !== 'image/webp' ? [`${src} ${media.width}w`] : [])]
  const webpSet = [...webp.map(entry), ...(media.width && media.mimeType === 'image/webp' ? [`${src} ${media.width}w`] : [])]
  return {
    src,
    srcset: fallback.join(', '),
    webpSrcset: webpSet.join(', '),
    sizes,
    alt: (altOverride ?? media.alt ?? '').trim(),
    width: media.width ?? undefined,
    height: media.height ?? undefined,
  }
}

/** `12.3 KB` style sizes for attachment links. */
export function humanSize(bytes: number | null | undefined): string {
  if (!bytes || bytes < 0) return ''
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}
