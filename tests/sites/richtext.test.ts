import { describe, expect, it } from 'vitest'
import { imageView, lexicalToParagraphs, lexicalToSafeHtml, lexicalToText, safeUrl, sanitizeContentHtml } from '../../src/sites/index'

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children, version: 1 } })

describe('lexicalToSafeHtml', () => {
  it('renders structure: paragraphs, bold, headings, lists', () => {
    const html = lexicalToSafeHtml(
      doc(
        paragraph(text('玉林', 1)),
        { type: 'heading', tag: 'h1', children: [text('标题')] },
        { type: 'list', listType: 'bullet', tag: 'ul', children: [{ type: 'listitem', value: 1, children: [text('一')] }] },
      ),
    )
    expect(html).toContain('<p><strong>玉林</strong></p>')
    expect(html).toContain('<h2>标题</h2>') // h1 in content demoted: the page title is the only h1
    expect(html).toMatch(/<ul[^>]*><li[^>]*>一<\/li><\/ul>/)
  })

  it('escapes script text in text nodes', () => {
    const html = lexicalToSafeHtml(doc(paragraph(text('<script>alert(1)</script><img src=x onerror=alert(1)>'))))
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it('drops javascript:, data: and vbscript: link targets but keeps the text', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x']) {
      const html = lexicalToSafeHtml(doc(paragraph({ type: 'link', fields: { url, linkType: 'custom' }, children: [text('点我')] })))
      expect(html, url).not.toMatch(/javascript|data:|vbscript|evil/i)
      expect(html).toContain('点我')
    }
  })

  it('keeps safe links and adds rel to new-tab links', () => {
    const html = lexicalToSafeHtml(doc(paragraph({ type: 'link', fields: { url: 'https://www.gov.cn/', newTab: true }, children: [text('中国政府网')] })))
    expect(html).toBe('<p><a href="https://www.gov.cn/" target="_blank" rel="noopener noreferrer">中国政府网</a></p>')
  })

  it('renders upload nodes as responsive pictures with WebP srcset and alt text', () => {
    const media = {
      url: '/api/media/file/a.jpg',
      alt: '会议现场',
      mimeType: 'image/jpeg',
      width: 2000,
      height: 1000,
      sizes: {
        thumbnail: { url: '/api/media/file/a-320.webp', width: 320, height: 160, mimeType: 'image/webp' },
        card: { url: '/api/media/file/a-640.webp', width: 640, height: 320, mimeType: 'image/webp' },
      },
    }
    const html = lexicalToSafeHtml(doc({ type: 'upload', relationTo: 'media', value: media }))
    expect(html).toContain('<source type="image/webp" srcset="/api/media/file/a-320.webp 320w, /api/media/file/a-640.webp 640w"')
    expect(html).toContain('alt="会议现场"')
    expect(html).toContain('src="/api/media/file/a.jpg"')
  })

  it('resolves unpopulated upload ids from the media map and refuses unsafe media URLs and SVG', () => {
    const media = new Map([
      ['7', { url: '/m/7.png', alt: '图', mimeType: 'image/png' }],
      ['8', { url: 'javascript:alert(1)', alt: 'x', mimeType: 'image/png' }],
      ['9', { url: '/m/evil.svg', alt: 'x', mimeType: 'image/svg+xml' }],
    ])
    const ok = lexicalToSafeHtml(doc({ type: 'upload', value: 7 }), { media })
    expect(ok).toContain('src="/m/7.png"')
    expect(lexicalToSafeHtml(doc({ type: 'upload', value: 8 }), { media })).not.toContain('javascript')
    const svg = lexicalToSafeHtml(doc({ type: 'upload', value: 9 }), { media })
    expect(svg).not.toContain('<img')
  })

  it('renders nothing for unknown node types (e.g. a crafted raw-HTML node)', () => {
    const html = lexicalToSafeHtml(doc({ type: 'html', html: '<script>alert(1)</script>' }, paragraph(text('ok'))))
    expect(html).toBe('<p>ok</p>')
  })

  it('returns an empty string for empty or invalid state', () => {
    expect(lexicalToSafeHtml(null)).toBe('')
    expect(lexicalToSafeHtml('<script>')).toBe('')
    expect(lexicalToSafeHtml({ root: { children: [] } })).toBe('')
  })

  it('converts strike/underline inline styles into tags (CSP forbids inline style)', () => {
    const html = lexicalToSafeHtml(doc(paragraph(text('删', 4), text('下', 8))))
    expect(html).toBe('<p><s>删</s><u>下</u></p>')
  })

  it('extracts plain text for descriptions', () => {
    expect(lexicalToText(doc(paragraph(text('一二三')), paragraph(text('四五'))), 4)).toBe('一二三 …')
  })

  it('joins inline formatting and links with nothing in between, and separates blocks', () => {
    const link = { type: 'link', fields: { url: 'https://www.yulin.gov.cn/' }, children: [text('孔雀', 2)], version: 3 }
    const body = doc(
      paragraph(text('青铜'), link, text('石', 1), text('结束。')),
      { type: 'heading', tag: 'h3', children: [text('罗江'), text('镇', 1)] },
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        children: [
          { type: 'listitem', value: 1, children: [text('一')] },
          { type: 'listitem', value: 2, children: [text('二')] },
        ],
      },
      paragraph(text('第一行'), { type: 'linebreak', version: 1 }, text('第二行')),
      {
        type: 'table',
        children: [
          {
            type: 'tablerow',
            children: [
              { type: 'tablecell', children: [paragraph(text('甲'))] },
              { type: 'tablecell', children: [paragraph(text('乙'))] },
            ],
          },
        ],
      },
    )
    expect(lexicalToParagraphs(body)).toEqual(['青铜孔雀石结束。', '罗江镇', '一', '二', '第一行', '第二行', '甲', '乙'])
    expect(lexicalToText(body)).toBe('青铜孔雀石结束。 罗江镇 一 二 第一行 第二行 甲 乙')
  })
})

