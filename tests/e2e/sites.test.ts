/**
 * Public sites in Debian's Chromium: axe-core on each page type of the three themes, keyboard
 * reach, elderly mode persistence, and screenshots of each theme's home at 1280 and 375 px.
 */
import { existsSync, mkdirSync } from 'node:fs'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { hasChromium, launchChromium, seriousAxeViolations } from './browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublicSites } from '../../src/sites/index'
import { bootSites, type TestServer } from '../sites/boot'

const THEMES = [
  { theme: 'portal', code: 'www' },
  { theme: 'department', code: 'fgw' },
  { theme: 'county', code: 'beiliu' },
]

let payload: Payload
let sites: PublicSites
let server: TestServer
let browser: Browser

async function firstLink(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href')
  if (!href) throw new Error(`no link matches ${selector} on ${page.url()}`)
  return href
}

describe.skipIf(!hasChromium)('public sites in Chromium', () => {
  beforeAll(async () => {
    ;({ payload, sites, server } = await bootSites('sites-e2e'))
    browser = await launchChromium()
    mkdirSync('test-results', { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await sites?.close()
    await payload?.destroy()
  })

  for (const { theme, code } of THEMES) {
    it(`${theme}: home, column, article and catalogue have no serious or critical axe violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      const home = `${server.url}/s/${code}/`
      await page.goto(home)
      const column = await firstLink(page, '.home-section .more')
      const pages = [home, new URL(column, home).href]
      await page.goto(pages[1])
      pages.push(new URL(await firstLink(page, '.article-list a'), home).href)
      pages.push(`${server.url}/s/${code}/zfxxgk/`)
      const problems: string[] = []
      for (const url of pages) {
        const response = await page.goto(url)
        expect(response?.status(), url).toBe(200)
        problems.push(...(await seriousAxeViolations(page)).map((p) => `${url}: ${p}`))
      }
      await context.close()
      expect(problems).toEqual([])
    })

    it(`${theme}: screenshots of the home page at 1280 and 375 px`, async () => {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } })
        const page = await context.newPage()
        await page.goto(`${server.url}/s/${code}/`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0)
        const file = `test-results/sites-${theme}-home-${width}.png`
        await page.screenshot({ path: file, fullPage: true })
        expect(existsSync(file)).toBe(true)
        await context.close()
      }
    })
  }

  it('keyboard alone reaches the main content and the search box', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/s/fgw/`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.goto(`${server.url}/s/fgw/`)
    let reached = false
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.id === 'site-search-q')
    }
    expect(reached).toBe(true)
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none') // visible focus
    await page.close()
  })

  it('elderly mode enlarges text, raises contrast and persists across pages', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/s/fgw/`)
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    await page.locator('[data-a11y-toggle]').click()
    expect(await page.locator('[data-a11y-toggle]').getAttribute('aria-pressed')).toBe('true')
    const after = await page.evaluate(() => {
      const style = getComputedStyle(document.body)
      return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), elderly: document.documentElement.classList.contains('elderly') }
    })
    expect(after.elderly).toBe(true)
    expect(after.size).toBeGreaterThan(before * 1.2)
    expect(after.lineHeight / after.size).toBeGreaterThanOrEqual(1.3)
    await page.goto(`${server.url}/s/fgw/tzgg/`)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true)
    expect(await page.locator('[data-a11y-toggle]').getAttribute('aria-pressed')).toBe('true')
    expect(await context.cookies()).toEqual([]) // remembered without cookies
    await page.locator('[data-a11y-toggle]').click()
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(false)
    await context.close()
  })

  it('loads no third-party resource and runs no inline script under the CSP', async () => {
    const page = await browser.newPage()
    const hosts = new Set<string>()
    const errors: string[] = []
    page.on('request', (r) => hosts.add(new URL(r.url()).host))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${server.url}/s/www/`)
    await page.waitForLoadState('networkidle')
    expect([...hosts]).toEqual([new URL(server.url).host])
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([])
    await page.close()
  })
})
