import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { PRODUCTION_CONDITION } from '../../src/lib/module-conditions'
import { createSearchEngine, EmbeddedSearchEngine, MeilisearchEngine, SearchUnavailableError } from '../../src/search/index'
import { corpusSites, generateCorpus } from '../../bench/search/corpus'
import { defineSearchContract } from './contract'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-embedded-'))
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

// The contract runs through one query worker thread, as in production.
defineSearchContract('embedded (SQLite FTS5, worker thread)', async () => {
  const engine = new EmbeddedSearchEngine({ file: path.join(directory, 'contract.db'), workers: 1 })
  await engine.ready()
  return engine
})

describe('embedded engine on disk', () => {
  it('persists documents and synonyms across a reopen', async () => {
    const file = path.join(directory, 'reopen.db')
    const docs = [...generateCorpus({ count: 300, seed: 3, bodyLength: 200 })]
    const first = new EmbeddedSearchEngine({ file, workers: 0 })
    await first.upsert(docs)
    await first.setSynonyms([['低保', '最低生活保障']])
    const before = await first.search({ text: '低保 容县' })
    await first.close()

    const started = performance.now()
    const second = new EmbeddedSearchEngine({ file, workers: 0 })
    const reopenMs = performance.now() - started
    expect(await second.count()).toBe(300)
    expect(await second.search({ text: '低保 容县' })).toMatchObject({ total: before.total, hits: before.hits })
    expect(second.plan({ text: '低保', sort: 'relevance', page: 1, pageSize: 10, facets: false }).match).toContain('最低')
    expect(reopenMs).toBeLessThan(1000)
    await second.close()
  })

  it('empties an index of an older layout and reports search as unavailable until it is rebuilt', async () => {
    const file = path.join(directory, 'old-format.db')
    const first = new EmbeddedSearchEngine({ file, workers: 0 })
    await first.upsert([...generateCorpus({ count: 50, seed: 4, bodyLength: 100 })])
    await first.close()
    // The layout before site-major rowids: no format key in the meta table.
    const old = new Database(file)
    old.prepare("DELETE FROM meta WHERE key = 'format'").run()
    old.close()

    const reopened = new EmbeddedSearchEngine({ file, workers: 0 })
    expect(await reopened.count()).toBe(0)
    await expect(reopened.search({ text: '低保' })).rejects.toBeInstanceOf(SearchUnavailableError)
    // What the reconcile job does on an empty index: fill it, then clear the flag.
    const docs = [...generateCorpus({ count: 50, seed: 4, bodyLength: 100 })]
    await reopened.upsert(docs)
    await reopened.markRebuilding(false)
    expect((await reopened.search({ text: '', sites: [docs[0]!.site] })).total).toBe(docs.filter((doc) => doc.site === docs[0]!.site).length)
    await reopened.close()
    // The current layout survives a reopen untouched.
    const again = new EmbeddedSearchEngine({ file, workers: 0 })
    expect(await again.count()).toBe(50)
    await again.close()
  })

  it('empties a format-3 index (no paragraph boundaries) once when several processes open it together, and marks it rebuilding', async () => {
    const file = path.join(directory, 'format-3-shared.db')
    const docs = [...generateCorpus({ count: 300, seed: 9, bodyLength: 80, sites: corpusSites(3) })]
    const first = new EmbeddedSearchEngine({ file, workers: 0 })
    await first.upsert(docs)
    await first.close()
    const holder = new Database(file)
    holder.exec("UPDATE meta SET value = '3' WHERE key = 'format'")
    // The write lock is held while both processes start: each must wait for it, not fail.
    holder.exec('BEGIN IMMEDIATE')
    const children = [0, 1].map(() => {
      const child = spawn(process.execPath, [PRODUCTION_CONDITION, '--import', 'tsx', 'tests/search/open-index.ts', file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
      return { output: () => output, exited }
    })
    const deadline = Date.now() + 30_000
    while (!children.every((child) => child.output().includes('opening')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    await new Promise((resolve) => setTimeout(resolve, 500))
    holder.exec('COMMIT')
    holder.close()
    for (const child of children) {
      expect(await child.exited, child.output()).toBe(0)
      expect(child.output()).toContain('{"count":0}')
    }
    const check = new Database(file, { readonly: true })
    expect(check.prepare("SELECT key, value FROM meta WHERE key IN ('format', 'rebuilding') ORDER BY key").raw().all()).toEqual([
      ['format', '4'],
      ['rebuilding', '1'],
    ])
    check.close()
    const reopened = new EmbeddedSearchEngine({ file, workers: 0 })
    await expect(reopened.search({ text: '容县' })).rejects.toBeInstanceOf(SearchUnavailableError)
    await reopened.close()
  })

  it('keeps serving queries while documents are written (WAL, worker reader)', async () => {
    const engine = new EmbeddedSearchEngine({ file: path.join(directory, 'concurrent.db'), workers: 2 })
    await engine.ready()
    const docs = [...generateCorpus({ count: 2000, seed: 5, bodyLength: 200 })]
    await engine.upsert(docs.slice(0, 1000))
    const writes = engine.upsert(docs.slice(1000))
    const reads = await Promise.all(Array.from({ length: 20 }, () => engine.search({ text: '容县' })))
    await writes
    expect(reads.every((result) => result.total > 0)).toBe(true)
    const after = await engine.search({ text: '容县' })
    expect(after.total).toBeGreaterThanOrEqual(Math.max(...reads.map((result) => result.total)))
    await engine.close()
  })

  it('is picked by default and Meilisearch when MEILI_HOST is set', async () => {
    const embedded = createSearchEngine({ SEARCH_INDEX_PATH: path.join(directory, 'factory.db'), SEARCH_WORKERS: '0' })
    expect(embedded).toBeInstanceOf(EmbeddedSearchEngine)
    expect(embedded.name).toBe('embedded')
    await embedded.close()
    const meili = createSearchEngine({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'key' })
    expect(meili).toBeInstanceOf(MeilisearchEngine)
    await meili.close()
    expect(() => createSearchEngine({ SEARCH_WORKERS: 'two' })).toThrow(/SEARCH_WORKERS/)
  })
})
