import { formatNames, toWords, type CollectionSlug, type Payload, type SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interactionPolicy, letterStatuses } from '../../src/interaction'
import { login, startApiServer } from '../helpers/http'
import { bootPayload, DEMO_PASSWORD, userByEmail } from '../helpers/payload'

/**
 * Tenant isolation over EVERY collection (issue 7's matrix; tests/foundation/isolation.test.ts goes
 * deep on articles, sites, columns and users). For each collection the table below says what the
 * public and a unit's staff may read; the test then lists the collection as anonymous and as each
 * role of 发改委 (fgw), through the Local API (overrideAccess: false) and REST, and checks every
 * returned document against the rule, and tries to change and delete another unit's (人社局 rsj)
 * document one by one and in bulk (`PATCH`/`DELETE /api/<slug>?where=…`), reading it back after.
 * Each unit-scoped collection gets fixtures of both units first, so a leak has something to show.
 * A collection added without a row here fails the first test.
 */
type Doc = Record<string, any>
type Me = { org: number | string; sites: Set<string> }
type Rule = {
  /** Fields naming the owning unit: organizations directly, or sites (mapped to their organization). */
  owner: { orgs?: string[]; sites?: string[] }
  /** What anonymous may see: nothing, everything, or documents passing the predicate. */
  anonymous: 'none' | 'all' | ((doc: Doc) => boolean)
  /** What unit staff may see beyond their own unit's documents. */
  staff: 'own' | 'all' | 'none' | ((doc: Doc) => boolean)
}
const published = (doc: Doc) => doc._status === 'published'
const ORG = { orgs: ['organization'] }
const publicFile = (doc: Doc) => Boolean(doc.publicFrom) && new Date(doc.publicFrom) <= new Date()
const RULES: Record<string, Rule> = {
  articles: { owner: ORG, anonymous: published, staff: published },
  'audit-log': { owner: {}, anonymous: 'none', staff: 'none' },
  columns: { owner: { orgs: ['ownerOrganization'], sites: ['site'] }, anonymous: (d) => d.visibility === 'public', staff: 'all' },
  'error-reports': { owner: ORG, anonymous: 'none', staff: 'own' },
  'evaluation-results': { owner: ORG, anonymous: 'none', staff: 'own' },
  // A run's metadata (when, which set, how far) is shared with every unit; its results are not.
  'evaluation-runs': { owner: ORG, anonymous: 'none', staff: 'all' },
  holidays: { owner: {}, anonymous: 'all', staff: 'all' },
  // Moving a unit's old website in is the central office's work (docs/import.md).
  'import-records': { owner: { sites: ['site'] }, anonymous: 'none', staff: 'none' },
  'indicator-sets': { owner: {}, anonymous: 'none', staff: 'all' },
  'letter-inbox': { owner: { orgs: ['targetOrganization'] }, anonymous: 'none', staff: 'none' },
  letters: { owner: { orgs: ['assignedOrganization'] }, anonymous: 'none', staff: 'own' },
  'login-attempts': { owner: {}, anonymous: 'none', staff: 'none' },
  'manual-scores': { owner: ORG, anonymous: 'none', staff: 'own' },
  // A file is public once a published document uses it (collections/media/visibility.ts), otherwise its unit's.
  media: { owner: ORG, anonymous: publicFile, staff: publicFile },
  'mode-switches': { owner: ORG, anonymous: 'none', staff: 'none' },
  organizations: { owner: {}, anonymous: 'all', staff: 'all' },
  'page-views': { owner: { sites: ['site'] }, anonymous: 'none', staff: 'own' },
  placements: { owner: { orgs: ['sourceOrganization', 'targetOrganization'] }, anonymous: 'none', staff: 'own' },
  'probe-samples': { owner: { sites: ['site'] }, anonymous: 'none', staff: 'none' },
  ratings: { owner: ORG, anonymous: 'none', staff: 'own' },
  'rectification-items': { owner: ORG, anonymous: 'none', staff: 'own' },
  // Redirects answer publicly anyway (a 301 on the old URL); staff see them to understand a move.
  redirects: { owner: { sites: ['site'] }, anonymous: 'none', staff: 'all' },
  'search-queries': { owner: ORG, anonymous: 'none', staff: 'own' },
  'service-guides': { owner: ORG, anonymous: published, staff: published },
  sites: { owner: ORG, anonymous: (d) => d.status === 'active', staff: 'all' },
  users: { owner: ORG, anonymous: 'none', staff: 'own' },
}
// Shared, not owned by a unit (their writes are the central office's: tests/foundation/isolation.test.ts).
const NO_FOREIGN_FIXTURE = ['columns', 'organizations', 'holidays', 'indicator-sets', 'audit-log', 'login-attempts']
const STAFF = ['editor@fgw.yulin.gov.cn', 'reviewer@fgw.yulin.gov.cn', 'siteadmin@fgw.yulin.gov.cn', 'letters@fgw.yulin.gov.cn']
const RATING_SCORES = ['attitude', 'efficiency', 'lawfulness', 'openness', 'integrity', 'conduct', 'quality', 'responsiveness', 'convenience', 'overall']
const KIND = interactionPolicy.errorReportKinds[0].value
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as Doc).id : value)

let payload: Payload
let api: { url: string; close: () => Promise<void> }
const siteOrg = new Map<string, string>()
const units: Record<'fgw' | 'rsj', { org: number | string; site: number | string; column: number | string; article: number | string }> = {} as never
const foreign: Partial<Record<string, number | string>> = {}
const tokens = new Map<string, string>()

