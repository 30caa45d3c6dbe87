import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import type { CollectionConfig, Config, Payload, PayloadRequest, Plugin, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { coreCollections, safeguardsPlugin } from '../../collections'
import { Articles } from '../../collections/articles'
import { withRequestGuards } from '../../src/access'
import { accountsPlugin } from '../../src/accounts'
import { databaseAdapter } from '../../src/db/adapter'
import { hostingPlugin } from '../../src/hosting'
import { interactionPlugin } from '../../src/interaction'
import { scorecardPlugin } from '../../src/scorecard'
import { searchPlugin, searchSourcesOf } from '../../src/search'
import { searchSources } from '../../src/search-sources'
import { sharingPlugin } from '../../src/sharing'
import { onContentChange, PUBLIC_PAGE_COLLECTIONS, sitesPlugin, type ContentChange } from '../../src/sites'

/**
 * Each capability is a Payload plugin (payload.config.ts): what each one adds, that the safeguards
 * reach every collection whichever plugin added it, and that the public-page invalidation hooks are
 * in the configuration itself, not patched into a running Payload.
 */
const CAPABILITIES: Array<{ name: string; plugin: () => Plugin; collections: string[]; tasks?: string[]; globals?: string[] }> = [
  { name: 'sites', plugin: sitesPlugin, collections: ['service-guides', 'page-views'] },
  {
    name: 'scorecard',
    plugin: scorecardPlugin,
    collections: ['indicator-sets', 'evaluation-runs', 'evaluation-results', 'rectification-items', 'manual-scores', 'probe-samples'],
    tasks: ['scorecardEvaluate', 'siteProbe'],
  },
  {
    name: 'interaction',
    plugin: interactionPlugin,
    collections: ['letters', 'letter-inbox', 'holidays', 'ratings', 'error-reports'],
    tasks: ['letterReminders', 'promoteLetterInbox'],
  },
  { name: 'search', plugin: () => searchPlugin({ sources: [] }), collections: ['search-queries'], tasks: ['searchReconcile'], globals: ['search-settings'] },
  { name: 'hosting', plugin: hostingPlugin, collections: ['mode-switches', 'redirects'] },
  { name: 'sharing', plugin: sharingPlugin, collections: ['placements'] },
  { name: 'accounts', plugin: accountsPlugin, collections: [] },
]

const RESTRICTED = { id: 1, collection: 'users', _restricted: 'passwordChangeRequired' }
/** Payload's own collections and globals (jobs, preferences…), added after every plugin. */
const ownCollection = (slug: string) => slug.startsWith('payload-')
const guards = withRequestGuards([{ slug: 'probe', fields: [] }])[0].hooks!.beforeOperation!

let config: SanitizedConfig

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.DATABASE_URI = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'sitegroup-plugins-')), 'unused.db')}`
  config = await (await import('@payload-config')).default
})

describe('capability plugins', () => {
  it.each(CAPABILITIES)('$name adds exactly its collections, jobs and globals', async ({ plugin, collections, tasks = [], globals = [] }) => {
    // Sharing extends the articles collection, so it needs it in the base.
    const base: Config = { collections: [Articles], globals: [], secret: 'x', db: databaseAdapter() }
    const extended = await plugin()(base)
    expect(extended.collections!.map((c) => c.slug)).toEqual(['articles', ...collections])
    expect((extended.jobs?.tasks ?? []).map((t) => t.slug)).toEqual(tasks)
    expect((extended.globals ?? []).map((g) => g.slug)).toEqual(globals)
  })

  it('puts every capability collection into the application exactly once, after the core ones', () => {
    const slugs = config.collections.map((c) => c.slug).filter((slug) => !ownCollection(slug))
    expect(new Set(slugs).size).toBe(slugs.length)
    expect(slugs.slice(0, coreCollections.length)).toEqual(coreCollections.map((c) => c.slug))
    for (const { collections } of CAPABILITIES) for (const slug of collections) expect(slugs).toContain(slug)
    const tasks = (config.jobs.tasks ?? []).map((t) => t.slug)
    for (const capability of CAPABILITIES) for (const task of capability.tasks ?? []) expect(tasks).toContain(task)
  })

  it('keeps the admin views and navigation links at their paths', () => {
    const views = config.admin.components.views ?? {}
    expect(views.scorecard?.path).toBe('/scorecard')
    expect(views.searchReport?.path).toBe('/search-report')
    expect(views.twoFactor?.path).toBe('/two-factor')
    expect(String(views.login?.Component)).toContain('TotpLoginView')
    expect(config.admin.components.afterNavLinks).toEqual(['/src/scorecard/admin/NavLink#ScorecardNavLink', '/src/accounts/admin/NavLink#TwoFactorNavLink'])
  })

  it('hands the search its sources', () => {
    const collections = Object.fromEntries(config.collections.map((c) => [c.slug, {}]))
    expect(searchSourcesOf({ config, collections } as unknown as Payload)).toEqual(searchSources)
  })

  it('gives the articles the sharing endpoints', () => {
    const articles = config.collections.find((c) => c.slug === 'articles')!
    const paths = (Array.isArray(articles.endpoints) ? articles.endpoints : []).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['/:id/submit', '/:id/push']))
  })
})

describe('safeguards on every collection and global', () => {
  const req = { user: RESTRICTED, payloadAPI: 'local', pathname: '' } as unknown as PayloadRequest

  it('runs the request guards first and refuses restricted accounts in every collection', async () => {
    const collections = config.collections.filter((c) => !ownCollection(c.slug))
    expect(collections.length).toBeGreaterThan(20)
    for (const collection of collections) {
      expect(collection.hooks.beforeOperation.slice(0, guards.length), collection.slug).toEqual(guards)
      const read = await collection.access.read!({ req } as never)
      if (collection.slug === 'users') expect(read).toEqual({ id: { equals: RESTRICTED.id } })
      else expect(read, collection.slug).toBe(false)
    }
    const globals = config.globals.filter((g) => !ownCollection(g.slug))
    expect(globals.map((g) => g.slug)).toEqual(['group-settings', 'search-settings'])
    for (const global of globals) expect(await global.access.read!({ req } as never), global.slug).toBe(false)
  })

  it('reaches a collection a plugin adds, even one listed after the safeguards', async () => {
    const probe: CollectionConfig = { slug: 'plugin-probe', fields: [{ name: 'title', type: 'text' }] }
    const addProbe: Plugin = (input) => ({ ...input, collections: [...(input.collections ?? []), probe] })
    const { buildConfig } = await import('payload')
    const built = await buildConfig({ secret: 'x', db: databaseAdapter(), collections: [], plugins: [safeguardsPlugin(), addProbe] })
    const added = built.collections.find((c) => (c.slug as string) === 'plugin-probe')!
    expect(added.hooks.beforeOperation.slice(0, guards.length)).toEqual(guards)
    expect(await added.access.read!({ req } as never)).toBe(false)
    // The audit hook: the one afterChange hook the probe has, recording into the audit log.
    expect(added.hooks.afterChange).toHaveLength(1)
    const create = vi.fn()
    const auditReq = { payload: { create }, context: {}, user: { id: 7 }, headers: new Headers() }
    await added.hooks.afterChange[0]({ doc: { id: 3, title: 'a' }, previousDoc: {}, operation: 'create', req: auditReq } as never)
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ collection: 'audit-log', data: expect.objectContaining({ targetCollection: 'plugin-probe', targetId: '3', user: 7 }) }),
    )
  })
})

describe('public-page invalidation is declared in the config', () => {
  const fakePayload = () => ({ logger: { error: vi.fn() } }) as unknown as Payload

  it("gives each collection that shows on public pages a last hook that tells that Payload's public sites", async () => {
    for (const slug of PUBLIC_PAGE_COLLECTIONS) {
      const collection = config.collections.find((c) => c.slug === slug)
      expect(collection, slug).toBeDefined()
      const afterChange = collection!.hooks.afterChange.at(-1)!
      const afterDelete = collection!.hooks.afterDelete.at(-1)!
      const writer = fakePayload()
      const other = fakePayload()
      const heard: ContentChange[] = []
      const overheard: ContentChange[] = []
      const stop = onContentChange(writer, (changes) => heard.push(...changes))
      const stopOther = onContentChange(other, (changes) => overheard.push(...changes))
      // A second set of public sites on the writer's Payload stands for another process: it hears nothing.
      const stopSecond = onContentChange(writer, (changes) => overheard.push(...changes))
      const doc = { id: 5 }
      const previousDoc = { id: 5, title: 'before' }
      expect(await afterChange({ doc, previousDoc, req: { payload: writer } } as never)).toBe(doc)
      await afterDelete({ doc, id: 5, req: { payload: writer } } as never)
      expect(heard).toEqual([
        { collection: slug, doc, previous: previousDoc },
        { collection: slug, doc, deleted: true },
      ])
      expect(overheard).toEqual([])
      stopSecond()
      stop()
      stopOther()
      await afterChange({ doc, previousDoc, req: { payload: writer } } as never)
      expect(heard).toHaveLength(2)
    }
  })

  it('keeps a failing listener from failing the write', async () => {
    const articles = config.collections.find((c) => c.slug === 'articles')!
    const writer = fakePayload()
    const stop = onContentChange(writer, () => {
      throw new Error('listener failed')
    })
    const doc = { id: 1 }
    expect(await articles.hooks.afterChange.at(-1)!({ doc, previousDoc: undefined, req: { payload: writer } } as never)).toBe(doc)
    expect(writer.logger.error).toHaveBeenCalled()
    stop()
  })
})
