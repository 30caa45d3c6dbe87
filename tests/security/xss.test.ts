/**
 * Stored XSS: classic payloads written into every text, textarea and rich-text field of an
 * article, its column, the site (footer included), its organization, a service guide and a
 * published letter, then the public pages that show them are parsed: no script element, event
 * handler, javascript:/data: URL, frame or style attribute may come from a payload. The admin's
 * JSON is served as inert JSON, and the project's admin views render through React's escaping.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import type { Field } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootSecurityServer, raw, type SecurityServer } from './server'

export const PAYLOADS = [
  '<script>alert("xss1")</script>',
  '<img src=x onerror=alert("xss2")>',
  '"><svg/onload=alert("xss3")>',
  "'><script>alert('xss4')</script>",
  '<a href="javascript:alert(\'xss5\')">xss5</a>',
  'javascript:alert("xss6")',
  '<svg><script>alert("xss7")</script></svg>',
  '<div style="background:url(javascript:alert(\'xss8\'))">xss8</div>',
  '<style>*{width:expression(alert("xss9"))}</style>',
  '<iframe src="javascript:alert(\'xss10\')"></iframe>',
  '\u003cscript\u003ealert("xss11")\u003c/script\u003e',
  '&#60;script&#62;alert("xss12")&#60;/script&#62;',
  '%3Cscript%3Ealert("xss13")%3C/script%3E',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss14")>',
  '<body onload=alert("xss15")>',
  '<input autofocus onfocus=alert("xss16")>',
  '<a href="jav&#x09;ascript:alert(\'xss17\')">xss17</a>',
  '<a href="&#106;avascript:alert(\'xss18\')">xss18</a>',
  '</textarea><script>alert("xss19")</script>',
  '</title><script>alert("xss20")</script>',
  '<object data="data:text/html,<script>alert(\'xss21\')</script>"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss22\')">',
  '<base href="javascript:alert(\'xss23\')//">',
  '<svg><animate attributeName="href" to="javascript:alert(\'xss24\')"/><a><text>x</text></a></svg>',
  '{{constructor.constructor("alert(\'xss25\')")()}}',
]
// Payload refuses link URLs containing a space, so the variants here have none.
const LINK_URLS = [
  'javascript:alert("link1")',
  'JaVaScRiPt:alert("link2")',
  'java\tscript:alert("link3")',
  'data:text/html,<script>alert("link4")</script>',
  'vbscript:msgbox("link5")',
  '\u0001javascript:alert("link6")',
]

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: 'background:url(javascript:alert("style"))',
  version: 1,
})
const link = (url: string) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { url, newTab: true, linkType: 'custom' },
  children: [text(`link ${url}`)],
})
const richText = (withLinks = true) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      ...PAYLOADS.map((p) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [text(p)] })),
      ...(!withLinks
        ? []
        : [
            {
              type: 'paragraph',
              format: '',
              indent: 0,
              version: 1,
              direction: 'ltr',
              textFormat: 0,
              children: [
                ...LINK_URLS.map(link),
                {
                  type: 'autolink',
                  version: 2,
                  format: '',
                  indent: 0,
                  direction: 'ltr',
                  fields: { url: 'javascript:alert("auto")', linkType: 'custom' },
                  children: [text('auto')],
                },
              ],
            },
          ]),
    ],
  },
})

/** Paths of the text-like fields of a collection (groups, rows and tabs entered; arrays left out). */
function textFields(fields: Field[], prefix = ''): { path: string; type: string }[] {
  const out: { path: string; type: string }[] = []
  for (const field of fields as Array<Record<string, any>>) {
    if (field.virtual) continue
    if (field.type === 'group' && field.name) out.push(...textFields(field.fields, `${prefix}${field.name}.`))
    else if (field.type === 'group' || field.type === 'row' || field.type === 'collapsible') out.push(...textFields(field.fields, prefix))
    else if (field.type === 'tabs') for (const tab of field.tabs) out.push(...textFields(tab.fields, tab.name ? `${prefix}${tab.name}.` : prefix))
    else if (['text', 'textarea', 'richText'].includes(field.type) && field.name && !field.hasMany)
      out.push({ path: `${prefix}${field.name}`, type: field.type })
  }
  return out
}