const one = async (collection: CollectionSlug, where: Record<string, unknown>) =>
  (await payload.find({ collection, where: where as never, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc

/** Fixtures below Payload's hooks (the adapter): hooks would refuse or re-derive what the matrix needs to plant. */
async function plant(collection: CollectionSlug, data: Doc) {
  const doc = (await payload.db.create({ collection, data: { createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), ...data } })) as Doc
  return doc.id as number | string
}

function ownersOf(rule: Rule, doc: Doc): string[] {
  const orgs = (rule.owner.orgs ?? [])
    .map((f) => idOf(doc[f]))
    .filter((v) => v != null)
    .map(String)
  const sites = (rule.owner.sites ?? [])
    .map((f) => idOf(doc[f]))
    .filter((v) => v != null)
    .map((s) => siteOrg.get(String(s)) ?? `site:${s}`)
  return [...orgs, ...sites]
}
function mayStaffSee(rule: Rule, doc: Doc, me: Me) {
  if (rule.staff === 'all') return true
  if (rule.staff === 'none') return false
  if (ownersOf(rule, doc).includes(String(me.org))) return true
  return typeof rule.staff === 'function' && rule.staff(doc)
}
const mayAnonymousSee = (rule: Rule, doc: Doc) => rule.anonymous === 'all' || (typeof rule.anonymous === 'function' && rule.anonymous(doc))

async function authHeader(who: string | null): Promise<Record<string, string>> {
  if (!who) return { 'content-type': 'application/json' }
  if (!tokens.has(who)) tokens.set(who, await login(api.url, who, DEMO_PASSWORD))
  return { 'content-type': 'application/json', authorization: tokens.get(who)! }
}

async function listRest(slug: string, who: string | null): Promise<Doc[]> {
  const res = await fetch(`${api.url}/api/${slug}?limit=5000&depth=0`, { headers: await authHeader(who) })
  if (res.status === 403 || res.status === 401) return []
  expect(res.status, `${who ?? 'anonymous'} lists ${slug} over REST`).toBe(200)
  return ((await res.json()) as { docs: Doc[] }).docs
}
async function listLocal(slug: CollectionSlug, who: string | null): Promise<Doc[]> {
  const user = who ? await userByEmail(payload, who) : undefined
  try {
    return (await payload.find({ collection: slug, limit: 5000, depth: 0, overrideAccess: false, user })).docs as Doc[]
  } catch (error) {
    if ((error as { status?: number }).status === 403) return []
    throw error
  }
}

beforeAll(async () => {
  payload = await bootPayload('tenant-matrix', { seeded: true })
  api = await startApiServer()
  for (const site of (await payload.find({ collection: 'sites', limit: 1000, depth: 0, overrideAccess: true })).docs as Doc[])
    siteOrg.set(String(site.id), String(idOf(site.organization)))
  for (const code of ['fgw', 'rsj'] as const) {
    const site = await one('sites', { code: { equals: code } })
    const column = await one('columns', { and: [{ site: { equals: site.id } }, { path: { equals: 'tzgg' } }] })
    const article = await one('articles', { organization: { equals: site.organization } })
    units[code] = { org: idOf(site.organization) as number, site: site.id, column: column.id, article: article.id }
  }
  const now = new Date().toISOString()
  // One document of each unit in every unit-scoped collection the seed leaves empty.
  for (const code of ['fgw', 'rsj'] as const) {
    const u = units[code]
    const ids: Record<string, number | string> = {}
    ids['error-reports'] = await plant('error-reports', {
      site: u.site,
      organization: u.org,
      pageUrl: `https://${code}.example/`,
      kind: KIND,
      description: '错别字',
      status: 'new',
      receivedAt: now,
      deadline: now,
    })
    const run = await plant('evaluation-runs', { organization: u.org, scope: 'organization' })
    ids['evaluation-runs'] = run
    ids['evaluation-results'] = await plant('evaluation-results', { run, organization: u.org })
    ids['letter-inbox'] = await plant('letter-inbox', {
      state: 'pending',
      attempts: 0,
      route: 'site',
      targetSite: String(u.site),
      targetOrganization: String(u.org),
      receivedAt: now,
      deadline: now,
      submission: { subject: code },
      queryCodeHash: `matrix-${code}`,
    })
    ids['manual-scores'] = await plant('manual-scores', { organization: u.org, indicatorCode: 'M1', points: 1, reason: '人工评分' })
    ids['mode-switches'] = await plant('mode-switches', { organization: u.org })
    ids['page-views'] = await plant('page-views', { day: '2026-11-22', level: 'site', site: u.site, instance: `matrix-${code}`, count: 3 })
    ids.placements = await plant('placements', {
      article: u.article,
      targetColumn: u.column,
      sourceOrganization: u.org,
      sourceSite: u.site,
      targetSite: u.site,
      targetOrganization: u.org,
      kind: 'submission',
      state: 'pending',
    })
    ids['probe-samples'] = await plant('probe-samples', { site: u.site, url: `https://${code}.example/`, at: now })
    ids.ratings = await plant('ratings', {
      organization: u.org,
      site: u.site,
      period: '2026-11',
      visitorKey: `matrix-${code}`,
      scores: Object.fromEntries(RATING_SCORES.map((k) => [k, 4])),
    })
    ids['rectification-items'] = await plant('rectification-items', { message: '栏目未更新', status: 'open', organization: u.org })
    ids.letters = await plant('letters', {
      subject: '咨询',
      category: interactionPolicy.letterCategories[0].value,
      content: '内容',
      name: '张三',
      phone: '13800000000',
      route: 'site',
      site: u.site,
      organization: u.org,
      assignedOrganization: u.org,
      status: letterStatuses[0],
      receivedAt: now,
      deadline: now,
      queryCodeHash: `matrix-letter-${code}`,
    })
    ids['search-queries'] = await plant('search-queries', {
      query: '低保',
      day: '2026-11-22',
      searches: 1,
      zeroResultSearches: 0,
      lastHits: 1,
      key: `matrix-${code}`,
      site: u.site,
      organization: u.org,
    })
    ids['import-records'] = await plant('import-records', { site: u.site, sourceUrl: `https://old-${code}.example/a.html`, kind: 'page', status: 'imported' })
    ids.redirects = await plant('redirects', { site: u.site, fromPath: `/matrix-${code}/`, match: 'exact', toSite: u.site, toPath: '/' })
    // A private upload (no published document uses it yet) and a public one.
    ids.media = await plant('media', { organization: u.org, filename: `matrix-${code}.png`, mimeType: 'image/png', alt: '未公开', filesize: 1 })
    await plant('media', { organization: u.org, filename: `matrix-${code}-public.png`, mimeType: 'image/png', alt: '已公开', filesize: 1, publicFrom: now })
    if (code === 'rsj') Object.assign(foreign, ids)
  }
  await plant('login-attempts', { key: 'matrix', at: now })
  // Seeded collections: take an existing rsj document where the seed has one.
  foreign.articles = units.rsj.article
  foreign.sites = units.rsj.site
  foreign['service-guides'] = (await one('service-guides', { organization: { equals: units.rsj.org } }))?.id
  foreign.users = (await one('users', { organization: { equals: units.rsj.org } }))?.id
}, 240_000)
afterAll(async () => {
  await api?.close()
  await payload?.destroy()
})

describe('tenant isolation over every collection', () => {
  it('has a rule for every collection of the config', () => {
    const slugs = payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
    expect(
      slugs.filter((slug) => !RULES[slug]),
      'collections without a row in the matrix',
    ).toEqual([])
  })

  it.each(Object.keys(RULES))('%s: anonymous and each fgw role read only what the rule allows (Local API and REST)', async (slug) => {
    const rule = RULES[slug]
    const me: Me = { org: units.fgw.org, sites: new Set() }
    for (const via of ['local', 'rest'] as const) {
      const anon = via === 'rest' ? await listRest(slug, null) : await listLocal(slug as CollectionSlug, null)
      expect(
        anon.filter((doc) => !mayAnonymousSee(rule, doc)).map((d) => d.id),
        `anonymous sees these ${slug} via ${via}`,
      ).toEqual([])
      for (const who of STAFF) {
        const docs = via === 'rest' ? await listRest(slug, who) : await listLocal(slug as CollectionSlug, who)
        expect(
          docs.filter((doc) => !mayStaffSee(rule, doc, me)).map((d) => d.id),
          `${who} sees these ${slug} of other units via ${via}`,
        ).toEqual([])
      }
    }
    // The check above has something to catch: the database holds another unit's document here.
    if (rule.staff !== 'all' && Object.keys(rule.owner).length) {
      const all = (await payload.find({ collection: slug as CollectionSlug, limit: 5000, depth: 0, overrideAccess: true })).docs as Doc[]
      expect(
        all.some((doc) => ownersOf(rule, doc).some((o) => o !== String(units.fgw.org))),
        `${slug} has a document of another unit`,
      ).toBe(true)
    }
  })

  it.each(
    Object.keys(RULES)
      .filter((slug) => RULES[slug].staff !== 'none' || Object.keys(RULES[slug].owner).length)
      .filter((slug) => !NO_FOREIGN_FIXTURE.includes(slug)),
  )('%s: fgw staff change and delete nothing of rsj, one by one or in bulk', async (slug) => {
    expect(foreign[slug], `an rsj ${slug} fixture`).toBeDefined()
    const id = foreign[slug]!
    const stored = async () =>
      (await payload.find({ collection: slug as CollectionSlug, where: { id: { equals: id } }, depth: 0, overrideAccess: true, draft: true })).docs[0] as
        Doc | undefined
    const before = await stored()
    expect(before, `${slug} fixture exists`).toBeTruthy()
    for (const who of STAFF) {
      const headers = await authHeader(who)
      const bulk = `${api.url}/api/${slug}?where[id][equals]=${encodeURIComponent(String(id))}&depth=0`
      const attempts = [
        fetch(`${api.url}/api/${slug}/${id}?depth=0`, { method: 'PATCH', headers, body: JSON.stringify({ updatedAt: new Date().toISOString() }) }),
        fetch(bulk, { method: 'PATCH', headers, body: JSON.stringify({ updatedAt: new Date().toISOString() }) }),
        fetch(`${api.url}/api/${slug}/${id}`, { method: 'DELETE', headers }),
        fetch(bulk, { method: 'DELETE', headers }),
      ]
      for (const res of await Promise.all(attempts)) {
        expect(res.status, `${who} on ${slug} ${id}`).not.toBe(500)
        if (res.status === 200) {
          // Bulk answers 200 with what it did: it must have done nothing.
          const body = (await res.json()) as { docs?: Doc[]; doc?: Doc }
          expect(body.doc, `${who} changed ${slug} ${id}`).toBeUndefined()
          expect(body.docs ?? [], `${who} changed ${slug} ${id} in bulk`).toEqual([])
        }
      }
      const user = await userByEmail(payload, who)
      await expect(
        payload.update({ collection: slug as CollectionSlug, id, data: {} as never, overrideAccess: false, user }),
        `${who} updates ${slug} via Local API`,
      ).rejects.toThrow()
      await expect(
        payload.delete({ collection: slug as CollectionSlug, id, overrideAccess: false, user }),
        `${who} deletes ${slug} via Local API`,
      ).rejects.toThrow()
    }
    const after = await stored()
    expect(after, `${slug} ${id} still exists`).toBeTruthy()
    expect(after!.updatedAt, `${slug} ${id} unchanged`).toBe(before!.updatedAt)
  })
})

/** Payload's GraphQL names of a collection (as @payloadcms/graphql derives them), or null when GraphQL is off for it. */
function graphqlNames(config: SanitizedCollectionConfig): { single: string; plural: string } | null {
  if (config.graphQL === false) return null
  const named = (config.graphQL ?? {}) as { singularName?: string; pluralName?: string }
  const fromSlug = formatNames(config.slug)
  const single = named.singularName ? toWords(named.singularName, true) : fromSlug.singular
  const plural = named.pluralName ? toWords(named.pluralName, true) : fromSlug.plural
  return { single, plural: single === plural ? `all${single}` : plural }
}
async function graphql(who: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: await authHeader(who), body: JSON.stringify({ query, variables }) })
  expect(res.status, `GraphQL as ${who ?? 'anonymous'}: ${query.slice(0, 80)}`).not.toBe(500)
  return (await res.json()) as { data?: Record<string, any> | null; errors?: Array<{ message: string }> }
}
/** Every document of a collection, whatever the rules (the reference the answers are checked against). */
async function everything(slug: string): Promise<Map<string, Doc>> {
  const docs = (await payload.find({ collection: slug as CollectionSlug, limit: 100000, depth: 0, overrideAccess: true, pagination: false })).docs as Doc[]
  return new Map(docs.map((d) => [String(d.id), d]))
}
const canSee = (rule: Rule, doc: Doc, who: string | null) =>
  who ? mayStaffSee(rule, doc, { org: units.fgw.org, sites: new Set() }) : mayAnonymousSee(rule, doc)
