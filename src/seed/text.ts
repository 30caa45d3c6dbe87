import phrases from './phrases.json' with { type: 'json' }
import type { Random } from './random'

export type TextContext = { org: string; short: string; places: string[]; year: number; date: Date }
export type ArticleKind = 'news' | 'notice' | 'policy' | 'profile' | 'service' | 'interaction'

const TEMPLATES: Record<ArticleKind, string[]> = {
  news: phrases.newsTemplates,
  notice: phrases.noticeTemplates,
  policy: phrases.policyTemplates,
  profile: phrases.profileTemplates,
  service: phrases.serviceTemplates,
  interaction: phrases.interactionTemplates,
}

function fill(template: string, rnd: Random, ctx: TextContext, topic: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'org':
        return ctx.org
      case 'short':
        return ctx.short
      case 'topic':
        return topic
      case 'place':
        return rnd.pick(ctx.places)
      case 'leader':
        return rnd.pick(phrases.leaders)
      case 'year':
        return String(ctx.year)
      case 'month':
        return String(rnd.int(1, 12))
      case 'date':
        return `${ctx.date.getMonth() + 1}月${ctx.date.getDate()}日`
      case 'n':
        return String(rnd.int(3, 300))
      case 'm':
        return String(rnd.int(10, 9000))
      case 'phone':
        return String(rnd.int(2000000, 2899999))
      default:
        return key
    }
  })
}

/** A realistic government article: title, summary, Lexical body and, for policy, a 文号. */
export function generateText(kind: ArticleKind, rnd: Random, ctx: TextContext) {
  const topic = rnd.pick(phrases.topics)
  const title = fill(rnd.pick(TEMPLATES[kind]), rnd, ctx, topic)
  const paragraphs: string[] = []
  const count = rnd.int(3, 6)
  for (let p = 0; p < count; p++) {
    let text = p === 0 ? fill(rnd.pick(phrases.openings), rnd, ctx, topic) : ''
    for (let s = rnd.int(2, 4); s > 0; s--) text += fill(rnd.pick(phrases.sentences), rnd, ctx, topic)
    paragraphs.push(text)
  }
  const documentNumber = kind === 'policy' ? `${rnd.pick(phrases.docPrefixes)}〔${ctx.year}〕${rnd.int(1, 120)}号` : null
  return { title, topic, summary: paragraphs[0].slice(0, 120), body: lexicalParagraphs(paragraphs), documentNumber }
}

/** Plain paragraphs as a Lexical editor state (what @payloadcms/richtext-lexical stores). */
export function lexicalParagraphs(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  }
}
