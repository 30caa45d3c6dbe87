import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { Column, Organization, ServiceGuide, User } from '../../payload-types'

type Tree = Array<[string, Tree?]>
type Raw = {
  name: string
  baseDomain: string
  defaultHostingMode: 'own-site' | 'portal-columns'
  province: string
  city: { name: string; shortName: string; slug: string; siteName: string; region: string; address: string; phone: string; email: string }
  counties: Array<{
    name: string
    shortName: string
    slug: string
    kind: 'county' | 'district'
    region: string
    townships: string[]
    townshipHosting?: 'own-site' | 'portal-columns'
  }>
  /** Slug of the county-site column under which portal-columns townships get their subtrees. */
  townshipSection?: string
  departments: string[]
  departmentHosting?: 'own-site' | 'portal-columns'
  departmentSection?: string
  demoPassword: string
  demoAccounts: Array<{ email: string; name: string; unit: string; roles: User['roles'] }>
}

export type PlannedColumn = { name: string; slug: string; category: NonNullable<Column['category']>; owner: string; children: PlannedColumn[] }
/** A service guide's fields as the preset's service-guides.json gives them; the unit is set when it is created. */
export type PlannedServiceGuide = Omit<ServiceGuide, 'id' | 'organization' | 'createdAt' | 'updatedAt'>
export type PlannedOrganization = {
  key: string
  name: string
  shortName: string
  code: string
  kind: NonNullable<Organization['kind']>
  parent: string | null
  hostingMode: 'own-site' | 'portal-columns'
  order: number
  /** Key of the host site, for portal-columns units. */ hostSite?: string
}
export type PlannedSite = {
  key: string
  organization: string
  name: string
  code: string
  domains: string[]
  identificationCode: string
  theme: string
  footer: Record<string, string>
  columns: PlannedColumn[]
}
export type PresetPlan = {
  preset: string
  group: { name: string; baseDomain: string; defaultHostingMode: Raw['defaultHostingMode'] }
  organizations: PlannedOrganization[]
  sites: PlannedSite[]
  demoPassword: string
  demoAccounts: Raw['demoAccounts']
  serviceGuides: Array<{ organization: string; guide: PlannedServiceGuide }>
}

export function presetDirectory(preset: string): string {
  if (!/^[a-z0-9-]+$/.test(preset)) throw new Error(`Invalid preset name "${preset}"`)
  const dir = path.resolve('tenants', preset)
  if (!existsSync(path.join(dir, 'preset.json'))) throw new Error(`Unknown preset "${preset}": tenants/${preset}/preset.json not found`)
  return dir
}