const WHO: Array<string | null> = [null, ...STAFF]
const slugsWithGraphql = () => payload.config.collections.filter((c) => RULES[c.slug] && graphqlNames(c)).map((c) => c.slug)

describe('tenant isolation over every endpoint', () => {
  it.each(Object.keys(RULES))('%s over GraphQL: lists, by-id reads and mutations follow the rule', async (slug) => {
    const config = payload.collections[slug as CollectionSlug].config
    const names = graphqlNames(config)
    if (!names) {
      // Off on purpose (login attempts): the schema must not offer it at all.
      const res = await graphql(
        null,
        `
          {
            __schema {
              queryType {
                fields {
                  name
                }
              }
            }
          }
        `,
      )
      const fields = (res.data?.__schema.queryType.fields as Array<{ name: string }>).map((f) => f.name)
      expect(fields.filter((f) => f.toLowerCase().includes(slug.replace(/-/g, '').slice(0, 8).toLowerCase()))).toEqual([])
      return
    }
    const rule = RULES[slug]
    const all = await everything(slug)
    for (const who of WHO) {
      const list = await graphql(who, `{ ${names.plural}(limit: 5000) { docs { id } } }`)
      const ids: string[] = (list.data?.[names.plural]?.docs ?? []).map((d: Doc) => String(d.id))
      const leaked = ids.filter((id) => !all.has(id) || !canSee(rule, all.get(id)!, who))
      expect(leaked, `${who ?? 'anonymous'} lists these ${slug} over GraphQL`).toEqual([])
    }
    const id = foreign[slug]
    if (id === undefined) return
    const doc = all.get(String(id))!
    for (const who of WHO) {
      const one = await graphql(who, `query($id: ${typeof id === 'number' ? 'Int' : 'String'}!) { ${names.single}(id: $id) { id } }`, { id })
      if (!canSee(rule, doc, who)) expect(one.data?.[names.single] ?? null, `${who ?? 'anonymous'} reads ${slug} ${id} over GraphQL`).toBeNull()
    }
    const before = (await everything(slug)).get(String(id))!
    for (const who of STAFF) {
      await graphql(who, `mutation($id: ${typeof id === 'number' ? 'Int' : 'String'}!) { delete${names.single}(id: $id) { id } }`, { id })
    }
    const after = (await everything(slug)).get(String(id))
    expect(after, `${slug} ${id} survives GraphQL deletes`).toBeTruthy()
    expect(after!.updatedAt).toBe(before.updatedAt)
  })

  it('covers every collection that GraphQL offers', () => {
    expect(slugsWithGraphql().length).toBeGreaterThan(20)
  })

  it.each(Object.keys(RULES))('%s over REST: by-id reads and counts follow the rule', async (slug) => {
    const rule = RULES[slug]
    const all = await everything(slug)
    for (const who of WHO) {
      const headers = await authHeader(who)
      const count = await fetch(`${api.url}/api/${slug}/count`, { headers })
      expect(count.status, `${who ?? 'anonymous'} counts ${slug}`).not.toBe(500)
      const allowed = [...all.values()].filter((d) => canSee(rule, d, who)).length
      if (count.status === 200)
        expect(((await count.json()) as { totalDocs: number }).totalDocs, `${who ?? 'anonymous'} counts ${slug}`).toBeLessThanOrEqual(allowed)
      const id = foreign[slug]
      if (id === undefined || canSee(rule, all.get(String(id))!, who)) continue
      const res = await fetch(`${api.url}/api/${slug}/${id}?depth=0`, { headers })
      expect([401, 403, 404], `${who ?? 'anonymous'} reads ${slug} ${id} by id`).toContain(res.status)
    }
  })

  it.each(['articles', 'service-guides'])('%s: versions are shown only to the unit that owns the document', async (slug) => {
    // A draft and a published version of an rsj document, so a leak has something to show.
    const id = foreign[slug]!
    await payload.update({ collection: slug as CollectionSlug, id, data: { title: `版本泄露检查 ${slug}` } as never, draft: true, overrideAccess: true })
    const all = await everything(slug)
    const versions = (await payload.findVersions({ collection: slug as CollectionSlug, limit: 100000, depth: 0, overrideAccess: true, pagination: false }))
      .docs as Doc[]
    expect(versions.some((v) => String(idOf(v.parent)) === String(id))).toBe(true)
    const owner = (v: Doc) => ownersOf(RULES[slug], all.get(String(idOf(v.parent))) ?? {})
    for (const who of WHO) {
      const res = await fetch(`${api.url}/api/${slug}/versions?limit=5000&depth=0`, { headers: await authHeader(who) })
      expect(res.status).not.toBe(500)
      const seen = res.status === 200 ? ((await res.json()) as { docs: Doc[] }).docs : []
      const foreignSeen = seen.filter((v) => !owner(v).includes(String(units.fgw.org)) || !who)
      expect(
        foreignSeen.map((v) => v.id),
        `${who ?? 'anonymous'} reads versions of other units' ${slug}`,
      ).toEqual([])
      const user = who ? await userByEmail(payload, who) : undefined
      const local = await payload.findVersions({ collection: slug as CollectionSlug, limit: 5000, depth: 0, overrideAccess: false, user }).then(
        (r) => r.docs as Doc[],
        () => [],
      )
      expect(
        local.filter((v) => !owner(v).includes(String(units.fgw.org)) || !who).map((v) => v.id),
        `${who ?? 'anonymous'} findVersions ${slug}`,
      ).toEqual([])
    }
  })

  it('a bulk edit naming an own and a foreign article changes only the own one', async () => {
    const editor = 'editor@fgw.yulin.gov.cn'
    // A fresh own article: the seeded ones carry the fixtures other rows rely on, and this test deletes.
    const own = (await payload.create({
      collection: 'articles',
      data: { title: '批量修改源', column: units.fgw.column } as never,
      draft: true,
      user: await userByEmail(payload, editor),
      overrideAccess: false,
    })) as Doc
    const foreignId = units.rsj.article
    const title = async (id: number | string) =>
      ((await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true, draft: true })) as Doc).title
    const foreignTitle = await title(foreignId)
    const where = `where[id][in][0]=${own.id}&where[id][in][1]=${foreignId}`
    const res = await fetch(`${api.url}/api/articles?${where}&draft=true&depth=0`, {
      method: 'PATCH',
      headers: await authHeader(editor),
      body: JSON.stringify({ title: '批量修改检查' }),
    })
    expect(res.status).not.toBe(500)
    const body = (await res.json()) as { docs?: Doc[]; errors?: unknown[] }
    expect((body.docs ?? []).map((d) => String(d.id))).not.toContain(String(foreignId))
    expect(await title(foreignId)).toBe(foreignTitle)
    expect(await title(own.id)).toBe('批量修改检查')
    const del = await fetch(`${api.url}/api/articles?${where}`, { method: 'DELETE', headers: await authHeader('reviewer@fgw.yulin.gov.cn') })
    expect(del.status).not.toBe(500)
    expect(await payload.count({ collection: 'articles', where: { id: { equals: foreignId } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(1)
  })

  it('creating a document for another unit is refused or re-owned to the caller', async () => {
    const editor = 'editor@fgw.yulin.gov.cn'
    const headers = await authHeader(editor)
    const article = await fetch(`${api.url}/api/articles?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: '跨单位创建', column: units.rsj.column, organization: units.rsj.org, site: units.rsj.site }),
    })
    expect(article.status, 'an article in another unit’s column').toBeGreaterThanOrEqual(400)
    expect(article.status).toBeLessThan(500)
    const error = await fetch(`${api.url}/api/rectification-items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: '跨单位', status: 'open', organization: units.rsj.org }),
    })
    if (error.status === 201) {
      const created = ((await error.json()) as { doc: Doc }).doc
      expect(String(idOf(created.organization))).toBe(String(units.fgw.org))
    } else expect(error.status).toBeLessThan(500)
    expect(await payload.count({ collection: 'articles', where: { title: { equals: '跨单位创建' } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(0)
  })

  it('has Payload folders off: no folder collection, no folder endpoint (enabling them needs a row in this matrix)', async () => {
    expect(payload.config.folders, 'folders are enabled: add their collection to RULES and the picker checks').toBeFalsy()
    expect(payload.config.collections.filter((c) => (c as { folders?: unknown }).folders).map((c) => c.slug)).toEqual([])
    expect((await fetch(`${api.url}/api/payload-folders`, { headers: await authHeader('admin@yulin.gov.cn') })).status).toBe(404)
  })

  it('the central office sees both units in every unit-scoped collection it administers', async () => {
    for (const slug of Object.keys(RULES).filter((s) => foreign[s] !== undefined)) {
      const docs = await listRest(slug, 'admin@yulin.gov.cn')
      const owners = new Set(docs.flatMap((d) => ownersOf(RULES[slug], d)))
      if (RULES[slug].staff === 'none' && slug !== 'letter-inbox') continue
      expect([...owners].filter((o) => o === String(units.fgw.org) || o === String(units.rsj.org)).length, `central admin sees ${slug} of both units`).toBe(2)
    }
  })
})

/**
 * Issue 25: what an outside attacker found across the unit boundary. Every field that decides a
 * document's owner or what the public sees is tried on update as well as on create, with rsj's ids;
 * every custom endpoint is called with rsj's ids and as anonymous; every role grant is tried.
 */
const SITEADMIN = 'siteadmin@fgw.yulin.gov.cn'
/** New accounts meet the password policy (the demo password is the seed's, below it). */
const NEW_PASSWORD = 'Matrix#Grant-2026-pw'
const EDITOR = 'editor@fgw.yulin.gov.cn'
const CENTRAL = 'admin@yulin.gov.cn'
let serial = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`
const at = (doc: Doc | undefined, path: string) => path.split('.').reduce<any>((v, k) => (v == null ? v : v[k]), doc)
const lexicalWith = (media: number | string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: media, fields: null }],
      },
    ],
  },
})

/** Paths of every field that can name a file (upload or relationship to media, rich text), from the config. */
function mediaFieldPaths(fields: any[], prefix = ''): string[] {
  const paths: string[] = []
  for (const field of fields) {
    if (field.type === 'tabs') for (const tab of field.tabs) paths.push(...mediaFieldPaths(tab.fields, tab.name ? `${prefix}${tab.name}.` : prefix))
    else if (!field.name) paths.push(...(field.fields ? mediaFieldPaths(field.fields, prefix) : []))
    else if (((field.type === 'upload' || field.type === 'relationship') && [field.relationTo].flat().includes('media')) || field.type === 'richText')
      paths.push(`${prefix}${field.name}`)
    else if (field.type === 'group' || field.type === 'array') paths.push(...mediaFieldPaths(field.fields, `${prefix}${field.name}.`))
    else if (field.type === 'blocks') for (const block of field.blocks) paths.push(...mediaFieldPaths(block.fields, `${prefix}${field.name}.${block.slug}.`))
  }
  return paths
}

type FieldAttack = {
  /** `<collection>.<field path>` */
  field: string
  who: string
  /** An own document to change (its id). */
  own: () => Promise<number | string>
  /** The change naming rsj's document; a create with it is tried too unless `create` is false. */
  patch: () => Doc
  create?: false | (() => Doc)
  /** Something that must not have changed outside the document, checked after. */
  after?: () => Promise<void>
  /** The field has field access (central office only) besides the hooks. */
  fieldAccess?: true
}
const rsjPrivateMediaStaysPrivate = async () => {
  const media = (await payload.findByID({ collection: 'media', id: foreign.media!, depth: 0, overrideAccess: true })) as Doc
  expect(media.publicFrom ?? null, 'the rsj file stayed private').toBeNull()
}
async function ownColumn() {
  const admin = await userByEmail(payload, SITEADMIN)
  const slug = unique('m')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
  return (
    (await payload.create({
      collection: 'columns',
      data: { name: '本单位栏目', slug, site: units.fgw.site, category: 'other' } as never,
      user: admin,
      overrideAccess: false,
    })) as Doc
  ).id
}
async function ownDraftArticle() {
  return (
    (await payload.create({
      collection: 'articles',
      data: { title: unique('本单位草稿'), column: units.fgw.column } as never,
      draft: true,
      user: await userByEmail(payload, EDITOR),
      overrideAccess: false,
    })) as Doc
  ).id
}
async function ownUser() {
  return (
    (await payload.create({
      collection: 'users',
      data: { email: `${unique('own')}@fgw.yulin.gov.cn`, name: '本单位用户', password: NEW_PASSWORD, roles: ['editor'], organization: units.fgw.org } as never,
      overrideAccess: true,
    })) as Doc
  ).id
}
const FIELD_ATTACKS: FieldAttack[] = [
  {
    field: 'columns.site',
    who: SITEADMIN,
    own: ownColumn,
    patch: () => ({ site: units.rsj.site }),
    create: () => ({ name: '跨单位栏目', slug: unique('x'), site: units.rsj.site, category: 'other' }),
  },
  {
    field: 'columns.parent',
    who: SITEADMIN,
    own: ownColumn,
    patch: () => ({ site: units.rsj.site, parent: units.rsj.column }),
    create: () => ({ name: '跨单位栏目', slug: unique('x'), site: units.rsj.site, parent: units.rsj.column, category: 'other' }),
  },
  {
    field: 'columns.parent',
    who: SITEADMIN,
    own: ownColumn,
    patch: () => ({ parent: units.rsj.column }),
    create: () => ({ name: '跨单位栏目', slug: unique('x'), site: units.fgw.site, parent: units.rsj.column, category: 'other' }),
  },
  {
    field: 'columns.ownerOrganization',
    who: SITEADMIN,
    fieldAccess: true,
    own: ownColumn,
    patch: () => ({ ownerOrganization: units.rsj.org }),
    create: () => ({ name: '跨单位栏目', slug: unique('x'), site: units.fgw.site, ownerOrganization: units.rsj.org, category: 'other' }),
  },
  {
    field: 'articles.column',
    who: EDITOR,
    own: ownDraftArticle,
    patch: () => ({ column: units.rsj.column }),
    create: () => ({ title: '跨单位文章', column: units.rsj.column }),
  },
  {
    field: 'articles.cover',
    who: EDITOR,
    own: ownDraftArticle,
    patch: () => ({ cover: foreign.media }),
    create: () => ({ title: '跨单位素材', column: units.fgw.column, cover: foreign.media }),
    after: rsjPrivateMediaStaysPrivate,
  },
  {
    field: 'articles.attachments',
    who: EDITOR,
    own: ownDraftArticle,
    patch: () => ({ attachments: [foreign.media] }),
    create: () => ({ title: '跨单位素材', column: units.fgw.column, attachments: [foreign.media] }),
    after: rsjPrivateMediaStaysPrivate,
  },
  {
    field: 'articles.body',
    who: EDITOR,
    own: ownDraftArticle,
    patch: () => ({ body: lexicalWith(foreign.media!) }),
    create: () => ({ title: '跨单位素材', column: units.fgw.column, body: lexicalWith(foreign.media!) }),
    after: rsjPrivateMediaStaysPrivate,
  },
  {
    field: 'sites.settings.logo',
    who: SITEADMIN,
    own: async () => units.fgw.site,
    patch: () => ({ settings: { logo: foreign.media } }),
    create: false,
    after: rsjPrivateMediaStaysPrivate,
  },
  {
    field: 'import-records.media',
    who: SITEADMIN,
    own: async () => (await one('import-records', { site: { equals: units.fgw.site } })).id,
    patch: () => ({ media: foreign.media }),
    create: () => ({ site: units.fgw.site, sourceUrl: `https://old.example/${unique('x')}.pdf`, kind: 'asset', status: 'imported', media: foreign.media }),
    after: rsjPrivateMediaStaysPrivate,
  },
  {
    field: 'users.organization',
    who: SITEADMIN,
    fieldAccess: true,
    own: ownUser,
    patch: () => ({ organization: units.rsj.org }),
    create: () => ({ email: `${unique('x')}@fgw.yulin.gov.cn`, name: '跨单位用户', password: NEW_PASSWORD, roles: ['editor'], organization: units.rsj.org }),
  },
  {
    field: 'users.roles',
    who: SITEADMIN,
    own: ownUser,
    patch: () => ({ roles: ['editor', 'evaluator'] }),
    create: () => ({ email: `${unique('x')}@fgw.yulin.gov.cn`, name: '考评员', password: NEW_PASSWORD, roles: ['evaluator'], organization: units.fgw.org }),
  },
]
/** Fields deciding a document's owner (every relationship to organizations, sites or columns of these collections is listed here or excused). */
const OWNERSHIP_FIELDS = ['columns.site', 'columns.parent', 'columns.ownerOrganization', 'articles.column', 'users.organization', 'users.roles']

const isClientError = (status: number) => status >= 400 && status < 500
async function storedDoc(slug: string, id: number | string) {
  return (await payload.find({ collection: slug as CollectionSlug, where: { id: { equals: id } }, depth: 0, overrideAccess: true, draft: true })).docs[0] as Doc
}

describe('ownership and visibility fields: update as well as create (issue 25)', () => {
  it('has an attack for every field of the config that can name a file, and for every ownership field', () => {
    const named = payload.config.collections
      .filter((c) => c.slug !== 'media' && !c.slug.startsWith('payload-'))
      .flatMap((c) => mediaFieldPaths(c.fields as any[]).map((p) => `${c.slug}.${p}`))
    expect(named.length).toBeGreaterThan(0)
    const attacked = new Set(FIELD_ATTACKS.map((a) => a.field))
    expect(
      [...named, ...OWNERSHIP_FIELDS].filter((f) => !attacked.has(f)),
      'fields without a row in FIELD_ATTACKS',
    ).toEqual([])
  })

  it.each(FIELD_ATTACKS.map((a, i) => [`${a.field} #${i}`, a] as const))(
    '%s: another unit’s id is refused (4xx) on update and create, and nothing changes',
    async (_name, attack) => {
      const [slug, ...rest] = attack.field.split('.')
      const path = rest.join('.')
      const id = await attack.own()
      const before = await storedDoc(slug, id)
      const headers = await authHeader(attack.who)
      const draft = slug === 'articles' ? '?draft=true' : ''
      const res = await fetch(`${api.url}/api/${slug}/${id}${draft}`, { method: 'PATCH', headers, body: JSON.stringify(attack.patch()) })
      const after = await storedDoc(slug, id)
      const unchanged = JSON.stringify(at(after, path) ?? null) === JSON.stringify(at(before, path) ?? null)
      const text = (await res.text()).slice(0, 300)
      // A field without field access is refused with 403 naming it (src/access/request-guards.ts), not dropped with a 200.
      if (attack.fieldAccess)
        expect(isClientError(res.status) && text.includes(attack.field.split('.').pop()!), `${attack.who} PATCH ${attack.field} → ${res.status} ${text}`).toBe(
          true,
        )
      else expect(res.status, `${attack.who} PATCH ${attack.field} → ${text}`).toSatisfy(isClientError)
      expect(unchanged, `${attack.field} unchanged`).toBe(true)
      if (!attack.fieldAccess || res.status !== 200) expect(after.updatedAt, `${slug} ${id} unchanged`).toBe(before.updatedAt)
      if (attack.create) {
        const data = attack.create()
        const total = async () => (await payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs
        const count = await total()
        const created = await fetch(`${api.url}/api/${slug}${draft}`, { method: 'POST', headers, body: JSON.stringify(data) })
        expect(created.status, `${attack.who} POST ${attack.field} → ${await created.clone().text()}`).toSatisfy(isClientError)
        expect(await total(), `no ${slug} created`).toBe(count)
      }
      await attack.after?.()
    },
  )
})

/** Payload's own endpoints (find, update, login, unlock…, checked by the rows above), by handler. */
async function payloadOwnHandlers(): Promise<Set<unknown>> {
  const { pathToFileURL } = await import('node:url')
  const { join } = await import('node:path')
  const handlers = new Set<unknown>()
  const files = [
    'payload/dist/collections/endpoints/index.js',
    'payload/dist/auth/endpoints/index.js',
    'payload/dist/uploads/endpoints/index.js',
    'payload/dist/globals/endpoints/index.js',
    '@payloadcms/next/dist/routes/rest/og/index.js',
  ]
  for (const file of files) {
    // The very module instances Payload loaded (same file URL), so the handlers compare by identity.
    const mod = (await import(pathToFileURL(join(process.cwd(), 'node_modules', file)).href)) as Record<string, unknown>
    for (const value of Object.values(mod)) {
      if (typeof value === 'function') handlers.add(value) // GET /api/og, added by @payloadcms/next: an image of the admin's title, no data
      for (const endpoint of [value].flat() as Array<{ handler?: unknown }>) if (endpoint?.handler) handlers.add(endpoint.handler)
    }
  }
  return handlers
}
type EndpointCall = {
  /** Route parameters and query naming rsj's documents (none: the endpoint takes no ids). */
  params?: () => Record<string, string | number>
  query?: () => string
  body?: () => Doc
  /** Also refused to every fgw role, ids or not (the central office's endpoints). */
  centralOnly?: true
  /** A 200 that shows nothing of rsj counts as a refusal (a report filtered by the caller's access). */
  emptyForForeign?: (body: any) => boolean
}
const ENDPOINT_CALLS: Record<string, EndpointCall> = {
  'users get /account-state': {},
  'users post /totp/enrol': {},
  'users post /totp/confirm': { body: () => ({ code: '000000' }) },
  'users post /totp/disable': { body: () => ({ code: '000000' }) },
  'users post /:id/totp/reset': { params: () => ({ id: foreign.users! }), centralOnly: true },
  'audit-log get /export': { centralOnly: true },
  'evaluation-runs get /:id/export': { params: () => ({ id: foreign['evaluation-runs']! }) },
  'mode-switches post /switch-mode': { body: () => ({ organization: units.rsj.org, dryRun: true }), centralOnly: true },
  'mode-switches get /progress/:id': { params: () => ({ id: foreign['mode-switches']! }), centralOnly: true },
  'page-views get /summary': { query: () => `site=${units.rsj.site}` },
  'placements post /recall/:batch': { params: () => ({ batch: 'matrix-batch' }), centralOnly: true },
  'search-queries get /report': { query: () => 'site=rsj', emptyForForeign: (body) => Array.isArray(body?.sites) && body.sites.length === 0 },
  'articles post /:id/submit': { params: () => ({ id: units.rsj.article }), body: () => ({ columns: [units.fgw.column] }) },
  'articles post /:id/push': { params: () => ({ id: units.rsj.article }), body: () => ({ category: 'news', all: true }) },
}
/** Custom endpoints that answer anonymous visitors on purpose, with the reason. */
const PUBLIC_ENDPOINTS: Record<string, string> = {}

async function customEndpoints(): Promise<Array<{ key: string; url: string; method: string }>> {
  const own = await payloadOwnHandlers()
  const list: Array<{ key: string; url: string; method: string }> = []
  const add = (scope: string, base: string, endpoints: unknown) => {
    for (const e of (Array.isArray(endpoints) ? endpoints : []) as Array<{ path: string; method: string; handler: unknown }>) {
      if (own.has(e.handler)) continue
      list.push({ key: `${scope}${e.method} ${e.path}`, url: `${base}${e.path}`, method: e.method.toUpperCase() })
    }
  }
  // Payload's own collections (jobs, preferences, locks, migrations) carry Payload's endpoints and access, not ours.
  for (const c of payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))) add(`${c.slug} `, `/api/${c.slug}`, c.endpoints)
  for (const g of payload.config.globals ?? []) add(`globals/${g.slug} `, `/api/globals/${g.slug}`, g.endpoints)
  add('', '/api', payload.config.endpoints)
  return list
}

