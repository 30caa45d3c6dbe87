/** Ids of the media a Lexical rich-text value embeds as upload nodes (populated or not). */
export function lexicalUploadIds(state: unknown): Array<number | string> {
  const ids: Array<number | string> = []
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; relationTo?: string; value?: unknown; children?: unknown[] }
    if (n.type === 'upload' && (n.relationTo ?? 'media') === 'media') {
      const value = n.value && typeof n.value === 'object' ? (n.value as { id?: unknown }).id : n.value
      if (typeof value === 'number' || typeof value === 'string') ids.push(value)
    }
    if (Array.isArray(n.children)) n.children.forEach(visit)
  }
  visit((state as { root?: unknown } | null)?.root)
  return ids
}
