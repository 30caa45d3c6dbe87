import { spawn, type ChildProcess } from 'node:child_process'
import Database from 'better-sqlite3'
import http from 'node:http'
import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseKind } from '../helpers/database'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'
import { SERVER_NODE_FLAGS } from '../../src/lib/server-flags'
import { DEMO_PASSWORD } from '../helpers/payload'
import type { Page } from 'playwright-core'
import { hasChromium, launchChromium } from '../e2e/browser'
import { generateSync } from 'otplib'

/**
 * The `npm start` path for real: production build (built if missing), migrations on an empty
 * SQLite database, first-run seeding, then /healthz, /admin and REST as a logged-in editor.
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })

/** Logs in through the admin's form once the page is interactive (a click before hydration submits nothing). */
async function signIn(page: Page, email: string) {
  await page.goto(`${base}/admin/login`, { waitUntil: 'networkidle' })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', DEMO_PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
}

/**
 * What a page shows of documents: its visible text, its title and every field's value — except the
 * list's search box, which repeats the query typed into it.
 */
async function shownText(page: Page): Promise<string> {
  const values = await page.locator('input:not(#search-filter-input), textarea').evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value))
  return [await page.title(), await page.locator('body').innerText(), ...values].join('\n')
}

let child: ChildProcess
let base = ''
let output = ''
let port = 0
let dir = ''