function setPath(target: Record<string, any>, dotted: string, value: unknown) {
  const parts = dotted.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) node = node[part] ??= {}
  node[parts.at(-1)!] = value
}

let server: SecurityServer
const stored: Record<string, { written: string[]; refused: string[] }> = {}
const urls: Record<string, string> = {}
let articleId: number | string
let counter = 0

/** Writes payloads into every text field of a document; a field whose validation refuses the payload is recorded (refused is safe). */
async function poison(collection: string, id: number | string, extra: Record<string, unknown> = {}, keep: string[] = []) {
  const fields = textFields(server.payload.collections[collection as 'articles'].config.fields).filter((f) => !keep.includes(f.path))
  const update = (data: Record<string, unknown>) =>
    server.payload.update({
      collection: collection as never,
      id,
      data: { ...extra, ...data } as never,
      overrideAccess: true,
      context: { letterInternal: true },
    })
  const written: string[] = []
  const refused: string[] = []
  const attempt = async (path: string, value: unknown) => {
    const data: Record<string, unknown> = {}
    setPath(data, path, value)
    try {
      await update(data)
      written.push(path)
      return true
    } catch (error) {
      refused.push(`${path}: ${(error as Error).message.slice(0, 160)}`)
      return false
    }
  }
  for (const field of fields) {
    if (field.type !== 'richText') await attempt(field.path, PAYLOADS[counter++ % PAYLOADS.length])
    // Hostile links may be refused on save (that is safe); the text payloads must then still be stored.
    else if (!(await attempt(field.path, richText(true)))) await attempt(field.path, richText(false))
  }
  stored[collection] = { written, refused }
}

