import { describe, expect, it } from 'vitest'
import {
  lexicalExternalLinks,
  lexicalPlainText,
  lexicalToParagraphs,
  lexicalToText,
  lexicalUploadIds,
  lexicalUploadNodes,
  visitLexical,
  type LexicalNode,
} from '../../src/lib/lexical'

/** The one walk over Lexical rich text (src/lib/lexical.ts) and the readings built on it. */
const text = (t: string, format = 0) => ({ type: 'text', text: t, format, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 })
const listItem = (...children: unknown[]) => ({ type: 'listitem', children, version: 1 })
const list = (...items: unknown[]) => ({ type: 'list', listType: 'bullet', tag: 'ul', children: items, version: 1 })
const cell = (...children: unknown[]) => ({ type: 'tablecell', children, version: 1 })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children, version: 1 } })

const body = doc(
  paragraph(text('请访问'), { type: 'link', fields: { url: 'https://www.gov.cn/', linkType: 'custom' }, children: [text('中国政府网')] }, text('了解详情。')),
  list(
    listItem(text('第一项')),
    listItem(
      text('第二项'),
      list(listItem(text('二之一')), listItem({ type: 'autolink', fields: { url: 'http://example.org/a' }, children: [text('二之二')] })),
    ),
  ),
  paragraph(text('上一行'), { type: 'linebreak', version: 1 }, text('下一行')),
  {
    type: 'table',
    children: [
      { type: 'tablerow', children: [cell(paragraph(text('甲'))), cell(paragraph({ type: 'link', url: 'https://old.example/', children: [text('乙')] }))] },
    ],
  },
  paragraph({ type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 7 } }, children: [text('站内')] }),
  { type: 'upload', relationTo: 'media', value: 11, fields: { alt: '示意图' } },
  { type: 'upload', relationTo: 'media', value: { id: 12, alt: '已展开' } },
  { type: 'upload', value: '13' },
  { type: 'upload', relationTo: 'documents', value: 14 },
  null,
  'not a node',
)

describe('visitLexical', () => {
  it('visits every node once in reading order, with its depth and path, and leaves after the children', () => {
    const entered: string[] = []
    const left: string[] = []
    visitLexical(body, {
      enter: (node, at) => void entered.push(`${at.depth}:${at.path.join('.')}:${node.type}`),
      leave: (node, at) => void left.push(`${at.depth}:${node.type}`),
    })
    expect(entered.slice(0, 5)).toEqual(['0::root', '1:0:paragraph', '2:0.0:text', '2:0.1:link', '3:0.1.0:text'])
    // The nested list: root › list › second item › inner list › second item › autolink › text.
    expect(entered).toContain('6:1.1.1.1.0.0:text')
    expect(entered).toContain('5:3.0.1.0.0:link')
    expect(entered.filter((e) => e.endsWith(':upload'))).toHaveLength(4)
    expect(left.at(-1)).toBe('0:root')
    expect(left).toHaveLength(entered.length)
  })

  it('skips the children of a node whose enter returns false, and reads nothing from a missing or malformed value', () => {
    const types: string[] = []
    visitLexical(body, { enter: (node) => (types.push(String(node.type)), node.type !== 'list') })
    expect(types).not.toContain('listitem')
    for (const empty of [null, undefined, 42, 'x', {}, { root: null }, { root: { type: 'root', children: 'x' } }]) {
      const seen: LexicalNode[] = []
      visitLexical(empty, { enter: (node) => void seen.push(node) })
      expect(seen.length).toBeLessThanOrEqual(1)
      expect(lexicalToParagraphs(empty)).toEqual([])
      expect(lexicalUploadIds(empty)).toEqual([])
    }
  })
})

describe('readings of a document', () => {
  it('gives one paragraph per block: nested list items and table cells apart, a line break ending a line, links inline', () => {
    expect(lexicalToParagraphs(body)).toEqual(['请访问中国政府网了解详情。', '第一项', '第二项', '二之一', '二之二', '上一行', '下一行', '甲', '乙', '站内'])
    expect(lexicalToText(body, 12)).toBe('请访问中国政府网了解详情。'.slice(0, 12) + '…')
  })

  it('runs the text together for the word checks', () => {
    expect(lexicalPlainText(body)).toBe('请访问中国政府网了解详情。第一项第二项二之一二之二上一行下一行甲乙站内')
  })

  it('finds external links (custom, autolink, and the URL on older link nodes), not internal ones', () => {
    expect(lexicalExternalLinks(body)).toEqual(['https://www.gov.cn/', 'http://example.org/a', 'https://old.example/'])
  })

  it('finds the media a document embeds, populated or not, and no other collection', () => {
    expect(lexicalUploadIds(body)).toEqual([11, 12, '13'])
    expect(lexicalUploadNodes(body).map((n) => n.relationTo ?? null)).toEqual(['media', 'media', null, 'documents'])
  })
})
