import { z } from 'zod'
import settings from './settings.json' with { type: 'json' }
import { SearchInputError } from './errors'
import { DOCUMENT_TYPES, type SearchDocument, type SearchQuery } from './types'

const { limits } = settings

// Control characters (C0, DEL, C1) and Unicode format/bidi controls never carry meaning in a query.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g

/** Removes control characters and collapses whitespace; used for queries and indexed text alike. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim()
}

const siteCode = z.string().regex(/^[a-z0-9-]{1,64}$/, 'site codes are lowercase letters, digits and -')
const orgCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'organization codes are letters, digits, _ and -')
const year = z.coerce.number().int().min(1900).max(2200)
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date such as 2024-05-01')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real date')

/** Query-string style callers send one value or a list; both are accepted. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === '') return undefined
    const list = Array.isArray(value) ? value : String(value).split(',')
    return list.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '')
  }, z.array(item).max(limits.maxFilterValues).optional())
}

const searchQuerySchema = z
  .object({
    text: z.preprocess(
      (value) => (value === undefined || value === null ? '' : value),
      z.string().max(limits.maxQueryLength, `the query is longer than ${limits.maxQueryLength} characters`),
    ),
    sites: listOf(siteCode),
    organizations: listOf(orgCode),
    types: listOf(z.enum(DOCUMENT_TYPES)),
    years: listOf(year),
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(limits.maxPageSize).default(limits.defaultPageSize),
    facets: z.preprocess((value) => value === true || value === 'true' || value === '1', z.boolean()).default(false),
  })
  .strict()
  .refine((q) => !q.publishedFrom || !q.publishedTo || Date.parse(q.publishedFrom) <= Date.parse(q.publishedTo), {
    message: 'publishedFrom is after publishedTo',
    path: ['publishedFrom'],
  })
  .refine((q) => (q.page - 1) * q.pageSize < limits.maxResultWindow, {
    message: `results beyond the first ${limits.maxResultWindow} cannot be paged to; refine the query`,
    path: ['page'],
  })

/**
 * Validates raw input (e.g. URL query parameters) into a `SearchQuery`.
 * Control characters are stripped before the length check, so a long run of them is harmless.
 */
export function parseSearchQuery(input: unknown): SearchQuery {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SearchInputError('the search query must be an object')
  }
  const raw = { ...(input as Record<string, unknown>) }
  if (typeof raw.text === 'string') raw.text = stripControlChars(raw.text)
  const parsed = searchQuerySchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    throw new SearchInputError(`invalid search query: ${issues.map((i) => `${i.path || 'query'}: ${i.message}`).join('; ')}`, issues)
  }
  return parsed.data as SearchQuery
}

const documentSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/, 'ids look like <collection>:<id>')
    .max(200),
  type: z.enum(DOCUMENT_TYPES),
  site: siteCode,
  siteName: z.string().max(200),
  organization: orgCode,
  organizationName: z.string().max(200),
  column: z.string().max(500).optional(),
  title: z.string().max(1000),
  body: z.string(),
  url: z.string().max(2000),
  publishedAt: isoDate,
  year: z.number().int().min(1900).max(2200),
})

/** Documents come from our own indexer, but a bad one must fail loudly, not corrupt the index. */
export function validateDocuments(docs: SearchDocument[]): SearchDocument[] {
  if (!Array.isArray(docs)) throw new SearchInputError('upsert expects an array of documents')
  return docs.map((doc, index) => {
    const parsed = documentSchema.safeParse(doc)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new SearchInputError(`document ${index} (${String((doc as { id?: unknown })?.id)}): ${issue.path.join('.')}: ${issue.message}`)
    }
    return parsed.data as SearchDocument
  })
}

export function validateIds(ids: string[]): string[] {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.length === 0 || id.length > 200)) {
    throw new SearchInputError('remove expects an array of document ids')
  }
  return ids
}