beforeAll(async () => {
  server = await bootSecurityServer('security-xss')
  const { payload } = server
  const site = (await payload.find({ collection: 'sites', where: { code: { equals: 'fgw' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Record<
    string,
    any
  >
  const article = (
    await payload.find({
      collection: 'articles',
      where: { and: [{ site: { equals: site.id } }, { _status: { equals: 'published' } }] },
      sort: '-publishedAt',
      limit: 1,
      depth: 1,
      overrideAccess: true,
    })
  ).docs[0] as Record<string, any>
  articleId = article.id
  await poison('articles', article.id, { _status: 'published' })
  await poison('columns', article.column.id, {}, ['path'])
  await poison('sites', site.id, {}, ['code'])
  await poison('organizations', site.organization, {}, ['code'])
  const guide = (
    await payload.find({
      collection: 'service-guides' as never,
      where: { organization: { equals: site.organization } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0] as Record<string, any> | undefined
  if (guide) await poison('service-guides', guide.id, {}, ['onlineUrl'])

  const { submitLetter, systemClock } = await import('../../src/interaction')
  const letter = await submitLetter(payload, {
    submission: {
      subject: PAYLOADS[0],
      category: 'consultation',
      content: PAYLOADS.join('\n'),
      name: PAYLOADS[1],
      phone: '13800000000',
      email: undefined,
      publishable: true,
    } as never,
    route: 'site',
    siteId: site.id,
    organizationId: site.organization,
    clock: systemClock,
  })
  await payload.update({
    collection: 'letters' as never,
    id: letter.id,
    data: { status: 'replied', reply: PAYLOADS.slice().reverse().join('\n'), repliedAt: new Date().toISOString(), publication: { approved: true } } as never,
    overrideAccess: true,
    context: { letterInternal: true },
  })

  await server.sites.reloadIndex()
  server.sites.cache.clear()
  const columnPath = ((await payload.findByID({ collection: 'columns', id: article.column.id, depth: 0, overrideAccess: true })) as Record<string, any>).path
  urls.home = '/s/fgw/'
  urls.article = `/s/fgw/${columnPath}/${article.id}.html`
  urls.column = `/s/fgw/${columnPath}/`
  urls.directory = '/'
  urls.letters = '/s/fgw/letters'
  urls.letter = `/s/fgw/letters/${letter.id}`
  urls.guides = '/s/fgw/bsfw/'
  if (guide) urls.guide = `/s/fgw/bsfw/g${guide.id}.html`
  urls.search = `/s/fgw/search?q=${encodeURIComponent(PAYLOADS[2])}`
  urls.errorReport = `/s/fgw/error-report?url=${encodeURIComponent('javascript:alert("reflected")')}`
})
afterAll(async () => server?.close())

const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html|data:image\/svg)/
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background', 'srcset', 'content']

/** Executable markup in a page: what a browser would run. */
function executable(html: string): string[] {
  const doc = new JSDOM(html).window.document
  const found: string[] = []
  for (const script of doc.querySelectorAll('script')) {
    const src = script.getAttribute('src')
    if (!src || !/^(\/s\/[a-z0-9-]+)?\/(_theme|interaction)\//.test(src)) found.push(`script ${script.outerHTML.slice(0, 80)}`)
  }
  for (const element of doc.querySelectorAll('iframe, frame, object, embed, base, applet, meta[http-equiv]')) found.push(`<${element.localName}>`)
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`)
      if (name === 'style') found.push(`style attribute on <${element.localName}>`)
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
      if (URL_ATTRIBUTES.includes(name) && DANGEROUS_URL.test(value)) found.push(`${name}="${attribute.value.slice(0, 40)}" on <${element.localName}>`)
    }
  }
  for (const style of doc.querySelectorAll('style')) if (/expression\(|javascript:|xss/.test(style.textContent ?? '')) found.push('payload inside <style>')
  return found
}

describe('stored XSS on the public pages', () => {
  it('the detector itself finds executable markup (so a clean page means something)', () => {
    expect(executable('<p><img src=x onerror=alert(1)></p>')).toEqual(['onerror on <img>'])
    expect(executable('<a href=" jav&#x09;ascript:alert(1)">x</a>')).toHaveLength(1)
    expect(executable('<script>alert(1)</script><iframe></iframe>')).toHaveLength(2)
    expect(executable('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/_theme/a11y.1.js"></script>')).toEqual([])
  })

  it('wrote payloads into the text fields of every collection involved (validation may refuse some)', () => {
    for (const collection of ['articles', 'columns', 'sites', 'organizations']) {
      expect(stored[collection].written.length, `${collection}: ${JSON.stringify(stored[collection])}`).toBeGreaterThan(0)
    }
    expect(stored.articles.written, JSON.stringify(stored.articles.refused)).toContain('body')
    expect(stored.articles.written).toContain('title')
    expect(stored.sites.written.filter((f) => /(^|\.)footer\./.test(f)).length, JSON.stringify(stored.sites)).toBeGreaterThan(3)
  })

  it.each(['home', 'article', 'column', 'directory', 'letters', 'letter', 'guides', 'guide', 'search', 'errorReport'])(
    '%s page carries no executable markup from a payload',
    async (name) => {
      if (!urls[name]) {
        console.log(`skipped ${name}: the seeded database has no service guide of this unit`)
        return
      }
      const reply = await raw(server.port, 'GET', urls[name])
      expect(reply.status, urls[name]).toBe(200)
      expect(executable(reply.body), urls[name]).toEqual([])
    },
  )

  it('shows the payloads as text (the fields really were rendered)', async () => {
    const article = await raw(server.port, 'GET', urls.article)
    const body = new JSDOM(article.body).window.document.body.textContent ?? ''
    expect(body).toMatch(/alert\("xss\d+"\)/)
    const letter = await raw(server.port, 'GET', urls.letter)
    expect(new JSDOM(letter.body).window.document.body.textContent).toContain('alert("xss1")')
  })
})

describe('stored XSS in the admin', () => {
  it('REST answers are inert JSON: JSON content type, nosniff and a deny-all CSP', async () => {
    const reply = await raw(server.port, 'GET', `/api/articles/${articleId}?depth=0`)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(JSON.parse(reply.body).title).toMatch(/xss/)
  })

  it("the project's admin views never write raw HTML (React escapes every value they show)", () => {
    const files = ['src/scorecard/admin', 'src/search/admin'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    )
    expect(files.length).toBeGreaterThan(3)
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      expect(source, file).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
    }
  })
})