/** `npm start`'s script on the test's port and data directory; resolves once the server listens. */
async function start(): Promise<void> {
  output = ''
  child = spawn(
    process.execPath,
    [PRODUCTION_CONDITION, ...SERVER_NODE_FLAGS, '--import', 'tsx', 'scripts/start.ts', '--port', String(port), '--articles', '300'],
    {
      env: {
        ...process.env,
        DATABASE_URI: `file:${path.join(dir, 'smoke.db')}`,
        DATA_DIR: dir,
        MEDIA_DIR: path.join(dir, 'media'),
        SEARCH_INDEX_PATH: path.join(dir, 'search', 'index.db'),
        PAYLOAD_SECRET: 'smoke-secret',
        JOBS_AUTORUN: 'false',
        NODE_OPTIONS: '--no-deprecation',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await waitForOutput('SiteGroup is running', 540_000)
}

function waitForOutput(text: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`))
    const timer = setTimeout(() => reject(new Error(`"${text}" not printed in time:\n${output.slice(-3000)}`)), timeoutMs)
    child.once('exit', onExit)
    const check = setInterval(() => {
      if (output.includes(text)) {
        clearInterval(check)
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve()
      }
    }, 200)
  })
}

// The production path is the embedded default; the PostgreSQL run covers migrations in migrations.test.ts.
describe.skipIf(testDatabaseKind() !== 'sqlite')('npm start (production build, SQLite)', () => {
  beforeAll(async () => {
    port = await freePort()
    dir = mkdtempSync(path.join(os.tmpdir(), 'sitegroup-smoke-'))
    await start()
    base = `http://localhost:${port}`
  }, 600_000)

  afterAll(() => {
    child?.kill('SIGTERM')
  })

  it('prints the admin URL, public URL pattern and demo accounts', () => {
    expect(output).toContain(`${base}/admin`)
    expect(output).toContain('/s/<site-code>/')
    expect(output).toContain('admin@yulin.gov.cn')
    expect(output).toContain(DEMO_PASSWORD)
  })

  it('reports database health', async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: { kind: 'sqlite', ok: true } })
  })

  it('serves the admin', async () => {
    const res = await fetch(`${base}/admin/login`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<html')
  })

  it('serves the public sites, the site directory and the letter form through the same server', async () => {
    const portal = await fetch(`${base}/s/www/`)
    expect(portal.status).toBe(200)
    expect(await portal.text()).toContain('中国玉林')
    const directory = await fetch(`${base}/`)
    expect(directory.status).toBe(200)
    expect(await directory.text()).toContain('玉林市发展和改革委员会')
    // fetch drops a Host header (forbidden by the Fetch spec), so ask by host name through node:http.
    const byHost = await new Promise<string>((resolve, reject) => {
      http
        .get(`${base}/`, { headers: { host: 'fgw.yulin.gov.cn' } }, (res) => {
          let body = ''
          res
            .setEncoding('utf8')
            .on('data', (chunk) => (body += chunk))
            .on('end', () => resolve(body))
        })
        .on('error', reject)
    })
    expect(byHost).toContain('发展和改革委员会')
    const form = await fetch(`${base}/s/fgw/letters/new`)
    expect(form.status).toBe(200)
    expect(await form.text()).toMatch(/<form[^>]+method="post"/i)
  })

  it('searches the group: the index was built from the seeded database at first start', async () => {
    const api = await fetch(`${base}/api/search?q=${encodeURIComponent('玉林')}&scope=all`)
    expect(api.status).toBe(200)
    const body = (await api.json()) as { total: number; hits: Array<{ url: string }> }
    expect(body.total).toBeGreaterThan(0)
    const page = await fetch(`${base}/s/fgw/search?q=${encodeURIComponent('通知')}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('通知')
  })

  it('refills a search index of an older layout at the next start, in the background', async () => {
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
    // What an index written before the site-major layout looks like to this version: no format stamp.
    const index = new Database(path.join(dir, 'search', 'index.db'))
    index.prepare("DELETE FROM meta WHERE key = 'format'").run()
    index.close()
    await start()
    expect(output).toContain('The search index is empty: rebuilding it')
    await waitForOutput('Search index rebuilt', 120_000)
    const api = await fetch(`${base}/api/search?q=${encodeURIComponent('玉林')}&scope=all`)
    expect(api.status).toBe(200)
    expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0)
  }, 700_000)

  it('answers REST for a logged-in editor, scoped to their unit', async () => {
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@fgw.yulin.gov.cn', password: DEMO_PASSWORD }),
    })
    expect(login.status).toBe(200)
    const { token, user } = (await login.json()) as { token: string; user: { organization: unknown } }
    const list = await fetch(`${base}/api/articles?limit=5&depth=0&draft=true&where[state][equals]=published`, { headers: { authorization: `JWT ${token}` } })
    expect(list.status).toBe(200)
    const body = (await list.json()) as { docs: Array<{ organization: unknown }>; totalDocs: number }
    expect(body.totalDocs).toBeGreaterThan(0)
    const anon = await fetch(`${base}/api/articles?limit=1&depth=0&where[state][equals]=draft`)
    expect(((await anon.json()) as { totalDocs: number }).totalDocs).toBe(0)
    expect(user.organization).toBeTruthy()
  })
  // The admin's own CSP (src/security/policy.json) must not break Next's or Payload's UI.
  it.skipIf(!hasChromium)(
    'runs the admin under its Content-Security-Policy in Chromium: no violation on login, dashboard, list and edit views',
    async () => {
      const browser = await launchChromium()
      try {
        const page = await browser.newPage()
        const violations: string[] = []
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
        })
        await page.addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}) ${e.blockedURI}`)),
        )
        const csp = (await page.goto(`${base}/admin/login`))!.headers()['content-security-policy']
        expect(csp).toContain("object-src 'none'")
        await signIn(page, 'editor@fgw.yulin.gov.cn')
        await page.waitForLoadState('networkidle')
        await page.goto(`${base}/admin/collections/articles`, { waitUntil: 'networkidle' })
        const firstRow = page.locator('table tbody tr a').first()
        await firstRow.waitFor({ timeout: 60_000 })
        await firstRow.click()
        await page.waitForURL(/\/admin\/collections\/articles\/\d+/, { timeout: 60_000 })
        await page.waitForLoadState('networkidle')
        expect(await page.locator('form').count(), 'the edit view rendered its form').toBeGreaterThan(0)
        expect(violations).toEqual([])
      } finally {
        await browser.close()
      }
    },
    240_000,
  )

  it.skipIf(!hasChromium)(
    "shows a unit's staff nothing of another unit's draft in the admin views (edit, list, versions)",
    async () => {
      const rsj = await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'editor@rsj.yulin.gov.cn', password: DEMO_PASSWORD }),
      })
      const { token } = (await rsj.json()) as { token: string }
      const columns = (await (
        await fetch(`${base}/api/columns?where[site.code][equals]=rsj&where[path][equals]=tzgg&depth=0`, { headers: { authorization: `JWT ${token}` } })
      ).json()) as { docs: Array<{ id: number }> }
      const title = '人社局未发布草稿绝密标题'
      const created = await fetch(`${base}/api/articles?draft=true`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, column: columns.docs[0].id }),
      })
      expect(created.status).toBe(201)
      const id = ((await created.json()) as { doc: { id: number } }).doc.id
      const browser = await launchChromium()
      try {
        const page = await browser.newPage({ locale: 'zh-CN' })
        await signIn(page, 'editor@fgw.yulin.gov.cn')
        const views = [
          `/admin/collections/articles/${id}`,
          `/admin/collections/articles/${id}/versions`,
          `/admin/collections/articles?search=${encodeURIComponent(title)}`,
        ]
        for (const view of views) {
          await page.goto(`${base}${view}`, { waitUntil: 'networkidle' })
          expect(await shownText(page), view).not.toContain(title)
        }
        // Control: the owning unit's editor does see it in the same view.
        const owner = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
        await signIn(owner, 'editor@rsj.yulin.gov.cn')
        for (const view of views) {
          await owner.goto(`${base}${view}`, { waitUntil: 'networkidle' })
          expect(await shownText(owner), `the owner sees it: ${view}`).toContain(title)
        }
      } finally {
        await browser.close()
      }
    },
    240_000,
  )

  // Last in the file: it turns the second factor on for the central admin of this throwaway database.
  it.skipIf(!hasChromium)(
    'lets a central admin turn on the second factor in the admin, then log in with the code field',
    async () => {
      const browser = await launchChromium()
      const email = 'admin@yulin.gov.cn'
      try {
        // Payload picks the admin's language from the browser's; the default here is Chinese.
        const page = await browser.newPage({ locale: 'zh-CN' })
        await signIn(page, email)
        await page.goto(`${base}/admin/two-factor`, { waitUntil: 'networkidle' })
        expect(await page.locator('nav a[href="/admin/two-factor"]').count(), 'linked from the navigation').toBeGreaterThan(0)
        await page.locator('[data-testid="totp-status"]').waitFor({ timeout: 60_000 })
        await page.getByRole('button', { name: '开始启用' }).click()
        const secret = (await page.locator('[data-testid="totp-secret"]').textContent({ timeout: 30_000 }))!.trim()
        expect(await page.locator('img[alt="双因素认证二维码"]').getAttribute('src')).toMatch(/^data:image\/png;base64,/)
        // A malformed code is refused in the form, before any request.
        await page.fill('input[name="code"]', '12ab')
        await page.getByRole('button', { name: '确认启用' }).click()
        await expect(page.getByRole('alert').first().textContent()).resolves.toContain('6 位数字')
        await page.fill('input[name="code"]', generateSync({ secret }))
        await page.getByRole('button', { name: '确认启用' }).click()
        await page.locator('[data-testid="recovery-codes"]').waitFor({ timeout: 30_000 })
        const recovery = (await page.locator('[data-testid="recovery-codes"] li').allTextContents()).map((c) => c.trim())
        expect(recovery).toHaveLength(10)
        // The panel shows the recovery codes first and then reloads the account state: wait for the status.
        await page.locator('[data-testid="totp-status"]', { hasText: '已启用' }).waitFor({ timeout: 30_000 })

        // Logged out: the password alone no longer opens the admin; the code field with a recovery code does.
        const fresh = await browser.newContext({ locale: 'zh-CN' })
        const login = await fresh.newPage()
        await login.goto(`${base}/admin/login`, { waitUntil: 'networkidle' })
        await login.locator('input[name="totp"]').waitFor({ timeout: 30_000 }) // the login form has the code field
        await login.fill('input[name="email"]', email)
        await login.fill('input[name="password"]', DEMO_PASSWORD)
        await login.click('button[type="submit"]')
        await login.waitForTimeout(2_000)
        expect(new URL(login.url()).pathname).toContain('/login')
        await login.fill('input[name="totp"]', recovery[0])
        await login.click('button[type="submit"]')
        await login.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
        const me = await login.evaluate(
          async () => (await (await fetch('/api/users/me', { credentials: 'include' })).json()) as { user: { email: string } | null },
        )
        expect(me.user?.email).toBe(email)
      } finally {
        await browser.close()
      }
    },
    300_000,
  )
})
