// Kept apart from text-source so the text-scan workers can load it without Payload.
import { externalLinkHref, isMediaUpload, visitLexical } from '../../lib/lexical'
import { idOf } from './read'

/** Text, links and images of a Lexical body: what the text checks read, in one pass. */
export function walkLexical(body: unknown): { text: string; links: Array<{ href: string }>; uploads: Array<{ media: string | null; alt?: string | null }> } {
  const parts: string[] = []
  const links: Array<{ href: string }> = []
  const uploads: Array<{ media: string | null; alt?: string | null }> = []
  visitLexical(body, {
    enter(node) {
      if (typeof node.text === 'string') parts.push(node.text)
      const href = externalLinkHref(node)
      if (href) links.push({ href })
      if (isMediaUpload(node)) {
        const value = node.value as { alt?: string | null } | string | number | undefined
        uploads.push({ media: idOf(value), alt: typeof value === 'object' && value ? value.alt : node.fields?.alt })
      }
    },
  })
  return { text: parts.join(''), links, uploads }
}
