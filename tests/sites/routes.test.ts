import { describe, expect, it } from 'vitest'
import { parsePage, parseRoute } from '../../src/sites/index'

describe('parseRoute', () => {
  it.each([
    ['/', { kind: 'home' }],
    ['/sitemap.html', { kind: 'sitemap-html' }],
    ['/sitemap.xml', { kind: 'sitemap-xml' }],
    ['/robots.txt', { kind: 'robots' }],
    ['/news/', { kind: 'column', path: 'news' }],
    ['/xxgk/zcwj/', { kind: 'column', path: 'xxgk/zcwj' }],
    ['/news/123.html', { kind: 'article', path: 'news', id: '123' }],
    ['/bsfw/g7.html', { kind: 'guide', path: 'bsfw', id: '7' }],
    ['/news/rss.xml', { kind: 'rss', path: 'news' }],
    ['/news', { kind: 'redirect', to: '/news/' }],
    ['/a/b', { kind: 'redirect', to: '/a/b/' }],
    ['/../etc/passwd', { kind: 'not-found' }],
    ['/news/abc.php', { kind: 'not-found' }],
    ['/NEWS/', { kind: 'not-found' }],
    ['/news/%3Cscript%3E/', { kind: 'not-found' }],
  ])('%s', (path, route) => expect(parseRoute(path)).toEqual(route))
})

describe('parsePage', () => {
  it('accepts positive integers and defaults to 1', () => {
    expect(parsePage(undefined)).toBe(1)
    expect(parsePage('3')).toBe(3)
  })
  it('gives a clear error for anything else', () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '9999999']) expect(parsePage(bad)).toBeInstanceOf(Error)
    expect(String(parsePage('abc'))).toMatch(/page must be a positive integer/)
  })
})