/** Turns a preset's data (tenants/<preset>/) into the organizations, sites and column trees to create. */
export function planPreset(preset: string): PresetPlan {
  const dir = presetDirectory(preset)
  const raw = JSON.parse(readFileSync(path.join(dir, 'preset.json'), 'utf8')) as Raw
  const trees = JSON.parse(readFileSync(path.join(dir, 'columns.json'), 'utf8')) as { unit: Tree; portal: Tree; sections?: Tree; county?: Tree }
  const organizations: PlannedOrganization[] = []
  const sites: PlannedSite[] = []
  let serial = 0
  const code = (region: string) => `11${region}${String(7_560_000 + ++serial).padStart(9, '0')}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[serial % 31]}`
  const identification = (region: string) => `${region}${String(serial).padStart(4, '0')}`
  const footer = (sponsor: string) => ({
    sponsor,
    organizer: `${raw.city.shortName}大数据发展局`,
    icp: `${raw.province}ICP备${String(10_000_000 + serial * 37).slice(0, 8)}号`,
    publicSecurity: `${raw.province}公网安备 ${raw.city.region}02${String(serial).padStart(6, '0')}号`,
    address: raw.city.address,
    phone: raw.city.phone,
    email: raw.city.email,
  })
  const build = (tree: Tree, owner: string): PlannedColumn[] =>
    tree.map(([spec, children]) => {
      const [name, slug, category] = spec.split('|')
      // columns.json is the preset's own data; the columns collection checks the category on create.
      return { name, slug, category: category as PlannedColumn['category'], owner, children: build(children ?? [], owner) }
    })

  const city = raw.city
  organizations.push({
    key: city.slug,
    name: city.name,
    shortName: city.shortName,
    code: code(city.region),
    kind: 'city',
    parent: null,
    hostingMode: 'own-site',
    order: 0,
  })
  const portal: PlannedSite = {
    key: city.slug,
    organization: city.slug,
    name: city.siteName,
    code: city.slug,
    domains: [`www.${raw.baseDomain}`, raw.baseDomain],
    identificationCode: identification(city.region),
    theme: 'portal',
    footer: footer(city.name),
    columns: build(trees.portal, city.slug),
  }
  sites.push(portal)
  const section = raw.departmentSection ? portal.columns.find((c) => c.slug === raw.departmentSection) : undefined

  raw.departments.forEach((entry, i) => {
    const [name, slug] = entry.split('|')
    const hostingMode = raw.departmentHosting ?? raw.defaultHostingMode
    organizations.push({
      key: slug,
      name,
      shortName: name.replace(city.shortName, ''),
      code: code(city.region),
      kind: 'department',
      parent: city.slug,
      hostingMode,
      order: i + 1,
      ...(hostingMode === 'portal-columns' ? { hostSite: portal.key } : {}),
    })
    if (hostingMode === 'portal-columns') {
      if (!section) throw new Error(`Preset ${preset}: departmentSection "${raw.departmentSection}" is not a portal column`)
      section.children.push({
        name: name.replace(city.shortName, ''),
        slug,
        category: 'other',
        owner: slug,
        children: build(trees.sections ?? trees.unit, slug),
      })
    } else {
      sites.push({
        key: slug,
        organization: slug,
        name,
        code: slug,
        domains: [`${slug}.${raw.baseDomain}`],
        identificationCode: identification(city.region),
        theme: 'department',
        footer: footer(name),
        columns: build(trees.unit, slug),
      })
    }
  })

  raw.counties.forEach((county, i) => {
    organizations.push({
      key: county.slug,
      name: county.name,
      shortName: county.shortName,
      code: code(county.region),
      kind: county.kind,
      parent: city.slug,
      hostingMode: 'own-site',
      order: 100 + i,
    })
    const countySite: PlannedSite = {
      key: county.slug,
      organization: county.slug,
      name: `${county.shortName}人民政府门户网站`,
      code: county.slug,
      domains: [`www.${county.slug}.gov.cn`, `${county.slug}.gov.cn`],
      identificationCode: identification(county.region),
      theme: 'county',
      footer: footer(county.name),
      columns: build(trees.county ?? trees.unit, county.slug),
    }
    sites.push(countySite)
    const townshipSection = raw.townshipSection ? countySite.columns.find((c) => c.slug === raw.townshipSection) : undefined
    county.townships.forEach((entry, j) => {
      const [name, slug] = entry.split('|')
      const key = `${county.slug}-${slug}`
      const fullName = `${county.shortName}${name}人民政府`
      const hostingMode = county.townshipHosting ?? raw.defaultHostingMode
      organizations.push({
        key,
        name: fullName,
        shortName: name,
        code: code(county.region),
        kind: 'township',
        parent: county.slug,
        hostingMode,
        order: 1000 + i * 100 + j,
        ...(hostingMode === 'portal-columns' ? { hostSite: countySite.key } : {}),
      })
      if (hostingMode === 'own-site') {
        sites.push({
          key,
          organization: key,
          name: `${county.shortName}${name}`,
          code: key,
          domains: [`${slug}.${county.slug}.gov.cn`],
          identificationCode: identification(county.region),
          theme: 'department',
          footer: footer(fullName),
          columns: build(trees.unit, key),
        })
      } else {
        // Townships publish through their county's site (集约化): a subtree under its township section.
        if (!townshipSection) throw new Error(`Preset ${preset}: townshipSection "${raw.townshipSection}" is not a column of the county sites`)
        townshipSection.children.push({ name, slug, category: 'other', owner: key, children: build(trees.sections ?? trees.unit, key) })
      }
    })
  })

  const guideFile = path.join(dir, 'service-guides.json')
  const guideData = existsSync(guideFile)
    ? (JSON.parse(readFileSync(guideFile, 'utf8')) as { guides: Array<Record<string, unknown> & { kinds: string[]; title: string }>; onlineBase: string })
    : { guides: [], onlineBase: '' }
  const serviceGuides = organizations.flatMap((org) =>
    guideData.guides
      .filter((g) => g.kinds.includes(org.kind))
      .slice(0, 2)
      .map((g, i) => {
        const { kinds: _kinds, ...guide } = g
        const fill = (v: unknown) => (typeof v === 'string' ? v.replaceAll('{org}', org.name).replaceAll('{short}', org.shortName) : v)
        return {
          organization: org.key,
          guide: {
            ...Object.fromEntries(Object.entries(guide).map(([k, v]) => [k, fill(v)])),
            onlineUrl: `${guideData.onlineBase}/${org.code}-${i + 1}`,
            order: i,
          } as PlannedServiceGuide,
        }
      }),
  )

  return {
    preset,
    serviceGuides,
    group: { name: raw.name, baseDomain: raw.baseDomain, defaultHostingMode: raw.defaultHostingMode },
    organizations,
    sites,
    demoPassword: raw.demoPassword,
    demoAccounts: raw.demoAccounts,
  }
}
