import { describe, expect, it } from 'vitest'
import { EmbeddedSearchEngine, parseSearchQuery, SearchUnavailableError } from '../../src/search/index'

describe('embedded query plans', () => {
  const engine = new EmbeddedSearchEngine({ file: ':memory:' })
  const plan = (input: Record<string, unknown>) => engine.plan(parseSearchQuery(input))

  it('quotes every user token and every filter value', async () => {
    await engine.setSynonyms([])
    // An unbalanced ASCII quote only separates words; operators become quoted, literal tokens.
    expect(plan({ text: 'a"b NEAR(x) 县' }).match).toBe('{title body} : "a" AND {title body} : "b" AND {title body} : "near ( x )" AND {title body} : "县" *')
    expect(plan({ text: '“引号” OR' }).match).toBe('{title body} : "“ 引号 号 ”" AND {title body} : "or"')
    const scoped = plan({ text: '低保', sites: ['yulin', 'site-001'], types: ['letter'], years: [2024] })
    expect(scoped.match).toBe('{title body} : "低保" AND tags : ("s.yulin" OR "s.site-001") AND tags : ("t.letter") AND tags : ("y.2024")')
    expect(scoped.titleMatch).toBe('title : "低保" AND tags : ("s.yulin" OR "s.site-001") AND tags : ("t.letter") AND tags : ("y.2024")')
  })

  it('turns date bounds into rowid ranges, a bare end date covering its whole day', () => {
    const [lo, hi] = plan({ text: 'x', publishedFrom: '2024-01-01', publishedTo: '2024-01-31' }).rowidRange
    expect(lo).toBe(Date.parse('2024-01-01') * 1024)
    expect(hi).toBe((Date.parse('2024-02-01') - 1) * 1024 + 1023)
  })

  it('reports an engine that cannot answer as SearchUnavailableError', async () => {
    const closed = new EmbeddedSearchEngine({ file: ':memory:' })
    await closed.close()
    await expect(closed.search({ text: '低保' })).rejects.toBeInstanceOf(SearchUnavailableError)
    await engine.close()
  })
})