describe('every custom endpoint refuses anonymous visitors and another unit’s ids (issue 25)', () => {
  it('has a row for every custom endpoint of the config, and no stale rows', async () => {
    const keys = (await customEndpoints()).map((e) => e.key)
    expect(keys.length, 'custom endpoints found (Payload’s own are told apart by handler)').toBeGreaterThanOrEqual(10)
    expect(
      keys.filter((k) => !ENDPOINT_CALLS[k] && !PUBLIC_ENDPOINTS[k]),
      'endpoints without a row in ENDPOINT_CALLS',
    ).toEqual([])
    expect(
      Object.keys(ENDPOINT_CALLS).filter((k) => !keys.includes(k)),
      'rows of endpoints that no longer exist',
    ).toEqual([])
  })

  it.each(Object.keys(ENDPOINT_CALLS))('%s', async (key) => {
    const endpoint = (await customEndpoints()).find((e) => e.key === key)!
    const call = ENDPOINT_CALLS[key]
    let url = endpoint.url
    for (const [name, value] of Object.entries(call.params?.() ?? {})) url = url.replace(`:${name}`, encodeURIComponent(String(value)))
    if (call.query) url += `?${call.query()}`
    const send = async (who: string | null) => {
      const res = await fetch(`${api.url}${url}`, {
        method: endpoint.method,
        headers: await authHeader(who),
        body: endpoint.method === 'GET' ? undefined : JSON.stringify(call.body?.() ?? {}),
      })
      const text = await res.text()
      return { status: res.status, text }
    }
    const anonymous = await send(null)
    expect(anonymous.status, `anonymous ${key} → ${anonymous.text.slice(0, 200)}`).toSatisfy(isClientError)
    if (!call.params && !call.query && !call.centralOnly) return
    for (const who of STAFF) {
      const res = await send(who)
      expect(res.status, `${who} ${key} → ${res.text.slice(0, 200)}`).not.toBe(500)
      if (res.status === 200 && call.emptyForForeign)
        expect(call.emptyForForeign(JSON.parse(res.text)), `${who} ${key} shows rsj data: ${res.text.slice(0, 200)}`).toBe(true)
      else expect(res.status, `${who} ${key} → ${res.text.slice(0, 200)}`).toSatisfy(isClientError)
    }
  })

  it('page-views summary: a malformed site is a 400, another unit’s site a 403, the own site a 200', async () => {
    const headers = await authHeader(SITEADMIN)
    const get = (site: string) => fetch(`${api.url}/api/page-views/summary?site=${encodeURIComponent(site)}`, { headers })
    expect((await get('abc')).status).toBe(400)
    expect((await get("1' or 1=1")).status).toBe(400)
    expect((await get(String(units.rsj.site))).status).toBe(403)
    const own = await get(String(units.fgw.site))
    expect(own.status).toBe(200)
    expect(((await own.json()) as { total: number }).total).toBeGreaterThan(0)
    expect((await fetch(`${api.url}/api/page-views/summary?site=${units.rsj.site}`, { headers: await authHeader(CENTRAL) })).status).toBe(200)
  })
})

