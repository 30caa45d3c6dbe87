import * as cheerio from 'cheerio'
import type { AnyNode, Element } from 'domhandler'
import { metadata, type ExtractionRule } from './rules'

type $Root = cheerio.CheerioAPI

export interface Disclosure {
  indexNumber?: string
  documentNumber?: string
  publisher?: string
  writtenAt?: string
  topic?: string
}

export interface ExtractedArticle {
  title: string
  publishedAt?: string
  source?: string
  author?: string
  keywords?: string
  summary?: string
  /** What the mapping file is keyed by: the ColumnName tag, the breadcrumb, else the first folder of the old path. */
  columnKey: string
  bodyHtml: string
  bodyText: string
  attachments: Array<{ url: string; name: string }>
  disclosure: Disclosure
  /** meta, rule:<name> or density: which method found the body. */
  via: string
  doubts: string[]
}

export interface ExtractOptions {
  rules: ExtractionRule[]
  /** A body shorter than this many characters is reported as doubtful. */
  minBodyChars: number
}

/** Chinese prose is dense: 30 characters outside links is already a sentence or two. */
const MIN_PROSE_CHARS = 30
const ATTACHMENT = /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z)$/i

/**
 * Reads one old page: national meta tags first, then the first matching rule's selectors, then a
 * text-density guess. Returns null for pages that are not articles (home, column lists).
 */
export function extractArticle(html: string, url: string, options: ExtractOptions): ExtractedArticle | null {
  const $ = cheerio.load(html)
  const meta = readMeta($)
  const rule = options.rules.find((r) => ruleMatches($, r, url))
  const ruleBody = rule ? $(rule.body).first() : undefined
  let body = ruleBody?.length ? ruleBody : undefined
  let via = body ? `rule:${rule!.name}` : 'density'
  if (!body) body = densestBlock($)
  if (!body && !meta.title) return null
  if (meta.title) via = `meta+${via}`
  const pageText = $('body').text()
  const title = meta.title || textOf($, rule?.title) || $('h1').first().text().trim() || titleFromHead($)
  const dateText = meta.publishedAt || textOf($, rule?.date) || pageText
  const disclosure = readDisclosure($)
  // A list page has no single date and no body of prose: not an article.
  if (!meta.title && !rule && (!body || !parseDate(dateText))) return null
  const bodyHtml = body ? cleanBody($, body) : ''
  const bodyText = body ? body.text().replace(/\s+/g, ' ').trim() : ''
  const doubts: string[] = []
  const publishedAt = parseDate(dateText)
  if (!publishedAt) doubts.push('no date')
  if (!bodyText) doubts.push('empty body')
  else if (bodyText.length < options.minBodyChars) doubts.push(`body shorter than ${options.minBodyChars} characters`)
  if (!title) doubts.push('no title')
  return {
    title: title.replace(/\s+/g, ' ').trim().slice(0, 300),
    publishedAt,
    source: meta.source || labelled(textOf($, rule?.source) || pageText, '来源'),
    author: meta.author || labelled(pageText, '作者'),
    keywords: meta.keywords,
    summary: meta.summary,
    columnKey: meta.columnName || textOf($, rule?.column) || firstFolder(url),
    bodyHtml,
    bodyText,
    attachments: attachmentsOf($, rule?.attachments ?? 'a[href]', url),
    disclosure: { ...disclosure, writtenAt: disclosure.writtenAt ? parseDate(disclosure.writtenAt) : undefined },
    via,
    doubts,
  }
}

function readMeta($: $Root): Record<string, string | undefined> {
  const byName = new Map<string, string>()
  $('meta[name]').each((_, el) => void byName.set($(el).attr('name')!.toLowerCase(), ($(el).attr('content') ?? '').trim()))
  const out: Record<string, string | undefined> = {}
  for (const [field, names] of Object.entries(metadata.tags)) out[field] = names.map((n) => byName.get(n.toLowerCase())).find(Boolean)
  return out
}

