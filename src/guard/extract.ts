/**
 * Fields → paragraphs of original text, remembering which Lexical text node each character came
 * from (for the one-click fix), where links and images sit. Shares the one Lexical walk in src/lib.
 */
import { visitLexical, type LexicalNode } from '../lib/lexical'
import type { FieldValue } from './types'

export interface TextSegment {
  /** Child indexes from the root to the text node. */
  path: number[]
  start: number
  end: number
}

export interface Paragraph {
  text: string
  /** Lexical bodies: the text nodes making up `text`. */
  segments?: TextSegment[]
  /** Plain-text fields: where the paragraph starts in the field's string. */
  start?: number
}

export interface LinkAt {
  href: string
  text: string
  paragraph: number
  offset: number
  internal: boolean
}

export interface UploadAt {
  node: LexicalNode
  paragraph: number
}

export interface ExtractedField {
  paragraphs: Paragraph[]
  links: LinkAt[]
  uploads: UploadAt[]
}

const INLINE_NODES = new Set(['text', 'link', 'autolink', 'tab', 'inlineBlock', 'linebreak'])
const PARAGRAPH_BREAK = /\n[ \t\u3000]*\n/g

export function isLexical(value: FieldValue): value is { root: LexicalNode } {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'root' in value
}

export function extractField(value: FieldValue): ExtractedField {
  if (isLexical(value)) return extractLexical(value)
  if (typeof value === 'string') {
    const paragraphs: Paragraph[] = []
    let start = 0
    for (const separator of value.matchAll(PARAGRAPH_BREAK)) {
      paragraphs.push({ text: value.slice(start, separator.index), start })
      start = separator.index + separator[0].length
    }
    paragraphs.push({ text: value.slice(start), start })
    return { paragraphs, links: [], uploads: [] }
  }
  return { paragraphs: (Array.isArray(value) ? value : []).map((text) => ({ text: String(text) })), links: [], uploads: [] }
}

/**
 * One paragraph per block node (paragraph, heading, list item, table cell, quote…). Unlike
 * lexicalToParagraphs, a line break stays inside the paragraph as "\n" — a word broken across
 * lines must still be found, and the fold drops that break between Chinese characters.
 */
function extractLexical(state: { root: LexicalNode }): ExtractedField {
  const paragraphs: Paragraph[] = []
  const links: LinkAt[] = []
  const uploads: UploadAt[] = []
  let current: Paragraph = { text: '', segments: [] }
  const openLinks: { link: LinkAt; node: LexicalNode }[] = []
  const endParagraph = () => {
    if (current.text) paragraphs.push(current)
    current = { text: '', segments: [] }
  }
  visitLexical(state, {
    enter(node, at) {
      if (node.type === 'linebreak') current.text += '\n'
      else if (typeof node.text === 'string') {
        current.segments!.push({ path: [...at.path], start: current.text.length, end: current.text.length + node.text.length })
        current.text += node.text
      } else if (!INLINE_NODES.has(String(node.type))) endParagraph()
      if (node.type === 'upload') uploads.push({ node, paragraph: paragraphs.length })
      if (node.type === 'link' || node.type === 'autolink') {
        const href = node.fields?.url ?? node.url
        const link = {
          href: typeof href === 'string' ? href : '',
          text: '',
          paragraph: paragraphs.length,
          offset: current.text.length,
          internal: node.fields?.linkType === 'internal',
        }
        openLinks.push({ link, node })
      }
    },
    leave(node) {
      if (openLinks.at(-1)?.node === node) {
        const { link } = openLinks.pop()!
        link.text = current.text.slice(link.offset)
        if (!link.internal && link.href) links.push(link)
      }
      if (!INLINE_NODES.has(String(node.type)) && typeof node.text !== 'string') endParagraph()
    },
  })
  endParagraph()
  return { paragraphs, links, uploads }
}
