import http from 'node:http'
import type { AddressInfo } from 'node:net'
import iconv from 'iconv-lite'
import sharp from 'sharp'

/** One article of the generated old site, as the test expects to find it after the import. */
export interface LegacyArticle {
  path: string
  column: 'news' | 'notices' | 'policies'
  title: string
  publishedAt: string
  source: string
  paragraphs: string[]
  attachment?: { path: string; name: string }
  image?: string
  linksTo?: string
  disclosure?: { indexNumber: string; documentNumber: string; publisher: string; writtenAt: string; topic: string }
}

const COLUMN_NAMES = { news: '新闻动态', notices: '通知公告', policies: '政策文件' }
const pad = (n: number) => String(n).padStart(2, '0')

/** `count` articles spread over three columns and three layouts (TRS with tags, Hanweb-like GBK without, TRS disclosure). */
export function legacyArticles(count: number): LegacyArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const column = (['news', 'notices', 'policies'] as const)[i % 3]
    const day = (i % 28) + 1
    const path =
      column === 'news'
        ? `/xwdt/202401/t202401${pad(day)}_${1000 + i}.html`
        : column === 'notices'
          ? `/art/2023/3/${day}/art_12_${2000 + i}.html`
          : `/zcwj/202312/t202312${pad(day)}_${3000 + i}.html`
    const article: LegacyArticle = {
      path,
      column,
      title: `${COLUMN_NAMES[column]}第${i}号：关于做好${['春耕', '防汛', '消防', '教育'][i % 4]}工作的${column === 'notices' ? '通知' : '报道'}`,
      publishedAt: `2023-0${(i % 9) + 1}-${pad(day)}T0${i % 10}:30:00.000+08:00`,
      source: ['市政府办公室', '市发展改革委', '市教育局'][i % 3],
      paragraphs: [`这是第${i}篇文章的正文，内容涉及全市经济社会发展的重要事项。`, `第二段：各县（市、区）人民政府，市直各单位要认真贯彻落实，编号${i}。`],
    }
    if (i % 10 === 0) article.attachment = { path: `/files/${i}/附件${i}.pdf`, name: `附件${i}.pdf` }
    if (i % 7 === 0) article.image = `/images/${i}.png`
    if (column === 'policies')
      article.disclosure = {
        indexNumber: `11450900MB000${pad(i % 100)}X/2023-${String(i).padStart(5, '0')}`,
        documentNumber: `玉政发〔2023〕${i}号`,
        publisher: '玉林市人民政府',
        writtenAt: `2023-0${(i % 9) + 1}-01`,
        topic: '综合政务',
      }
    return article
  }).map((a, i, all) => (i > 0 && i % 5 === 0 ? { ...a, linksTo: all[i - 1].path } : a))
}

const dateText = (iso: string) => iso.slice(0, 16).replace('T', ' ')

function bodyHtml(a: LegacyArticle): string {
  const paragraphs = a.paragraphs.map((p) => `<p>${p}</p>`).join('')
  const link = a.linksTo ? `<p>参见<a href="${a.linksTo}">上一篇</a>和<a href="https://www.gov.cn/zhengce/">中国政府网</a>。</p>` : ''
  const image = a.image ? `<p><img src="${a.image}" alt="配图"></p>` : ''
  const attachment = a.attachment ? `<p>附件：<a href="${encodeURI(a.attachment.path)}">${a.attachment.name}</a></p>` : ''
  return paragraphs + link + image + attachment
}

