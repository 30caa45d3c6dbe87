import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine, parseSearchQuery } from '../../src/search/index'
import { QueryPool } from '../../src/search/embedded/pool'
import { generateCorpus } from '../../bench/search/corpus'

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'search-pool-'))
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

describe('query worker pool', () => {
  const file = path.join(directory, 'pool.db')
  const engine = new EmbeddedSearchEngine({ file, workers: 0 })
  const plan = (text: string) => engine.plan(parseSearchQuery({ text }))

  it('answers many queued searches exactly as the calling thread does', async () => {
    await engine.upsert([...generateCorpus({ count: 500, seed: 8, bodyLength: 120 })])
    const pool = new QueryPool(file, 2, 8)
    await pool.ready()
    const texts = ['容县', '低保', '北流市', '医保 容县', '县', '营商环境']
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run(plan(texts[i % texts.length]!))))
    for (const [i, result] of results.entries()) {
      const expected = await engine.search({ text: texts[i % texts.length]! })
      expect(result.total).toBe(expected.total)
      expect(result.hits.map((hit) => hit.id)).toEqual(expected.hits.map((hit) => hit.id))
    }
    await pool.close()
  })

  it('fails the search a dying worker held, replaces the worker and goes on', async () => {
    const pool = new QueryPool(file, 1, 8)
    await pool.ready()
    const running = pool.run(plan('容县'))
    const queued = pool.run(plan('低保'))
    await (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker.terminate()
    await expect(running).rejects.toThrow(/exited/)
    // The queued search waits for the replacement worker instead of failing with the first.
    expect((await queued).total).toBeGreaterThan(0)
    expect((await pool.run(plan('北流市'))).total).toBeGreaterThan(0)
    await pool.close()
  })

  it('fails searches instead of holding them while no worker can open the index', async () => {
    const pool = new QueryPool(path.join(directory, 'missing', 'none.db'), 1, 8)
    await expect(pool.ready()).rejects.toThrow()
    await expect(pool.run(plan('容县'))).rejects.toThrow()
    await pool.close()
  })

  it('rejects running and queued searches when closed, and later ones at once', async () => {
    const pool = new QueryPool(file, 1, 8)
    await pool.ready()
    const outcomes = [pool.run(plan('容县')), pool.run(plan('低保')), pool.run(plan('医保'))].map((search) => search.catch((error: Error) => error))
    await pool.close()
    for (const outcome of await Promise.all(outcomes)) expect(String(outcome)).toMatch(/closed/)
    await expect(pool.run(plan('容县'))).rejects.toThrow(/closed/)
    await engine.close()
  })
})
