/**
 * The compiled templates (src/sites/template-compiler.ts) must give liquidjs's output exactly:
 * every case below is rendered both ways and compared, then every page of the three shipped
 * themes is, on a seeded site group.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Liquid } from 'liquidjs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRenderer, loadThemes, type PublicSites } from '../../src/sites/index'
import { compileTheme, UnsupportedTemplate } from '../../src/sites/template-compiler'
import { bootSites, get, type TestServer } from './boot'

/** The engine options themes.ts uses; the cases run through both engines with these files. */
function engines(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'tpl-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, `${name}.liquid`), text)
  }
  const liquid = new Liquid({ root: [root], extname: '.liquid', outputEscape: 'escape', strictFilters: true, ownPropertyOnly: true, jsTruthy: true })
  const shout = (value: unknown, suffix: unknown = '!') => `${String(value).toUpperCase()}${suffix}`
  liquid.registerFilter('shout', shout)
  return { liquid, compiled: compileTheme(liquid, { shout }) }
}

function both(template: string, context: Record<string, unknown>, partials: Record<string, string> = {}) {
  const { liquid, compiled } = engines({ page: template, ...partials })
  return { expected: liquid.renderFileSync('page', context) as string, actual: compiled.renderFile('page', context) }
}

const context = {
  text: `<b class="x">Tom & 'Jerry'</b>`,
  blankText: '',
  zero: 0,
  no: false,
  nothing: null,
  list: [
    { title: 'a<1>', n: 1 },
    { title: 'b', n: 2 },
    { title: 'c', n: 3 },
  ],
  none: [],
  nested: { deep: { value: '深' }, size: 7 },
  words: ['x', 'y'],
  map: { a: 1, b: 2 },
  num: 42,
  fn: () => 'called',
  inherited: Object.create({ hidden: 'proto' }),
}

describe('compiled templates render what liquidjs renders', () => {
  const cases: Array<[string, string, Record<string, string>?]> = [
    [
      'escaping and stringifying',
      `{{ text }}|{{ text | raw }}|{{ text | escape }}|{{ num }}|{{ no }}|{{ nothing }}|{{ missing }}|{{ words }}|{{ list.first.title }}`,
    ],
    [
      'properties, size, first, last and own-only reads',
      `{{ list.size }} {{ words.size }} {{ text.size }} {{ map.size }} {{ nested.size }} {{ nested.deep.value }} {{ list.last.n }} {{ list[1].title }} {{ words[-1] }} {{ fn }} {{ inherited.hidden }}|{{ map.toString }}|{{ size }}|{{ list.missing.deeper }}`,
    ],
    [
      'if / elsif / else with comparisons and logic',
      `{% if list.size > 2 and text != '' %}A{% endif %}{% if zero %}B{% elsif blankText %}C{% elsif nested.deep %}D{% else %}E{% endif %}{% if no or nothing %}F{% else %}G{% endif %}{% if num >= 42 %}H{% endif %}{% if num < 10 %}I{% endif %}{% if words contains 'y' %}J{% endif %}{% if text contains 'Jerry' %}K{% endif %}{% if list == list %}L{% endif %}{% if not zero %}M{% endif %}`,
    ],
    ['unless with else', `{% unless nested.deep.value == '深' or no %}no{% else %}yes{% endunless %}{% unless zero %}Z{% endunless %}`],
    [
      'for with forloop and else, nested loops',
      `{% for item in list %}{{ forloop.index }}/{{ forloop.length }}:{{ item.title }}{% if forloop.first %}(first){% endif %}{% if forloop.last %}(last){% endif %}{{ forloop.rindex0 }}[{% for w in words %}{{ w }}{{ forloop.index0 }}{% endfor %}]{% endfor %}{% for x in none %}never{% else %}empty{% endfor %}{% for pair in map %}{{ pair[0] }}={{ pair[1] }};{% endfor %}{% for ch in text %}{{ ch.size }}{% endfor %}`,
    ],
    [
      'assign lasts beyond the loop and is seen by includes',
      `{% for item in list %}{% assign last = item.title %}{% endfor %}{{ last }}|{% assign articles = list %}{% include 'partials/list' %}|{{ inner }}`,
      { 'partials/list': `{% for a in articles %}<li>{{ a.title }}</li>{% endfor %}{% assign inner = 'set inside' %}` },
    ],
    [
      'default, raw and theme filters',
      `{{ blankText | default: 'd1' }}|{{ zero | default: 'd2' }}|{{ none | default: 'd3' }}|{{ text | default: 'x' }}|{{ missing | default: nested.deep.value }}|{{ text | shout | raw }}|{{ text | shout: '?' }}`,
    ],
    [
      'layout with blocks, default block content and a recursive include',
      `{% layout 'layout' %}{% assign title = 'T<' %}ignored{% block main %}<main>{% include 'partials/tree' %}</main>{% endblock %}`,
      {
        layout: `<title>{{ title }}</title>{% block head %}default head{% endblock %}{% block main %}default main{% endblock %}`,
        'partials/tree': `{% for node in nested %}{% endfor %}{% if words.size > 0 %}{% assign words = none %}<ul>{% include 'partials/tree' %}</ul>{% endif %}`,
      },
    ],
    ['comments vanish', `a{% comment %}{{ nothing }}{% endcomment %}b`],
  ]
  for (const [name, template, partials] of cases) {
    it(name, () => {
      const { expected, actual } = both(template, context, partials)
      expect(actual).toBe(expected)
    })
  }

  it('refuses what it does not cover, so the theme falls back to liquidjs for that page', () => {
    for (const template of [
      `{% capture x %}y{% endcapture %}`,
      `{% for i in list limit: 1 %}{% endfor %}`,
      `{{ text | upcase }}`,
      `{% if x == nil %}{% endif %}`,
      `{% block a %}{{ block.super }}{% endblock %}`,
      `{% include 'p' with list %}`,
    ]) {
      const { compiled } = engines({ page: template, p: '' })
      expect(() => compiled.compileFile('page'), template).toThrow(UnsupportedTemplate)
    }
  })

  it('a theme page using uncovered Liquid still renders, through liquidjs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'))
    mkdirSync(join(dir, '_base', 'pages'), { recursive: true })
    mkdirSync(join(dir, 'plain', 'pages'), { recursive: true })
    mkdirSync(join(dir, '_base', 'assets'), { recursive: true })
    writeFileSync(join(dir, '_base', 'assets', 'base.css'), 'body{}')
    writeFileSync(join(dir, '_base', 'layout.liquid'), '{% block main %}{% endblock %}')
    writeFileSync(join(dir, '_base', 'pages', 'home.liquid'), '{% capture greeting %}你好，{{ site.name }}{% endcapture %}{{ greeting | upcase }}')
    writeFileSync(join(dir, '_base', 'pages', 'not-found.liquid'), '{{ site.name }}')
    writeFileSync(join(dir, 'plain', 'theme.json'), JSON.stringify({ name: 'plain', description: 'test' }))
    const theme = loadThemes(dir).get('plain')
    expect(theme.interpreted).toEqual(['home'])
    expect(theme.render('home', { site: { name: 'abc' } } as never)).toBe('你好，ABC')
    expect(theme.render('not-found', { site: { name: 'a<b' } } as never)).toBe('a&lt;b')
  })

  it('every page of the shipped themes compiles', () => {
    const themes = loadThemes('themes')
    for (const name of themes.names()) expect(themes.get(name).interpreted, name).toEqual([])
  })
})

