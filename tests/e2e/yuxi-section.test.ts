/**
 * The Yuxi model in Debian's Chromium: from the 玉溪网 portal's unit list a visitor reaches a
 * department's column section (部门栏目), which shows the department's name and its own
 * navigation, keeps it on every page of the subtree, and passes axe.
 */
import { mkdirSync } from 'node:fs'
import type { Payload } from 'payload'
import type { Browser } from 'playwright-core'
import { hasChromium, launchChromium, seriousAxeViolations } from './browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublicSites, type PublicSites } from '../../src/sites/index'
import { bootYuxi } from '../hosting-preset/yuxi'
import { startSitesServer, type TestServer } from '../sites/boot'

let payload: Payload
let sites: PublicSites
let server: TestServer
let browser: Browser

describe.skipIf(!hasChromium)('Yuxi: a department section on the portal, in Chromium', () => {
  beforeAll(async () => {
    payload = await bootYuxi('yuxi-e2e')
    sites = await createPublicSites({ payload, background: false, logger: { error: (obj, msg) => console.error(msg, obj) } })
    server = await startSitesServer(sites)
    browser = await launchChromium()
    mkdirSync('test-results', { recursive: true })
  }, 900_000) // the first file to run builds the Yuxi template (minutes on a loaded machine)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await sites?.close()
    await payload?.destroy()
  })

  it('reaches the department from the portal and shows its section with its own navigation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/s/www/`)
    expect(await page.title()).toBe('玉溪网')
    const units = page.locator('.unit-sites')
    await units.locator('summary', { hasText: '市直部门' }).click()
    await units.getByRole('link', { name: '玉溪市发展和改革委员会' }).click()
    await page.waitForURL(`${server.url}/s/www/bmlm/fgw/`)

    await expect.poll(() => page.locator('main h1').innerText()).toBe('玉溪市发展和改革委员会')
    const unitNav = page.getByRole('navigation', { name: '发展和改革委员会栏目导航' })
    expect(await unitNav.isVisible()).toBe(true)
    const items = await unitNav.locator('ul a').allInnerTexts()
    expect(items).toEqual(['机构职能', '工作动态', '通知公告', '政策文件', '信息公开', '办事指南', '互动交流'])
    // The portal's main navigation stays above, with the department section marked as current.
    expect(await page.getByRole('navigation', { name: '主导航' }).locator('a[aria-current="page"]').innerText()).toBe('部门栏目')
    expect(await page.locator('.unit-sections .home-section').count()).toBeGreaterThan(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/yuxi-section-1280.png', fullPage: true })

    await unitNav.getByRole('link', { name: '工作动态' }).click()
    await page.waitForURL(`${server.url}/s/www/bmlm/fgw/gzdt/`)
    expect(await page.locator('main h1').innerText()).toBe('工作动态')
    const again = page.getByRole('navigation', { name: '发展和改革委员会栏目导航' })
    expect(await again.locator('a[aria-current="page"]').innerText()).toBe('工作动态')
    expect(await again.locator('.unit-name').innerText()).toBe('玉溪市发展和改革委员会')

    await page.locator('.article-list a').first().click()
    await page.waitForURL(/\/s\/www\/bmlm\/fgw\/gzdt\/\d+\.html$/)
    expect(await page.locator('.article-meta .publisher').innerText()).toBe('发布单位：玉溪市发展和改革委员会')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.close()
  })

  it('fits a 375 px screen without horizontal overflow', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } })
    await page.goto(`${server.url}/s/www/bmlm/fgw/`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: 'test-results/yuxi-section-375.png', fullPage: true })
    await page.close()
  })
})
