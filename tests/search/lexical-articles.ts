// Articles as editors make them, for the contract's exactness cases: Lexical bodies whose words
// are cut by bold, italic and link spans at random points, in several kinds of block, plus the
// other indexed fields (subtitle, summary, 文号, 索引号, publisher, source).
import { makeRandom } from '../../bench/search/corpus'
import { articleToSearchDocument } from '../../src/sites/index'
import type { SearchDocument } from '../../src/search/index'

type Node = Record<string, unknown>
export type Inline = string | { bold: string } | { italic: string } | { link: string }

const text = (value: string, format = 0): Node => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })

function inline(piece: Inline): Node {
  if (typeof piece === 'string') return text(piece)
  if ('bold' in piece) return text(piece.bold, 1)
  if ('italic' in piece) return text(piece.italic, 2)
  return { type: 'link', fields: { url: 'https://www.yulin.gov.cn/', linkType: 'custom' }, children: [text(piece.link)], version: 3 }
}

const BLOCKS = ['paragraph', 'heading', 'quote', 'listitem'] as const

/** A Lexical document: one block per entry, each block's text in inline pieces. */
export function lexicalDocument(blocks: Inline[][], kinds: (typeof BLOCKS)[number][] = []): Node {
  const children = blocks.map((pieces, i) => {
    const kind = kinds[i] ?? 'paragraph'
    const block: Node = { type: kind, children: pieces.map(inline), version: 1, ...(kind === 'heading' ? { tag: 'h3' } : {}) }
    return kind === 'listitem' ? { type: 'list', listType: 'bullet', tag: 'ul', children: [{ ...block, value: 1 }], version: 1 } : block
  })
  return { root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } }
}

export interface ArticleFields {
  title: string
  blocks: Inline[][]
  kinds?: (typeof BLOCKS)[number][]
  subtitle?: string
  summary?: string
  documentNumber?: string
  indexNumber?: string
  publisher?: string
  source?: string
}

export const EXACTNESS_SITE = 'exactness'

/** The search document the indexer makes of such an article (published, on the site `exactness`). */
export async function articleDocument(id: number, fields: ArticleFields): Promise<SearchDocument> {
  const lookups = {
    column: async () => ({ name: '通知公告', path: 'tzgg', category: 'other' }),
    site: async () => ({ id: 1, code: EXACTNESS_SITE, name: '精确检索测试站', organization: 1, active: true }),
    organization: async () => ({ code: 'ORGEXACT', name: '精确检索测试单位' }),
    siteOfOrganization: async () => null,
    servicesPath: async () => null,
  }
  const article = {
    id,
    title: fields.title,
    subtitle: fields.subtitle,
    summary: fields.summary,
    source: fields.source,
    body: lexicalDocument(fields.blocks, fields.kinds),
    column: 1,
    site: 1,
    organization: 1,
    publishedAt: new Date(Date.UTC(2025, 0, 1) + id * 60_000).toISOString(),
    state: 'published',
    _status: 'published',
    disclosure: { documentNumber: fields.documentNumber, indexNumber: fields.indexNumber, publisher: fields.publisher },
  }
  const doc = await articleToSearchDocument(article, lookups)
  if (!doc) throw new Error(`article ${id} is not searchable`)
  return doc
}

// Few characters, so that bigrams recur and a string across a break is sometimes found elsewhere.
const HAN = [...'青铜孔雀石罗江镇玉林市年度总结发号']
const OTHER = [...'0123456789〔〕，。、/gb']

function randomText(random: () => number, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1))
  let out = ''
  while (out.length < length) out += random() < 0.75 ? HAN[Math.floor(random() * HAN.length)] : OTHER[Math.floor(random() * OTHER.length)]
  return out
}

/** Cuts a text into inline pieces at random points, each plain, bold, italic or a link. */
function formatted(random: () => number, value: string): Inline[] {
  const pieces: Inline[] = []
  let rest = value
  while (rest) {
    const cut = 1 + Math.floor(random() * rest.length)
    const part = rest.slice(0, cut)
    rest = rest.slice(cut)
    const style = random()
    pieces.push(style < 0.4 ? part : style < 0.6 ? { bold: part } : style < 0.8 ? { italic: part } : { link: part })
  }
  return pieces
}

/** Seeded articles: 2–5 blocks of random kinds and formatting, and every other field. */
export function randomArticles(count: number, seed: number): { id: number; fields: ArticleFields; visible: string[] }[] {
  const random = makeRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 4) }, () => randomText(random, 4, 18))
    const fields: ArticleFields = {
      title: randomText(random, 4, 12),
      subtitle: randomText(random, 3, 8),
      summary: randomText(random, 6, 16),
      blocks: paragraphs.map((paragraph) => formatted(random, paragraph)),
      kinds: paragraphs.map(() => BLOCKS[Math.floor(random() * BLOCKS.length)]!),
      documentNumber: `玉政办发〔20${10 + Math.floor(random() * 17)}〕${1 + Math.floor(random() * 99)}号`,
      indexNumber: `1145090000756${String(Math.floor(random() * 100_000)).padStart(5, '0')}/20${10 + Math.floor(random() * 17)}-${String(Math.floor(random() * 100_000)).padStart(5, '0')}`,
      publisher: '玉林市人民政府',
      source: randomText(random, 3, 8),
    }
    const visible = [fields.subtitle!, fields.summary!, ...paragraphs, fields.documentNumber!, fields.indexNumber!, fields.publisher!, fields.source!]
    return { id: 880_000 + i, fields, visible }
  })
}
