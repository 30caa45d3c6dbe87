/**
 * The search page in Debian's Chromium: search from a department site, switch to all sites, filter
 * by a facet, keyboard-only use, and axe-core on the results page. A small Express app serves the
 * search router alone on a seeded database (independent of src/server.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { hasChromium, launchChromium, seriousAxeViolations } from './browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSearchEngine, searchIndexerFor, type SearchEngine } from '../../src/search/index'
import { bootPayload } from '../helpers/payload'
import { startSearchServer, type SearchServer } from '../search/http-helpers'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-e2e-'))
process.env.SEARCH_INDEX_PATH = path.join(directory, 'index.db')

let payload: Payload
let engine: SearchEngine
let server: SearchServer
let browser: Browser

const resultSites = (page: Page) => page.locator('ol.results .meta').allInnerTexts()

describe.skipIf(!hasChromium)('search page in Chromium', () => {
  beforeAll(async () => {
    payload = await bootPayload('search-e2e', { seeded: true })
    await searchIndexerFor(payload).reconcile()
    engine = createSearchEngine(process.env, { embedded: { workers: 1 } })
    server = await startSearchServer(payload, engine, { queryLog: false })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await engine?.close()
    await payload?.destroy()
    fs.rmSync(directory, { recursive: true, force: true })
  })

  it('searches a department site, switches to all sites and filters by a facet', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/s/fgw/search`)
    // The form is reachable and labelled: typing into the labelled box and pressing Enter searches.
    await page.getByLabel('搜索关键词').fill('玉林')
    await page.getByLabel('搜索关键词').press('Enter')
    await page.waitForSelector('ol.results li')
    expect(await page.locator('p[role=status]').innerText()).toMatch(/共 \d+ 条结果/)
    const own = await resultSites(page)
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((meta) => meta.startsWith('玉林市发展和改革委员会'))).toBe(true)
    expect(await page.locator('ol.results mark').first().innerText()).toBe('玉林')
    expect(await seriousAxeViolations(page)).toEqual([])

    // Switch to all sites with the radio button and search again.
    await page.getByLabel('全部网站').check()
    // The page's own search form: the theme's header carries a second 搜索 button.
    await page.getByRole('search', { name: '站内搜索' }).getByRole('button', { name: '搜索' }).click()
    await page.waitForURL(/scope=all/)
    const all = await resultSites(page)
    expect(new Set(all.map((meta) => meta.split(' · ')[0])).size).toBeGreaterThan(1)

    // Filter by a site facet: every result then comes from that site, and the facet shows as chosen.
    const facet = page.locator('nav.facets h3:text("网站") + ul a').nth(1)
    const label = (await facet.innerText()).replace(/\s*\(\d+\)$/, '')
    await facet.click()
    await page.waitForURL(/sites=/)
    const filtered = await resultSites(page)
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.every((meta) => meta.startsWith(label))).toBe(true)
    expect(await page.locator('nav.facets a[aria-current=true]').first().innerText()).toContain(label)

    // Then by year: the results keep both filters.
    await page.locator('nav.facets h3:text("年份") + ul a').first().click()
    await page.waitForURL(/years=/)
    expect(page.url()).toMatch(/sites=/)
    await page.close()
  })

  it('works from the keyboard alone and tells the visitor when nothing is found', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/s/fgw/search`)
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Enter') // past the theme's header (its brand link and header search box) to the main content
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sg-search-q')
    await page.keyboard.type('玉林 根本不存在的词语组合')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#sg-search-help')
    expect(await page.locator('#sg-search-help').innerText()).toBe('没有找到相关结果')
    const help = await page.locator('section[aria-labelledby=sg-search-help] a').allInnerTexts()
    expect(help).toContain('玉林')
    await page.close()
  })
})
