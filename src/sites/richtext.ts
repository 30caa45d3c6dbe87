/**
 * Lexical JSON → safe HTML. Payload's converter does the structure; sanitize-html then applies a
 * strict allow-list to the whole result, so nothing a crafted document or a future converter
 * emits (script, event handler, javascript:/data: URL, SVG, iframe, style) reaches the page.
 *
 * The renderer keeps Payload's own recursive converter rather than src/lib/lexical.ts's walk: each
 * node's HTML wraps its children's HTML, which a flat visit cannot express without rebuilding the
 * converter, and Payload's converter already knows every node type the editor writes. Every other
 * reading of a Lexical tree (text, paragraphs, uploads, links) goes through src/lib/lexical.ts.
 */
import { escapeHtml } from '../lib/html'
export { lexicalToParagraphs, lexicalToText } from '../lib/lexical'
import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'
import { imageView, safeUrl, type MediaDoc } from './images'

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    's',
    'u',
    'sub',
    'sup',
    'code',
    'pre',
    'blockquote',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'a',
    'hr',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'picture',
    'source',
    'img',
    'span',
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

/** The editor state as Payload's converter types it; a stored value is checked for a root before the cast. */
type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']

export function lexicalToSafeHtml(state: unknown, options: RichTextOptions = {}): string {
  if (!state || typeof state !== 'object' || !(state as { root?: unknown }).root) return ''
  const converters: HTMLConverters = {
    ...defaultHTMLConverters,
    link: ({ node, nodesToHTML }) => {
      const fields = (node as { fields?: { url?: string; linkType?: string; newTab?: boolean; doc?: { relationTo?: string; value?: unknown } } }).fields ?? {}
      const raw = fields.linkType === 'internal' ? (options.internalHref?.(fields.doc ?? {}) ?? '') : (fields.url ?? '')
      const href = safeUrl(raw) || (/^(mailto|tel):/i.test(raw) ? raw : '')
      const children = nodesToHTML({ nodes: (node as unknown as { children?: never[] }).children ?? [] }).join('')
      return href ? `<a href="${escapeHtml(href)}"${fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>${children}</a>` : children
    },
    autolink: ({ node, nodesToHTML }) => {
      const href = safeUrl((node as { fields?: { url?: string } }).fields?.url)
      const children = nodesToHTML({ nodes: (node as unknown as { children?: never[] }).children ?? [] }).join('')
      return href ? `<a href="${escapeHtml(href)}">${children}</a>` : children
    },
    upload: ({ node }) => {
      const upload = node as { value?: unknown; fields?: { alt?: string } }
      const media = typeof upload.value === 'object' ? (upload.value as MediaDoc) : options.media?.get(String(upload.value))
      if (!media) return ''
      const image = imageView(media, '(max-width: 768px) 100vw, 800px', upload.fields?.alt)
      if (!image) {
        const href = safeUrl(media.url)
        return href ? `<a href="${escapeHtml(href)}">${escapeHtml(media.filename ?? '附件')}</a>` : ''
      }
      return `<figure>${pictureHtml(image)}${image.alt ? `<figcaption>${escapeHtml(image.alt)}</figcaption>` : ''}</figure>`
    },
    unknown: () => '',
  }
  const html = convertLexicalToHTML({ data: state as EditorState, converters, disableContainer: true, disableIndent: true, disableTextAlign: true })
  return sanitizeContentHtml(html)
}

export function pictureHtml(image: ReturnType<typeof imageView> & object): string {
  const webp = image.webpSrcset ? `<source type="image/webp" srcset="${escapeHtml(image.webpSrcset)}" sizes="${escapeHtml(image.sizes)}">` : ''
  const srcset = image.srcset ? ` srcset="${escapeHtml(image.srcset)}" sizes="${escapeHtml(image.sizes)}"` : ''
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  return `<picture>${webp}<img src="${escapeHtml(image.src)}"${srcset} alt="${escapeHtml(image.alt)}"${size} loading="lazy" decoding="async"></picture>`
}
