import { z } from 'zod'
import { defineCheck, measureFindings, type ScanHit } from './define'

const termsParams = z.object({
  /** Label for messages: e.g. 禁用词 (forbidden term) or 错别字 (known typo). */
  label: z.string().min(1),
  terms: z.array(z.object({ term: z.string().min(1), suggestion: z.string().optional(), note: z.string().optional() })).min(1, 'list at least one term'),
})
type TermsParams = z.infer<typeof termsParams>

// One alternation regex per list: V8's irregexp scans a text once for all terms, which is as
// fast as a hand-written Aho–Corasick for lists of a few thousand terms and far less code.
const compiled = new WeakMap<TermsParams, { pattern: RegExp; byTerm: Map<string, TermsParams['terms'][number]> }>()
function matcherFor(params: TermsParams) {
  let matcher = compiled.get(params)
  if (!matcher) {
    const sorted = [...params.terms].sort((a, b) => b.term.length - a.term.length) // longest first
    const source = sorted.map((entry) => entry.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
    matcher = { pattern: new RegExp(source, 'gu'), byTerm: new Map(sorted.map((entry) => [entry.term, entry])) }
    compiled.set(params, matcher)
  }
  return matcher
}

function excerpt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 12), index + length + 12)
}

/**
 * Term lists in published text: forbidden terms (禁用词) and known typos such as leaders' names
 * and titles written wrongly (严重错别字). The lists are indicator parameters, i.e. data.
 */
export const termList = defineCheck({
  id: 'term-list',
  description: 'Published text contains a listed term',
  params: termsParams,
  scanArticle(article, params) {
    const { pattern, byTerm } = matcherFor(params)
    const hits = new Map<string, ScanHit>()
    for (const text of [article.title, article.text]) {
      for (const match of text.matchAll(pattern)) {
        const existing = hits.get(match[0])
        if (existing) {
          existing.detail.occurrences = Number(existing.detail.occurrences) + 1
          continue
        }
        const entry = byTerm.get(match[0])
        hits.set(match[0], {
          count: 1,
          detail: {
            term: match[0],
            suggestion: entry?.suggestion ?? null,
            excerpt: excerpt(text, match.index ?? 0, match[0].length),
            occurrences: 1,
          },
        })
      }
    }
    return [...hits.values()]
  },
  evaluate(_input, params, ctx) {
    return measureFindings(ctx, (finding) => ({
      key: `article:${finding.articleId}:${finding.detail.term}`,
      message: `《${finding.title}》含${params.label}「${finding.detail.term}」` + (finding.detail.suggestion ? `，应为「${finding.detail.suggestion}」` : ''),
      detail: finding.detail,
    }))
  },
})
