// Kept apart from text-source so the text-scan workers can load it without Payload.
import { idOf } from './read'

type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: { url?: string; alt?: string; linkType?: string }
  url?: string
  value?: unknown
  relationTo?: string
}

/** Text, links and images of a Lexical body: what the text checks read. */
export function walkLexical(body: unknown): { text: string; links: Array<{ href: string }>; uploads: Array<{ media: string | null; alt?: string | null }> } {
  const parts: string[] = []
  const links: Array<{ href: string }> = []
  const uploads: Array<{ media: string | null; alt?: string | null }> = []
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') parts.push(node.text)
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal') {
      const href = node.fields?.url ?? node.url
      if (typeof href === 'string' && href) links.push({ href })
    }
    if (node.type === 'upload' && (node.relationTo ?? 'media') === 'media') {
      const value = node.value as { alt?: string | null } | string | number | undefined
      uploads.push({ media: idOf(value), alt: typeof value === 'object' && value ? value.alt : node.fields?.alt })
    }
    node.children?.forEach(visit)
  }
  visit((body as { root?: LexicalNode } | null)?.root)
  return { text: parts.join(''), links, uploads }
}
