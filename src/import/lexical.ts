import * as cheerio from 'cheerio'
import type { AnyNode, Element } from 'domhandler'

/**
 * HTML → Lexical JSON on cheerio's tree. @payloadcms/richtext-lexical's convertHTMLToLexical needs
 * a JSDOM instance at run time (jsdom is kept out of the server's run path), and its output
 * depends on the full editor config; the shapes here are the ones the default editor stores.
 * `resolveImage` maps an old image URL to its media id (null: the image is dropped and reported).
 */
type LexicalNode = Record<string, unknown>
export interface ConvertOptions {
  baseUrl: string
  resolveImage?: (url: string) => number | string | null
  resolveLink?: (url: string) => string
}

const text = (value: string, format = 0): LexicalNode => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const block = (type: string, children: LexicalNode[], extra: LexicalNode = {}): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const FORMAT: Record<string, number> = { b: 1, strong: 1, i: 2, em: 2, s: 4, strike: 4, del: 4, u: 8, code: 16, sub: 32, sup: 64 }
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'center', 'img', 'pre'])

export function htmlToLexical(html: string, options: ConvertOptions): { root: LexicalNode } {
  const $ = cheerio.load(html, null, false)
  const children = blocks($, $.root().contents().toArray(), options)
  return { root: block('root', children.length ? children : [block('paragraph', [])]) }
}

function blocks($: cheerio.CheerioAPI, nodes: AnyNode[], options: ConvertOptions): LexicalNode[] {
  const out: LexicalNode[] = []
  let inline: AnyNode[] = []
  const flush = () => {
    const kids = inlines($, inline, options, 0)
    if (kids.some((k) => k.type !== 'text' || String(k.text).trim())) out.push(block('paragraph', trimEdges(kids), { textFormat: 0, textStyle: '' }))
    inline = []
  }
  for (const node of nodes) {
    const tag = node.type === 'tag' ? (node as Element).tagName.toLowerCase() : ''
    if (!BLOCKS.has(tag)) {
      if (tag !== 'br' || inline.length) inline.push(node)
      if (tag === 'br') flush()
      continue
    }
    flush()
    const el = node as Element
    if (/^h[1-6]$/.test(tag)) out.push(block('heading', inlines($, el.children, options, 0), { tag }))
    else if (tag === 'ul' || tag === 'ol') out.push(list($, el, options))
    else if (tag === 'table') out.push(table($, el, options))
    else if (tag === 'blockquote') out.push(block('quote', inlines($, el.children, options, 0)))
    else if (tag === 'img') out.push(...image($, el, options))
    else if (tag === 'p' || tag === 'pre') {
      const nested = $(el).children('img, table')
      if (nested.length) out.push(...blocks($, el.children, options))
      else {
        const kids = trimEdges(inlines($, el.children, options, 0))
        if (kids.length) out.push(block('paragraph', kids, { textFormat: 0, textStyle: '' }))
      }
    } else out.push(...blocks($, el.children, options))
  }
  flush()
  return out
}

function inlines($: cheerio.CheerioAPI, nodes: AnyNode[], options: ConvertOptions, format: number): LexicalNode[] {
  const out: LexicalNode[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = $(node).text().replace(/\s+/g, ' ')
      if (value) out.push(text(value, format))
      continue
    }
    if (node.type !== 'tag') continue
    const el = node as Element
    const tag = el.tagName.toLowerCase()
    if (tag === 'br') out.push({ type: 'linebreak', version: 1 })
    else if (tag === 'a' && el.attribs.href && !/^(javascript|mailto):/i.test(el.attribs.href)) {
      const url = absolute(el.attribs.href, options.baseUrl)
      const href = options.resolveLink ? options.resolveLink(url) : url
      out.push(block('link', inlines($, el.children, options, format), { fields: { linkType: 'custom', url: href, newTab: false }, id: '' }))
    } else if (tag === 'img') continue
    else out.push(...inlines($, el.children, options, format | (FORMAT[tag] ?? 0)))
  }
  return out
}

function list($: cheerio.CheerioAPI, el: Element, options: ConvertOptions): LexicalNode {
  const ordered = el.tagName.toLowerCase() === 'ol'
  const items = $(el)
    .children('li')
    .toArray()
    .map((li, i) => block('listitem', trimEdges(inlines($, li.children, options, 0)), { value: i + 1 }))
  return block('list', items, { listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul' })
}

function table($: cheerio.CheerioAPI, el: Element, options: ConvertOptions): LexicalNode {
  const rows = $(el)
    .find('tr')
    .toArray()
    .map((tr) =>
      block(
        'tablerow',
        $(tr)
          .children('td, th')
          .toArray()
          .map((cell) => {
            const paragraph = block('paragraph', trimEdges(inlines($, cell.children, options, 0)), { textFormat: 0, textStyle: '' })
            return block('tablecell', [paragraph], {
              headerState: cell.tagName === 'th' ? 1 : 0,
              colSpan: Number(cell.attribs.colspan) || 1,
              rowSpan: Number(cell.attribs.rowspan) || 1,
              backgroundColor: null,
            })
          }),
      ),
    )
  return block('table', rows)
}

function image($: cheerio.CheerioAPI, el: Element, options: ConvertOptions): LexicalNode[] {
  const src = el.attribs.src
  if (!src) return []
  const id = options.resolveImage?.(absolute(src, options.baseUrl))
  if (id === null || id === undefined) return []
  return [{ type: 'upload', relationTo: 'media', value: id, fields: null, format: '', version: 3 }]
}

function absolute(href: string, base: string): string {
  try {
    return new URL(href.trim(), base).toString()
  } catch {
    return href
  }
}

function trimEdges(nodes: LexicalNode[]): LexicalNode[] {
  const first = nodes[0]
  if (first?.type === 'text') first.text = String(first.text).trimStart()
  const last = nodes[nodes.length - 1]
  if (last?.type === 'text') last.text = String(last.text).trimEnd()
  return nodes.filter((n) => n.type !== 'text' || n.text !== '')
}