describe('sanitizeContentHtml', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zy8+">',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example"><input name="a"></form>',
    '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
    '<img srcset="javascript:alert(1) 1x, https://ok.example/a.png 2x" src="https://ok.example/a.png">',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<style>body{display:none}</style>',
  ]
  for (const payload of payloads) {
    it(`neutralises ${payload.slice(0, 50)}`, () => {
      const html = sanitizeContentHtml(payload)
      expect(html).not.toMatch(/<script|<svg|<iframe|<object|<embed|<form|<input|<base|<meta|<style|<math/i)
      expect(html).not.toMatch(/\son\w+\s*=/i)
      expect(html).not.toMatch(/javascript:|data:|style=/i)
      expect(html).not.toContain('evil.example')
    })
  }
})

describe('images', () => {
  it('safeUrl keeps site paths and http(s), refuses everything else', () => {
    expect(safeUrl('/a/b.jpg')).toBe('/a/b.jpg')
    expect(safeUrl('https://a.gov.cn/x')).toBe('https://a.gov.cn/x')
    expect(safeUrl('//evil.example/x')).toBe('')
    expect(safeUrl('javascript:alert(1)')).toBe('')
    expect(safeUrl('data:image/png;base64,AA')).toBe('')
    expect(safeUrl(42)).toBe('')
  })
  it('imageView orders sizes by width and separates WebP', () => {
    const view = imageView({
      url: '/o.png',
      mimeType: 'image/png',
      width: 1600,
      height: 800,
      alt: 'a',
      sizes: { b: { url: '/b.webp', width: 640, mimeType: 'image/webp' }, a: { url: '/a.webp', width: 320, mimeType: 'image/webp' } },
    })
    expect(view?.webpSrcset).toBe('/a.webp 320w, /b.webp 640w')
    expect(view?.srcset).toBe('/o.png 1600w')
    expect(imageView({ url: '/doc.pdf', mimeType: 'application/pdf' })).toBeUndefined()
  })
})
