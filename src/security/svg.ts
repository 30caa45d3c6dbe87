/**
 * SVG uploads are sanitised with DOMPurify's SVG profile (on jsdom, loaded on first use: a
 * second or so, and only when someone uploads an SVG). They are also served as downloads in a
 * sandbox (see media-headers.ts), so a sanitiser miss still runs nothing on our origin.
 */
import type { DOMPurify as Purifier } from 'dompurify'

let purifier: Promise<Purifier> | undefined

async function load(): Promise<Purifier> {
  const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')])
  const { window } = new JSDOM('')
  return createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
}

export class SvgRefused extends Error {
  constructor(readonly reason: 'not-svg' | 'doctype' | 'empty') {
    super(`SVG refused: ${reason}`)
  }
}

export interface SanitizedSvg {
  svg: string
  /** Elements and attributes DOMPurify removed (script, on* handlers, javascript: links, foreignObject…). */
  removed: string[]
}

export async function sanitizeSvg(input: Buffer | string): Promise<SanitizedSvg> {
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\ufeff/, '')
  // Entity definitions are how XML bombs ("billion laughs") and external entities get in.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new SvgRefused('doctype')
  if (!/<svg[\s>]/i.test(text)) throw new SvgRefused('not-svg')
  const dompurify = await (purifier ??= load())
  const clean = (
    dompurify.sanitize(text, {
      USE_PROFILES: { svg: true, svgFilters: true },
      FORBID_TAGS: ['foreignObject', 'style', 'use'],
      WHOLE_DOCUMENT: false,
    }) as unknown as string
  ).trim()
  const removed = dompurify.removed.map((entry) => {
    const item = entry as { element?: Element; attribute?: Attr | null; from?: Element }
    if (item.attribute) return `@${item.attribute.name}`
    return item.element?.nodeName?.toLowerCase() ?? '?'
  })
  if (!/<svg[\s>]/i.test(clean)) throw new SvgRefused('empty')
  // A stand-alone .svg file needs its namespace; HTML parsing does not require one.
  const svg = /^<svg\b[^>]*\bxmlns=/i.test(clean) ? clean : clean.replace(/^<svg\b/i, '<svg xmlns="http://www.w3.org/2000/svg"')
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, removed }
}