describe('every page of the three shipped themes, on a seeded site group', () => {
  let payload: Payload
  let sites: PublicSites
  let server: TestServer
  const compared: string[] = []
  const differences: string[] = []
  const firstDifference = (a: string, b: string) => {
    let i = 0
    while (a[i] === b[i]) i++
    return `compiled …${a.slice(Math.max(0, i - 40), i + 40)}… liquidjs …${b.slice(Math.max(0, i - 40), i + 40)}…`
  }

  beforeAll(async () => {
    ;({ payload, sites, server } = await bootSites('template-compiler', { cache: { enabled: false } }))
    const interpreted = createRenderer(loadThemes('themes', '_base', { compiled: false }), sites.config.fallbackTheme)
    const render = sites.renderer.render
    // Each page rendered by the server is rendered again by liquidjs from the same view model.
    // Differences are collected, not thrown: the server would turn a throw into its error page.
    sites.renderer.render = (pageContext) => {
      const html = render(pageContext)
      const expected = interpreted.render(pageContext)
      const name = `${pageContext.site.theme}:${pageContext.page.type}`
      compared.push(name)
      if (html !== expected) differences.push(`${name}: ${firstDifference(html, expected)}`)
      return html
    }
  })
  afterAll(async () => {
    await server?.close()
    await sites?.close()
    await payload?.destroy()
  })

  it('gives byte-identical HTML for home, column, article, catalogue, guides, site map, directory and error pages', async () => {
    const pages: Array<[string, string]> = [
      ['localhost', '/'],
      ['nope.example.com', '/'],
    ]
    for (const host of ['www.yulin.gov.cn', 'fgw.yulin.gov.cn', 'www.beiliu.gov.cn']) {
      pages.push(
        [host, '/'],
        [host, '/sitemap.html'],
        [host, '/gkml/'],
        [host, '/bsfw/'],
        [host, '/bsfw/?by=topic'],
        [host, '/no-such-page/'],
        [host, '/gzdt/?page=abc'],
      )
    }
    for (const [host, path] of pages) await get(server.port, path, { host })
    // Column, article and guide pages: followed from the pages above, a few per site.
    const home = await get(server.port, '/', { host: 'fgw.yulin.gov.cn' })
    const column = /href="(\/[a-z]+\/)"/.exec(home.body)?.[1]
    expect(column).toBeTruthy()
    const list = await get(server.port, column!, { host: 'fgw.yulin.gov.cn' })
    const article = /href="(\/[a-z/]+\/\d+\.html)"/.exec(list.body)?.[1]
    expect(article).toBeTruthy()
    await get(server.port, article!, { host: 'fgw.yulin.gov.cn' })
    const guides = await get(server.port, '/bsfw/', { host: 'www.yulin.gov.cn' })
    const guide = /href="(\/[a-z/]+\/\d+\.html)"/.exec(guides.body)?.[1]
    if (guide) await get(server.port, guide, { host: 'www.yulin.gov.cn' })
    expect(differences).toEqual([])
    const types = new Set(compared)
    for (const expected of [
      'portal:home',
      'department:home',
      'county:home',
      'department:column',
      'department:article',
      'department:catalogue',
      'portal:guides',
      'county:sitemap',
      'department:not-found',
      'department:error',
      'portal:directory',
      'portal:unknown-host',
    ]) {
      expect([...types], expected).toContain(expected)
    }
  })
})
