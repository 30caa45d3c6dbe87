/**
 * The preset planner on data alone (no database): Yulin's plan is unchanged by the Yuxi
 * additions, Yuxi plans the 玉溪网 portal with department sections, and broken presets are refused.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { planPreset, type PlannedColumn } from '../../src/seed'

const count = (columns: PlannedColumn[]): number => columns.reduce((n, c) => n + 1 + count(c.children), 0)
const owners = (columns: PlannedColumn[]): Set<string> => new Set(columns.flatMap((c) => [c.owner, ...owners(c.children)]))

describe('Yulin plan (own sites)', () => {
  it('still yields the portal and 159 unit sites, every organization own-site with no host site', () => {
    const plan = planPreset('yulin')
    expect(plan.sites).toHaveLength(160)
    expect(plan.organizations).toHaveLength(160)
    expect(plan.organizations.every((o) => o.hostingMode === 'own-site' && !('hostSite' in o))).toBe(true)
    // Every unit site holds only its own organization's columns.
    for (const site of plan.sites) expect([...owners(site.columns)]).toEqual([site.organization])
  })
})

describe('Yuxi plan (departments as portal columns)', () => {
  const plan = planPreset('yuxi')
  const portal = plan.sites[0]
  const section = portal.columns.find((c) => c.slug === 'bmlm')!

  it('plans 玉溪网 with 7 main sections and 60+ sub-columns besides the department sections', () => {
    expect(portal).toMatchObject({ code: 'www', name: '玉溪网', theme: 'portal', domains: ['www.yuxi.gov.cn', 'yuxi.gov.cn'] })
    expect(plan.group).toEqual({ name: '玉溪网政府网站群', baseDomain: 'yuxi.gov.cn', defaultHostingMode: 'portal-columns' })
    expect(portal.columns.map((c) => c.name)).toEqual(['玉溪新闻', '政务', '经济', '文化', '服务', '互动', '部门栏目'])
    const subColumns = portal.columns.filter((c) => c !== section).reduce((n, c) => n + count(c.children), 0)
    expect(subColumns).toBeGreaterThanOrEqual(60)
    expect(portal.identificationCode).toMatch(/^530400\d{4}$/)
    expect(portal.footer.icp).toMatch(/^滇ICP备\d+号$/)
  })

  it('keeps own sites for the district and 8 counties (一区八县) and nothing else', () => {
    expect(plan.sites).toHaveLength(1 + 9)
    const counties = plan.organizations.filter((o) => o.kind === 'county' || o.kind === 'district')
    expect(counties.map((o) => o.shortName).sort()).toEqual(['元江县', '华宁县', '峨山县', '新平县', '易门县', '江川区', '澄江市', '红塔区', '通海县'].sort())
    expect(counties.every((o) => o.hostingMode === 'own-site')).toBe(true)
    for (const county of counties) expect(plan.sites.some((s) => s.organization === county.key && s.theme === 'county')).toBe(true)
  })

  it('gives 30+ city departments a subtree under 部门栏目 on the portal, hosted there', () => {
    const departments = plan.organizations.filter((o) => o.kind === 'department')
    expect(departments.length).toBeGreaterThanOrEqual(30)
    expect(section.children.map((c) => c.owner)).toEqual(departments.map((d) => d.key))
    for (const dept of departments) {
      expect(dept).toMatchObject({ hostingMode: 'portal-columns', hostSite: 'www' })
      const subtree = section.children.find((c) => c.owner === dept.key)!
      expect(subtree.slug).toBe(dept.key)
      expect([...owners([subtree])]).toEqual([dept.key])
      expect(subtree.children.map((c) => c.category)).toEqual(expect.arrayContaining(['news', 'notices', 'policy', 'disclosure', 'services', 'interaction']))
    }
    expect(plan.sites.some((s) => departments.some((d) => d.key === s.organization))).toBe(false)
  })

  it('hosts each township on its county site under 乡镇（街道）', () => {
    const townships = plan.organizations.filter((o) => o.kind === 'township')
    expect(townships.length).toBeGreaterThanOrEqual(70)
    for (const township of townships) {
      expect(township.hostingMode).toBe('portal-columns')
      expect(township.hostSite).toBe(township.parent)
      const county = plan.sites.find((s) => s.key === township.parent)!
      const xzjd = county.columns.find((c) => c.slug === 'xzjd')!
      expect(xzjd.children.some((c) => c.owner === township.key)).toBe(true)
    }
  })

  it('has demo accounts for a department in column mode and the central admin, with the Yuxi demo password', () => {
    expect(plan.demoPassword).toBe('Demo#2026yx')
    const roles = (unit: string) => plan.demoAccounts.filter((a) => a.unit === unit).flatMap((a) => a.roles)
    expect(roles('fgw')).toEqual(expect.arrayContaining(['site-admin', 'editor', 'reviewer']))
    expect(roles('www')).toContain('central-admin')
    for (const account of plan.demoAccounts)
      expect(
        plan.organizations.some((o) => o.key === account.unit),
        account.email,
      ).toBe(true)
  })
})

describe('bad presets are refused with a clear message', () => {
  const cwd = process.cwd()
  afterEach(() => process.chdir(cwd))

  /** A copy of the Yuxi preset in a scratch directory, edited by `change`. */
  function brokenCopy(change: (preset: Record<string, unknown>) => void): void {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preset-'))
    mkdirSync(path.join(dir, 'tenants'))
    cpSync(path.resolve('tenants/yuxi'), path.join(dir, 'tenants/broken'), { recursive: true })
    const file = path.join(dir, 'tenants/broken/preset.json')
    const preset = JSON.parse(readFileSync(file, 'utf8'))
    change(preset)
    writeFileSync(file, JSON.stringify(preset))
    process.chdir(dir)
  }

  it('an unknown or malformed preset name', () => {
    expect(() => planPreset('nowhere')).toThrow('Unknown preset "nowhere": tenants/nowhere/preset.json not found')
    expect(() => planPreset('../yulin')).toThrow('Invalid preset name "../yulin"')
  })

  it('a department section that is not a portal column', () => {
    brokenCopy((p) => (p.departmentSection = 'missing'))
    expect(() => planPreset('broken')).toThrow('Preset broken: departmentSection "missing" is not a portal column')
  })

  it('a township section that is not a county-site column', () => {
    brokenCopy((p) => (p.townshipSection = 'missing'))
    expect(() => planPreset('broken')).toThrow('Preset broken: townshipSection "missing" is not a column of the county sites')
  })
})

describe('the --preset switch', () => {
  it.each(['scripts/start.ts', 'scripts/seed.ts'])('%s refuses an unknown preset before building or seeding anything', (script) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--preset', 'nosuch'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: 'file:/nonexistent/never-created.db' },
      timeout: 120_000,
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Unknown preset "nosuch": tenants/nosuch/preset.json not found')
  })
})
