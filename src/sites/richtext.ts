/**
 * Lexical JSON → safe HTML. Payload's converter does the structure; sanitize-html then applies a
 * strict allow-list to the whole result, so nothing a crafted document or a future converter
 * emits (script, event handler, javascript:/data: URL, SVG, iframe, style) reaches the page.
 */
import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'
import { imageView, safeUrl, type MediaDoc } from './images'

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 's', 'u', 'sub', 'sup', 'code', 'pre', 'blockquote',
    'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'hr',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'figure', 'figcaption', 'picture', 'source', 'img', 'span',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target', 'title'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    li: ['value'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped together with the tag, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'template'],
  transformTags: {
    h1: 'h2', // the page title is the only h1
    a: (tagName, attribs) => {
      const href = safeUrl(attribs.href) || (/^(mailto|tel):/i.test(attribs.href ?? '') ? attribs.href! : '')
      const out: Record<string, string> = {}
      if (href) out.href = href
      if (attribs.title) out.title = attribs.title
      if (attribs.target === '_blank') Object.assign(out, { target: '_blank', rel: 'noopener noreferrer' })
      return { tagName, attribs: out }
    },
    // Payload renders strike/underline as inline styles, which our CSP forbids; keep the meaning.
    span: (tagName, attribs) => {
      const style = attribs.style ?? ''
      if (/line-through/.test(style)) return { tagName: 's', attribs: {} }
      if (/underline/.test(style)) return { tagName: 'u', attribs: {} }
      return { tagName, attribs: {} }
    },
  },
}

/** The strict allow-list, for any HTML fragment from content (service guides, imported text). */
export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED)
}

export interface RichTextOptions {
  /** Turns an internal link (`linkType: 'internal'`) into a public URL. */
  internalHref?: (doc: { relationTo?: string; value?: unknown }) => string
  /** Media documents by id, for upload nodes whose value was not populated. */
  media?: Map<string, MediaDoc>
}

type LexicalState = { root?: { children?: unknown[] } } | null | undefined

export function lexicalToSafeHtml(state: unknown, options: RichTextOptions = {}): string {
  if (!state || typeof state !== 'object' || !(state as LexicalState)?.root) return ''
  const converters: HTMLConverters = {
    ...defaultHTMLConverters,
    link: ({ node, nodesToHTML }) => {
      const fields = (node as { fields?: { url?: string; linkType?: string; newTab?: boolean; doc?: { relationTo?: string; value?: unknown } } }).fields ?? {}
      const raw = fields.linkType === 'internal' ? options.internalHref?.(fields.doc ?? {}) ?? '' : fields.url ?? ''
      const href = safeUrl(raw) || (/^(mailto|tel):/i.test(raw) ? raw : '')
      const children = nodesToHTML({ nodes: (node as unknown as { children?: never[] }).children ?? [] }).join('')
      return href ? `<a href="${escapeAttr(href)}"${fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>${children}</a>` : children
    },
    autolink: ({ node, nodesToHTML }) => {
      const href = safeUrl((node as { fields?: { url?: string } }).fields?.url)
      const children = nodesToHTML({ nodes: (node as unknown as { children?: never[] }).children ?? [] }).join('')
      return href ? `<a href="${escapeAttr(href)}">${children}</a>` : children
    },
    upload: ({ node }) => {
      const upload = node as { value?: unknown; fields?: { alt?: string } }
      const media = typeof upload.value === 'object' ? (upload.value as MediaDoc) : options.media?.get(String(upload.value))
      if (!media) return ''
      const image = imageView(media, '(max-width: 768px) 100vw, 800px', upload.fields?.alt)
      if (!image) {
        const href = safeUrl(media.url)
        return href ? `<a href="${escapeAttr(href)}">${escapeText(media.filename ?? '附件')}</a>` : ''
      }
      return `<figure>${pictureHtml(image)}${image.alt ? `<figcaption>${escapeText(image.alt)}</figcaption>` : ''}</figure>`
    },
    unknown: () => '',
  }
  const html = convertLexicalToHTML({ data: state as never, converters, disableContainer: true, disableIndent: true, disableTextAlign: true })
  return sanitizeContentHtml(html)
}

export function pictureHtml(image: ReturnType<typeof imageView> & object): string {
  const webp = image.webpSrcset ? `<source type="image/webp" srcset="${escapeAttr(image.webpSrcset)}" sizes="${escapeAttr(image.sizes)}">` : ''
  const srcset = image.srcset ? ` srcset="${escapeAttr(image.srcset)}" sizes="${escapeAttr(image.sizes)}"` : ''
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  return `<picture>${webp}<img src="${escapeAttr(image.src)}"${srcset} alt="${escapeAttr(image.alt)}"${size} loading="lazy" decoding="async"></picture>`
}

/** Plain text of a Lexical document, for descriptions and feeds. */
export function lexicalToText(state: unknown, limit = 200): string {
  const parts: string[] = []
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; children?: unknown[] }
    if (typeof n.text === 'string') parts.push(n.text)
    n.children?.forEach(visit)
  }
  visit((state as LexicalState)?.root)
  const text = parts.join(' ').replace(/\s+/g, ' ').trim()
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
