const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text for HTML content and quoted attribute values: the one escape of the project (the public
 * pages, search highlights, refusal pages). Here in src/lib, not in a capability, because search's
 * query workers need it without loading the security module's dependencies.
 */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c])
