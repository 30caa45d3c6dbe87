import http from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CrawlerSource, DecodeError, decodeHtml, extractArticle, feedLinks, htmlToLexical, loadRules, MirrorSource } from '../../src/import'
import { lexicalToText } from '../../src/sites'

const rules = loadRules()
const extract = (html: string, url = 'http://old.example.gov.cn/a/b.html') => extractArticle(html, url, { rules, minBodyChars: 20 })

describe('decoding', () => {
  const text = '<html><head><meta charset="gb2312"></head><body>关于做好防汛工作的通知 䶮</body></html>'
  it('reads the meta charset, reading GB2312 labels as GB18030', () => {
    expect(decodeHtml(iconv.encode(text, 'gb18030')).text).toContain('关于做好防汛工作的通知 䶮')
  })
  it('prefers a BOM, then the HTTP header', () => {
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('政务公开')])).text).toBe('政务公开')
    expect(decodeHtml(iconv.encode('<p>政务公开信息</p>', 'gbk'), 'text/html; charset=GBK').charset).toBe('gb18030')
  })
  it('detects an unlabelled GBK page and falls back when a wrong header is given', () => {
    const page = iconv.encode(`<html><body>${'市人民政府办公室关于印发工作要点的通知。'.repeat(20)}</body></html>`, 'gbk')
    expect(decodeHtml(page).text).toContain('市人民政府办公室')
    expect(decodeHtml(page, 'text/html; charset=utf-8').text).toContain('市人民政府办公室')
  })
  it('refuses bytes that are no text in any charset', () => {
    expect(() => decodeHtml(Buffer.from(Array.from({ length: 500 }, (_, i) => i % 8)))).toThrow(DecodeError)
  })
})

describe('extraction', () => {
  it('uses the national meta tags first', () => {
    const a =
      extract(`<html><head><meta name="ArticleTitle" content="标签标题"><meta name="PubDate" content="2021-05-06 08:30"><meta name="ContentSource" content="市财政局"><meta name="ColumnName" content="工作动态"></head>
      <body><h1>页面标题</h1><div class="TRS_Editor"><p>正文第一段，足够长的文字内容用于检查。</p></div></body></html>`)!
    expect(a).toMatchObject({ title: '标签标题', publishedAt: '2021-05-06T00:30:00.000Z', source: '市财政局', columnKey: '工作动态' })
    expect(a.via).toBe('meta+rule:trs')
  })
  it('falls back to text density on a home-grown layout, and skips list pages', () => {
    const a = extract(
      `<html><head><title>某某通知 - 某县政府</title></head><body><div class="menu"><a href="/">首页</a><a href="/x">新闻</a></div>
      <div class="content"><p>发布时间：2019年3月4日</p><p>这是一篇自建系统的文章正文，包含足够多的文字让密度算法选中它。</p><p>第二段同样是正文。</p></div></body></html>`,
      'http://old.example.gov.cn/news/1.asp',
    )!
    expect(a.title).toBe('某某通知')
    expect(a.publishedAt).toBe('2019-03-03T16:00:00.000Z')
    expect(a.bodyText).toContain('第二段同样是正文')
    expect(a.columnKey).toBe('news')
    expect(extract('<html><body><ul><li><a href="/a">一</a></li><li><a href="/b">二</a></li></ul></body></html>')).toBeNull()
  })
  it('reads the 信息公开 table and reports doubtful pages', () => {
    const a = extract(
      `<html><body><table><tr><td>索引号：</td><td>000014349/2020-00012</td><td>文号：</td><td>国办发〔2020〕3号</td></tr>
      <tr><td>发布机构：</td><td>国务院办公厅</td><td>成文日期：</td><td>2020年02月03日</td><td>主题分类：</td><td>卫生、体育</td></tr></table>
      <div id="zoom"><p>短</p></div></body></html>`,
      'http://old.example.gov.cn/art/2020/2/3/art_1_2.html',
    )!
    expect(a.disclosure).toEqual({
      indexNumber: '000014349/2020-00012',
      documentNumber: '国办发〔2020〕3号',
      publisher: '国务院办公厅',
      writtenAt: '2020-02-02T16:00:00.000Z',
      topic: '卫生、体育',
    })
    expect(a.doubts).toContain('body shorter than 20 characters')
  })
})

describe('HTML to Lexical', () => {
  it('keeps paragraphs, headings, lists, tables, links and images', () => {
    const doc = htmlToLexical(
      '<h2>一、总体要求</h2><p>正文<b>加粗</b><a href="/x.html">链接</a></p><ul><li>甲</li><li>乙</li></ul><table><tr><th>项目</th><td>金额</td></tr></table><p><img src="/i.png"></p>',
      {
        baseUrl: 'http://old.example.gov.cn/a/',
        resolveImage: (src) => (src === 'http://old.example.gov.cn/i.png' ? 7 : null),
      },
    )
    const types = (doc.root.children as Array<{ type: string }>).map((c) => c.type)
    expect(types).toEqual(['heading', 'paragraph', 'list', 'table', 'upload'])
    expect(JSON.stringify(doc)).toContain('"url":"http://old.example.gov.cn/x.html"')
    expect(lexicalToText(doc)).toContain('正文加粗链接')
  })
})

describe('sources', () => {
  let server: http.Server
  let base: string
  const hits: string[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url!)
      if (req.url === '/robots.txt') return res.end('User-agent: *\nDisallow: /secret/\n')
      const n = Number(/\/p(\d+)\.html/.exec(req.url!)?.[1] ?? 0)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<html><body><a href="/p${n + 1}.html">next</a><a href="/secret/x.html">s</a><a href="http://other.invalid/">o</a></body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('crawls one host within the depth bound, obeying robots.txt', async () => {
    const crawler = new CrawlerSource(base, { rate: 1000, maxDepth: 3 })
    expect(await crawler.check()).toBeNull()
    const urls: string[] = []
    for await (const page of crawler.pages()) urls.push(new URL(page.url).pathname + (page.ok ? '' : ' x'))
    expect(urls).toEqual(['/', '/p1.html', '/secret/x.html x', '/p2.html', '/p3.html'])
    expect(hits.some((h) => h.startsWith('/secret/'))).toBe(false)
  })

  it('reads a wget mirror folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mirror-'))
    mkdirSync(path.join(dir, 'www.old.gov.cn', 'xwdt'), { recursive: true })
    writeFileSync(path.join(dir, 'www.old.gov.cn', 'xwdt', 't1.html'), '<p>x</p>')
    writeFileSync(path.join(dir, 'www.old.gov.cn', 'xwdt', 'a.pdf'), '%PDF-1.4')
    const mirror = new MirrorSource(dir)
    const pages: string[] = []
    for await (const page of mirror.pages()) pages.push(page.url)
    expect(pages).toEqual(['http://www.old.gov.cn/xwdt/t1.html'])
    expect((await mirror.asset('http://www.old.gov.cn/xwdt/a.pdf')).ok).toBe(true)
    expect((await mirror.asset('http://www.old.gov.cn/../../etc/passwd')).ok).toBe(false)
  })

  it('lists RSS and Atom item links', () => {
    expect(feedLinks('<rss><channel><item><link>http://a.gov.cn/1.html</link></item></channel></rss>', 'http://a.gov.cn/rss.xml')).toEqual([
      'http://a.gov.cn/1.html',
    ])
    expect(feedLinks('<feed><entry><link rel="alternate" href="/2.html"/></entry></feed>', 'http://a.gov.cn/atom.xml')).toEqual(['http://a.gov.cn/2.html'])
  })
})