function trsPage(a: LegacyArticle): string {
  const table = a.disclosure
    ? `<table class="xxgk"><tr><th>索引号：</th><td>${a.disclosure.indexNumber}</td><th>主题分类：</th><td>${a.disclosure.topic}</td></tr><tr><th>发布机构：</th><td>${a.disclosure.publisher}</td><th>成文日期：</th><td>${a.disclosure.writtenAt}</td></tr><tr><th>文号：</th><td>${a.disclosure.documentNumber}</td></tr></table>`
    : ''
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${a.title}_玉林市人民政府</title>
<meta name="SiteName" content="玉林市人民政府"><meta name="SiteDomain" content="www.yulin.gov.cn"><meta name="SiteIDCode" content="4509000001">
<meta name="ColumnName" content="${COLUMN_NAMES[a.column]}"><meta name="ColumnType" content="${COLUMN_NAMES[a.column]}">
<meta name="ArticleTitle" content="${a.title}"><meta name="PubDate" content="${dateText(a.publishedAt)}"><meta name="ContentSource" content="${a.source}">
</head><body><div class="nav"><a href="/">首页</a><a href="/xwdt/">新闻动态</a><a href="/tzgg/">通知公告</a><a href="/zcwj/">政策文件</a></div>
${table}<h1 class="article-title">${a.title}</h1><div class="article-info"><span>发布时间：${dateText(a.publishedAt)}</span><span>来源：${a.source}</span></div>
<div class="TRS_Editor">${bodyHtml(a)}</div><div class="footer">版权所有 玉林市人民政府</div></body></html>`
}

/** Hanweb-like, no metadata tags, GB2312 declared (GBK bytes): needs the selector rules. */
function hanwebPage(a: LegacyArticle): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${a.title}</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<div class="main-title">${a.title}</div><div class="main-info">发布日期：${dateText(a.publishedAt)}\u3000来源：${a.source}\u3000浏览次数：12</div>
<div id="zoom">${bodyHtml(a)}</div></body></html>`
}

export interface LegacySite {
  url: string
  articles: LegacyArticle[]
  /** Pages whose content the test changed after the first run. */
  change: (paths: string[]) => void
  close: () => Promise<void>
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer << /Root 1 0 R /Size 2 >>\nstartxref\n48\n%%EOF\n',
)

export async function startLegacySite(count: number, options: { bad?: boolean } = {}): Promise<LegacySite> {
  const articles = legacyArticles(count)
  const byPath = new Map(articles.map((a) => [a.path, a]))
  const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer()
  const lists: Record<string, string> = { '/xwdt/': 'news', '/tzgg/': 'notices', '/zcwj/': 'policies' }
  const badLinks = options.bad
    ? [
        '/bad/404.html',
        '/bad/500.html',
        '/bad/loop.html',
        '/bad/big.html',
        '/bad/undecodable.html',
        '/bad/offhost.html',
        '/bad/slow.html',
        '/bad/fakefile.html',
      ]
    : []
  const server = http.createServer((req, res) => {
    const path = decodeURI(new URL(req.url!, 'http://x').pathname)
    const send = (status: number, body: Buffer | string, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type })
      res.end(body)
    }
    if (path === '/robots.txt') return send(200, 'User-agent: *\nDisallow: /private/\n', 'text/plain')
    if (path === '/')
      return send(
        200,
        `<html><head><meta charset="utf-8"><title>玉林市人民政府</title></head><body>${[...Object.keys(lists), '/private/secret.html', ...badLinks].map((p) => `<a href="${p}">${p}</a>`).join(' ')}</body></html>`,
      )
    if (lists[path]) {
      const items = articles
        .filter((a) => a.column === lists[path])
        .map((a) => `<li><a href="${a.path}">${a.title}</a><span>${dateText(a.publishedAt)}</span></li>`)
      return send(200, `<html><head><meta charset="utf-8"><title>列表</title></head><body><ul class="list">${items.join('')}</ul></body></html>`)
    }
    const article = byPath.get(path)
    if (article) return article.column === 'notices' ? send(200, iconv.encode(hanwebPage(article), 'gbk'), 'text/html') : send(200, trsPage(article))
    if (path.startsWith('/files/')) return send(200, PDF, 'application/pdf')
    if (path.startsWith('/images/')) return send(200, png, 'image/png')
    if (path === '/bad/500.html') return send(500, 'error')
    if (path === '/bad/loop.html') return res.writeHead(302, { location: '/bad/loop.html' }).end()
    if (path === '/bad/offhost.html') return res.writeHead(301, { location: 'http://elsewhere.invalid/page.html' }).end()
    if (path === '/bad/big.html') return send(200, `<html><body>${'大'.repeat(400_000)}</body></html>`)
    if (path === '/bad/undecodable.html') return send(200, Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 9)), 'text/html; charset=utf-8')
    if (path === '/bad/slow.html') return // never answers
    if (path === '/bad/fakefile.html') {
      const fake: LegacyArticle = { ...articles[1], path, title: '附件类型不符的文章', attachment: { path: '/bad/fake.pdf', name: 'fake.pdf' } }
      return send(200, trsPage(fake))
    }
    if (path === '/bad/fake.pdf') return send(200, png, 'application/pdf')
    send(404, 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return {
    url,
    articles,
    change: (paths) => {
      for (const p of paths) {
        const a = byPath.get(p)!
        a.paragraphs = [...a.paragraphs, '修订：本文已更新。']
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