/**
 * Which role may grant which: written out here by hand, not taken from src/access, so a change of
 * ROLE_GRANTS has to change this table too. The central office grants everything anywhere; a
 * unit's site admin grants the unit roles in the own unit; nobody else grants anything.
 */
const ALL_ROLES = ['central-admin', 'site-admin', 'editor', 'reviewer', 'letter-handler', 'evaluator']
const MAY_GRANT: Record<string, { roles: string[]; anyUnit: boolean }> = {
  [CENTRAL]: { roles: ALL_ROLES, anyUnit: true },
  [SITEADMIN]: { roles: ['site-admin', 'editor', 'reviewer', 'letter-handler'], anyUnit: false },
  [EDITOR]: { roles: [], anyUnit: false },
  'letters@fgw.yulin.gov.cn': { roles: [], anyUnit: false },
}

describe('role grants: every cell of the table is tried (issue 25)', () => {
  it('the table covers every role of the config', () => {
    const options = (
      payload.collections.users.config.fields.find((f) => 'name' in f && f.name === 'roles') as { options: Array<{ value: string }> }
    ).options.map((o) => o.value)
    expect([...options].sort()).toEqual([...ALL_ROLES].sort())
  })

  it.each(Object.keys(MAY_GRANT).flatMap((granter) => (['create', 'update'] as const).map((op) => [granter, op] as const)))(
    '%s grants each role on %s, in the own unit and in another',
    async (granter, op) => {
      const headers = await authHeader(granter)
      const wrong: string[] = []
      for (const unit of ['fgw', 'rsj'] as const) {
        for (const role of ALL_ROLES) {
          const expected = MAY_GRANT[granter].roles.includes(role) && (unit === 'fgw' || MAY_GRANT[granter].anyUnit)
          const cell = `${op} ${role} in ${unit}`
          if (op === 'create') {
            const email = `${unique(`grant-${role}`)}@${unit}.yulin.gov.cn`
            const res = await fetch(`${api.url}/api/users`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ email, name: '授权检查', password: NEW_PASSWORD, roles: [role], organization: units[unit].org }),
            })
            const stored = await one('users', { email: { equals: email } })
            const granted = res.status === 201 && Boolean(stored?.roles?.includes(role))
            if (granted !== expected || (!expected && (!isClientError(res.status) || stored))) wrong.push(`${cell}: ${res.status}${stored ? ' (stored)' : ''}`)
          } else {
            const start = role === 'editor' ? ['reviewer'] : ['editor']
            const target = (await payload.create({
              collection: 'users',
              data: {
                email: `${unique('target')}@${unit}.yulin.gov.cn`,
                name: '授权对象',
                password: NEW_PASSWORD,
                roles: start,
                organization: units[unit].org,
              } as never,
              overrideAccess: true,
            })) as Doc
            const res = await fetch(`${api.url}/api/users/${target.id}`, { method: 'PATCH', headers, body: JSON.stringify({ roles: [...start, role] }) })
            const roles = ((await storedDoc('users', target.id)).roles ?? []) as string[]
            const granted = res.status === 200 && roles.includes(role)
            if (granted !== expected || (!expected && (!isClientError(res.status) || roles.join() !== start.join())))
              wrong.push(`${cell}: ${res.status} → ${roles.join(',')}`)
          }
        }
      }
      expect(wrong, `cells that differ from the table for ${granter}`).toEqual([])
    },
  )

  it('nobody grants themselves a role they may not grant (and a site admin no central-office role)', async () => {
    const wrong: string[] = []
    for (const [base, start] of [
      [SITEADMIN, ['site-admin']],
      [EDITOR, ['editor']],
    ] as const) {
      const email = `${unique('self')}@fgw.yulin.gov.cn`
      const me = (await payload.create({
        collection: 'users',
        data: { email, name: '自我授权', password: NEW_PASSWORD, roles: start, organization: units.fgw.org } as never,
        overrideAccess: true,
      })) as Doc
      const headers = { 'content-type': 'application/json', authorization: await login(api.url, email, NEW_PASSWORD) }
      for (const role of ALL_ROLES.filter((r) => !start.includes(r as never))) {
        const res = await fetch(`${api.url}/api/users/${me.id}`, { method: 'PATCH', headers, body: JSON.stringify({ roles: [...start, role] }) })
        const roles = ((await storedDoc('users', me.id)).roles ?? []) as string[]
        const expected = MAY_GRANT[base].roles.includes(role)
        const refused = isClientError(res.status)
        if (roles.includes(role) !== expected || (!expected && !refused)) wrong.push(`${base} → self ${role}: ${res.status} → ${roles.join(',')}`)
        if (roles.includes(role)) await payload.update({ collection: 'users', id: me.id, data: { roles: [...start] } as never, overrideAccess: true })
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('unlock: the central office and the account’s own site admin only, one answer for foreign and unknown addresses (issue 25)', () => {
  it('refuses everyone else alike and leaves the lock in place', async () => {
    const locked = async (unit: 'fgw' | 'rsj') => {
      const email = `${unique('locked')}@${unit}.yulin.gov.cn`
      const user = (await payload.create({
        collection: 'users',
        data: { email, name: '锁定账号', password: NEW_PASSWORD, roles: ['editor'], organization: units[unit].org } as never,
        overrideAccess: true,
      })) as Doc
      await payload.db.updateOne({
        collection: 'users',
        id: user.id,
        data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 5 },
        returning: false,
      } as never)
      return { id: user.id, email }
    }
    const isLocked = async (id: number | string) => {
      const stored = (await payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as Doc
      return Boolean(stored.lockUntil) && new Date(stored.lockUntil) > new Date()
    }
    const own = await locked('fgw')
    const other = await locked('rsj')
    const unknown = `${unique('nobody')}@rsj.yulin.gov.cn`
    const unlock = async (who: string | null, email: string) => {
      const res = await fetch(`${api.url}/api/users/unlock`, { method: 'POST', headers: await authHeader(who), body: JSON.stringify({ email }) })
      return `${res.status} ${await res.text()}`
    }
    for (const who of [null, EDITOR, 'reviewer@fgw.yulin.gov.cn', 'letters@fgw.yulin.gov.cn', 'evaluator@yulin.gov.cn']) {
      const answers = [await unlock(who, own.email), await unlock(who, other.email), await unlock(who, unknown)]
      expect(Number(answers[0].slice(0, 3)), `${who ?? 'anonymous'} unlocks ${answers[0]}`).toSatisfy(isClientError)
      expect(new Set(answers).size, `${who ?? 'anonymous'}: the same answer for own, foreign and unknown addresses`).toBe(1)
    }
    expect(await isLocked(own.id)).toBe(true)
    expect(await isLocked(other.id)).toBe(true)
    const foreignAnswer = await unlock(SITEADMIN, other.email)
    expect(Number(foreignAnswer.slice(0, 3)), `site admin unlocks another unit’s account: ${foreignAnswer}`).toSatisfy(isClientError)
    expect(foreignAnswer, 'a foreign account and an unknown address answer alike').toBe(await unlock(SITEADMIN, unknown))
    expect(await isLocked(other.id)).toBe(true)
    expect((await unlock(SITEADMIN, own.email)).slice(0, 3)).toBe('200')
    expect(await isLocked(own.id)).toBe(false)
    expect((await unlock(CENTRAL, other.email)).slice(0, 3)).toBe('200')
    expect(await isLocked(other.id)).toBe(false)
  })
})
