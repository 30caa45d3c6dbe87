import { mkdtempSync, mkdirSync, cpSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRenderer, loadThemes, ThemeError, type PageContext } from '../../src/sites/index'
import { pageContext, siteView, summary } from './fixtures'

const themes = loadThemes('themes')
const renderer = createRenderer(themes, 'department')
const THEMES = ['portal', 'department', 'county']

function homeContext(theme: string): PageContext {
  const news = { key: 'c1', title: '要闻动态', href: '/news/', category: 'news', articles: [summary(1), summary(2)] }
  const notices = { key: 'c2', title: '通知公告', href: '/tzgg/', category: 'notices', articles: [summary(3)] }
  return pageContext('home', {
    site: siteView({ theme }),
    home: {
      headline: summary(1, { title: '头条新闻' }),
      banner: [],
      sections: [news, notices],
      byCategory: { news, notices },
      entrances: [{ title: '办事服务', href: '/bsfw/' }],
      unitSites: [{ kind: 'department', label: '市直部门', sites: [{ name: '玉林市教育局', code: 'jyj', href: '/s/jyj/', domain: 'jyj.yulin.gov.cn' }] }],
      totalVisits: 12345,
    },
  })
}

describe('themes', () => {
  it('loads the three shipped themes and the base', () => {
    expect(themes.names()).toEqual(expect.arrayContaining(THEMES))
  })

  for (const theme of THEMES) {
    it(`${theme}: every page has lang, skip link, landmarks, one h1, footer identifiers and the elderly switch`, () => {
      const html = renderer.render(homeContext(theme))
      expect(html).toContain('<html lang="zh-CN"')
      expect(html).toContain('<a class="skip-link" href="#main">')
      expect(html).toMatch(/<header[^>]*role="banner"/)
      expect(html).toContain('<main id="main"')
      expect(html).toMatch(/<footer[^>]*role="contentinfo"/)
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
      expect(html).toContain('4509000001')
      expect(html).toContain('桂ICP备05000001号')
      expect(html).toContain('桂公网安备45090202000001号')
      expect(html).toContain('我为政府网站找错')
      expect(html).toContain('data-a11y-toggle')
      expect(html).toMatch(/<form class="search-form" role="search" action="http:\/\/localhost:3000\/s\/yulin\/search"/)
      expect(html).not.toMatch(/<script>(?!<)/) // no inline script: only <script src>
      expect(html).toMatch(new RegExp(`<link rel="stylesheet" href="/_theme/${theme}/${theme}\\.[0-9a-f]{10}\\.css">`))
      if (theme !== 'department') expect(html).toContain('头条新闻')
      expect(html).toContain('文章2')
    })
  }

  it('portal home shows unit sites grouped by kind and cumulative visits', () => {
    const html = renderer.render(homeContext('portal'))
    expect(html).toContain('市直部门（1）')
    expect(html).toContain('玉林市教育局')
    expect(html).toContain('12345')
  })

  it('escapes every value a site or article supplies', () => {
    const context = homeContext('department')
    context.site.name = '<script>alert(1)</script>'
    context.site.footer.sponsor = '"><img src=x onerror=alert(1)>'
    context.home!.sections[0].articles[0].title = '<b onmouseover=alert(1)>x</b>'
    const html = renderer.render(context)
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b onmouseover')
    expect(html).toContain('&lt;script&gt;')
  })

  it('renders an article with sanitised body, disclosure table and attachments', () => {
    const html = renderer.render(
      pageContext('article', {
        article: {
          id: 1,
          title: '关于印发《玉林市办法》的通知',
          subtitle: '',
          source: '市政府办',
          author: '',
          publishedAt: '2024-05-01T00:00:00Z',
          publishedDate: '2024-05-01',
          bodyHtml: '<p>正文</p>',
          attachments: [{ title: '附件1.pdf', href: '/m/1.pdf', size: '1.2 MB' }],
          disclosure: {
            indexNumber: '11450900MB0000000X/2024-00001',
            publisher: '玉林市人民政府办公室',
            documentNumber: '玉政办发〔2024〕1号',
            topic: '综合政务',
            writtenDate: '2024-04-28',
            publishedDate: '2024-05-01',
            validity: '有效',
          },
          column: { title: '政策文件', href: '/zcwj/' },
          isPreview: true,
        },
      }),
    )
    expect(html).toContain('<div class="article-body"><p>正文</p></div>')
    for (const label of ['索引号', '发布机构', '文号', '主题分类', '成文日期', '发布日期', '有效性']) expect(html).toContain(label)
    expect(html).toContain('玉政办发〔2024〕1号')
    expect(html).toContain('附件1.pdf')
    expect(html).toContain('预览')
  })

  it('renders column pages with pagination and child columns', () => {
    const html = renderer.render(
      pageContext('column', {
        column: {
          title: '要闻动态',
          href: '/news/',
          rssHref: '/news/rss.xml',
          siblings: [],
          children: [{ title: '部门动态', href: '/news/bmdt/' }],
          articles: [summary(1)],
          pagination: {
            page: 2,
            pages: 3,
            total: 50,
            prevHref: '/news/',
            nextHref: '/news/?page=3',
            items: [1, 2, 3].map((n) => ({ n, href: `/news/?page=${n}`, current: n === 2 })),
          },
        },
      }),
    )
    expect(html).toContain('部门动态')
    expect(html).toContain('rel="next"')
    expect(html).toContain('<span aria-current="page">2</span>')
    expect(html).toContain('/news/rss.xml')
  })

  it('renders the catalogue with filters and metadata per entry', () => {
    const html = renderer.render(
      pageContext('catalogue', {
        catalogue: {
          actionHref: '/xxgk/',
          topics: [{ value: '综合政务', label: '综合政务', selected: true }],
          publishers: [],
          years: [{ value: '2024', label: '2024', selected: false }],
          entries: [
            {
              title: '文件甲',
              href: '/a.html',
              indexNumber: 'X/2024-00001',
              publisher: '市政府办',
              documentNumber: '玉政发〔2024〕2号',
              topic: '综合政务',
              writtenDate: '2024-01-01',
              publishedDate: '2024-01-02',
              validity: '有效',
            },
          ],
          pagination: { page: 1, pages: 1, total: 1, items: [] },
        },
      }),
    )
    expect(html).toContain('<option value="综合政务" selected>')
    expect(html).toContain('X/2024-00001')
    expect(html).toContain('<label for="f-year">年份</label>')
  })

  for (const type of ['sitemap', 'not-found', 'error', 'directory', 'unknown-host', 'guides', 'guide'] as const) {
    it(`renders ${type} in every theme`, () => {
      for (const theme of THEMES) {
        const html = renderer.render(
          pageContext(type, {
            site: siteView({ theme }),
            sitemap: [{ title: '要闻', href: '/news/', children: [{ title: '部门动态', href: '/news/b/', children: [] }] }],
            directory: [{ kind: 'county', label: '县（市）', sites: [{ name: '北流市', code: 'bl', href: '/s/bl/', domain: '' }] }],
            message: { heading: '未找到网站', text: '没有与此域名对应的网站', host: 'x.example' },
            guides: { actionHref: '/bsfw/', groupBy: 'topic', byOrganizationHref: '?by=organization', byTopicHref: '?by=topic', total: 0, groups: [] },
            guide: {
              id: 1,
              title: '婚姻登记',
              href: '/g/1.html',
              organization: '民政局',
              legalBasisHtml: '<p>婚姻法</p>',
              conditionsHtml: '',
              materialsHtml: '',
              processHtml: '',
              place: '',
              hours: '',
              phone: '',
              fees: '',
              timeLimit: '',
              onlineUrl: '',
              topics: [],
              missing: [],
            },
          }),
        )
        expect(html).toContain('<main id="main"')
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
      }
    })
  }

  it('falls back to the fallback theme for a site naming an unknown theme', () => {
    const html = renderer.render(homeContext('no-such-theme'))
    expect(html).toContain('theme-department')
  })

  it('refuses broken theme folders with a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'))
    cpSync('themes/_base', join(dir, '_base'), { recursive: true })
    mkdirSync(join(dir, 'broken'))
    writeFileSync(join(dir, 'broken', 'theme.json'), '{"name":"broken","description":"x","pages":["home"]}')
    expect(() => loadThemes(dir)).toThrow(ThemeError)
    expect(() => loadThemes(dir)).toThrow(/pages\/home.liquid is missing/)
    writeFileSync(join(dir, 'broken', 'theme.json'), '{"name":"other","description":"x"}')
    expect(() => loadThemes(dir)).toThrow(/must equal its folder name/)
    writeFileSync(join(dir, 'broken', 'theme.json'), '{nope')
    expect(() => loadThemes(dir)).toThrow(/not valid JSON/)
    expect(() => loadThemes(join(dir, 'missing'))).toThrow(/base theme missing/)
  })

  it('serves content-hashed assets only by their exact URL', () => {
    const css = themes.get('portal').styleUrls[1]
    expect(themes.asset(css)?.contentType).toBe('text/css; charset=utf-8')
    expect(themes.asset('/_theme/portal/portal.css')).toBeUndefined()
    expect(themes.asset('/_theme/portal/../../package.json')).toBeUndefined()
  })
})