/** A rule applies when its address pattern or its marker selector matches (sites move pages, layouts stay). */
function ruleMatches($: $Root, rule: ExtractionRule, url: string): boolean {
  if (rule.match.url && new RegExp(rule.match.url).test(new URL(url).pathname) && $(rule.body).length > 0) return true
  return Boolean(rule.match.selector) && $(rule.match.selector!).length > 0
}

const textOf = ($: $Root, selector: string | undefined) => (selector ? $(selector).first().text().replace(/\s+/g, ' ').trim() : '')

function titleFromHead($: $Root): string {
  // "Article title - Site name": old sites append the site's name after a separator.
  return $('title')
    .text()
    .split(/\s[-_|—]\s|_/)[0]
    .trim()
}

/** "来源：市政府办公室" → 市政府办公室; stops at the next label or a wide gap. */
function labelled(text: string, label: string): string | undefined {
  const match = new RegExp(`${label}\\s*[:：]\\s*([^\\s|\u3000]+)`).exec(text)
  return match?.[1]
}

/** First date in the text, read as Beijing time (the old site's clock), ISO in UTC. */
export function parseDate(text: string | undefined): string | undefined {
  const match = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:时](\d{2})(?:[:分](\d{2}))?)?/.exec(text ?? '')
  if (!match) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +s))
  return Number.isNaN(date.getTime()) || +y < 1990 ? undefined : date.toISOString()
}

/** The 信息公开 table: a label cell (索引号, 文号 …) followed by its value cell. */
function readDisclosure($: $Root): Disclosure {
  const found: Record<string, string> = {}
  $('th, td, span, label, dt, b, strong').each((_, el) => {
    const label = $(el)
      .text()
      .replace(/[\s:：]/g, '')
    if (!label || label.length > 8) return
    const field = Object.entries(metadata.disclosureLabels).find(([, names]) => names.includes(label))?.[0]
    if (!field || found[field]) return
    const value = $(el).next().text().replace(/\s+/g, ' ').trim()
    if (value) found[field] = value
  })
  return found
}

/**
 * Readability-style fallback without a DOM: the block whose own prose (text outside links) is
 * longest, favouring blocks with paragraphs. Navigation and lists are mostly link text and lose.
 */
function densestBlock($: $Root): cheerio.Cheerio<Element> | undefined {
  let best: { el: Element; score: number } | undefined
  $('article, div, td, section, main').each((_, el) => {
    const block = $(el)
    const text = block.text().replace(/\s+/g, '').length
    const linkText = block.find('a').text().replace(/\s+/g, '').length
    const paragraphs = block.children('p').length
    const score = (text - linkText) * (1 - linkText / Math.max(1, text)) + paragraphs * 50
    if (text - linkText >= MIN_PROSE_CHARS && paragraphs > 0 && (!best || score > best.score)) best = { el, score }
  })
  return best ? $(best.el) : undefined
}

function cleanBody($: $Root, body: cheerio.Cheerio<AnyNode>): string {
  const copy = body.clone()
  copy.find('script, style, iframe, object, embed, form, .share, .print').remove()
  return copy.html() ?? ''
}

function attachmentsOf($: $Root, selector: string, base: string): Array<{ url: string; name: string }> {
  const out = new Map<string, string>()
  $(selector).each((_, el) => {
    const href = $(el).attr('href')
    if (!href) return
    try {
      const url = new URL(href, base)
      if (ATTACHMENT.test(url.pathname) && !out.has(url.toString()))
        out.set(url.toString(), $(el).text().trim() || decodeURIComponent(url.pathname.split('/').pop()!))
    } catch {
      // Unparsable href: nothing to download.
    }
  })
  return [...out].map(([url, name]) => ({ url, name }))
}

function firstFolder(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean)
  return parts.length > 1 ? parts[0] : '/'
}
