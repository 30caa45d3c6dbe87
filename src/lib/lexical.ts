/**
 * The one walk over a Lexical rich-text value (the JSON @payloadcms/richtext-lexical stores), and
 * the readings derived from it: visible text by block, plain text, embedded uploads, links. Here in
 * src/lib, with no dependencies, because the scorecard's text-scan workers walk bodies without
 * loading Payload. The HTML renderer (src/sites/richtext.ts) is Payload's converter, not this walk.
 */

/** A node as stored: only the fields the readings here use. Stored JSON may hold anything, so each is checked. */
export interface LexicalNode {
  type?: string
  text?: string
  children?: LexicalNode[]
  /** Link: `url`, `linkType` ('custom' | 'internal'), `newTab`; upload: `alt`. */
  fields?: { url?: string; alt?: string; linkType?: string; newTab?: boolean } | null
  /** Older link nodes keep the URL on the node itself. */
  url?: string
  /** Upload: the document id, or the document when populated. */
  value?: unknown
  relationTo?: string
}

/** Where a node sits: its depth (the root is 0) and child indexes from the root. Valid only during the call. */
export interface LexicalPosition {
  depth: number
  path: readonly number[]
}

export interface LexicalVisitor {
  /** Return false to skip the node's children (its `leave` still runs). */
  enter?(node: LexicalNode, at: LexicalPosition): boolean | void
  leave?(node: LexicalNode, at: LexicalPosition): void
}

/** Depth-first over the document in reading order, from the root node; non-object entries are passed over. */
export function visitLexical(state: unknown, visitor: LexicalVisitor): void {
  const root = state && typeof state === 'object' ? (state as { root?: unknown }).root : undefined
  const path: number[] = []
  const at: LexicalPosition = { depth: 0, path }
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as LexicalNode
    at.depth = path.length
    const descend = visitor.enter?.(n, at) !== false
    if (descend && Array.isArray(n.children)) {
      for (let i = 0; i < n.children.length; i++) {
        path.push(i)
        visit(n.children[i])
        path.pop()
      }
    }
    at.depth = path.length
    visitor.leave?.(n, at)
  }
  visit(root)
}

/** Nodes that sit inside a line of text: their text continues the words around them. */
const INLINE_NODES = new Set(['text', 'link', 'autolink', 'tab', 'inlineBlock'])

/**
 * Visible text of a Lexical document, one string per block (paragraph, heading, list item, table
 * cell, quote, …). Inline nodes join with nothing in between: `青铜孔<strong>雀石</strong>` is
 * one word, 青铜孔雀石, not two. A line break (Shift+Enter) ends a block too.
 */
export function lexicalToParagraphs(state: unknown): string[] {
  const paragraphs: string[] = []
  let line = ''
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim()
    if (text) paragraphs.push(text)
    line = ''
  }
  const isBlock = (node: LexicalNode) => !INLINE_NODES.has(String(node.type))
  visitLexical(state, {
    enter(node) {
      if (typeof node.text === 'string') line += node.text
      if (node.type === 'linebreak') return false
      if (isBlock(node)) endLine()
    },
    leave(node) {
      if (isBlock(node)) endLine()
    },
  })
  endLine()
  return paragraphs
}

/** Plain text of a Lexical document, for descriptions and feeds: blocks separated by a space. */
export function lexicalToText(state: unknown, limit = 200): string {
  const text = lexicalToParagraphs(state).join(' ')
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

/** Every text node's text run together, as the checks for words read it (a word may span formatting). */
export function lexicalPlainText(state: unknown): string {
  const parts: string[] = []
  visitLexical(state, { enter: (node) => void (typeof node.text === 'string' && parts.push(node.text)) })
  return parts.join('')
}

/** The URL a link node points to outside the site (custom links and autolinks); undefined for internal links and other nodes. */
export function externalLinkHref(node: LexicalNode): string | undefined {
  if ((node.type !== 'link' && node.type !== 'autolink') || node.fields?.linkType === 'internal') return undefined
  const href = node.fields?.url ?? node.url
  return typeof href === 'string' && href ? href : undefined
}

/** External links of a document, in reading order. */
export function lexicalExternalLinks(state: unknown): string[] {
  const hrefs: string[] = []
  visitLexical(state, {
    enter(node) {
      const href = externalLinkHref(node)
      if (href) hrefs.push(href)
    },
  })
  return hrefs
}

/** Whether the node embeds a document of the media collection (an upload without `relationTo` is media's). */
export function isMediaUpload(node: LexicalNode): boolean {
  return node.type === 'upload' && (node.relationTo ?? 'media') === 'media'
}

/** Upload nodes of a document, of any collection, populated or not. */
export function lexicalUploadNodes(state: unknown): LexicalNode[] {
  return lexicalNodesOfType(state, ['upload'])
}

/** The nodes of the given types, in reading order; the same objects as in the tree, so they can be edited in place. */
export function lexicalNodesOfType(state: unknown, types: readonly string[]): LexicalNode[] {
  const nodes: LexicalNode[] = []
  visitLexical(state, { enter: (node) => void (types.includes(String(node.type)) && nodes.push(node)) })
  return nodes
}

/** Ids of the media a Lexical rich-text value embeds as upload nodes (populated or not). */
export function lexicalUploadIds(state: unknown): Array<number | string> {
  const ids: Array<number | string> = []
  for (const node of lexicalUploadNodes(state)) {
    if (!isMediaUpload(node)) continue
    const value = node.value && typeof node.value === 'object' ? (node.value as { id?: unknown }).id : node.value
    if (typeof value === 'number' || typeof value === 'string') ids.push(value)
  }
  return ids
}
