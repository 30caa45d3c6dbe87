import { describe, expect, it } from 'vitest'
import { recordQuery, reportQueries, reportQueriesBySite, type QueryLogEntry } from '../../src/search/index'

describe('query log analytics', () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute))
  const log = [
    recordQuery('yulin', ' 低保 ', 12, at(1)),
    recordQuery('yulin', '低保', 10, at(2)),
    recordQuery('yulin', '公租房摇号', 0, at(3)),
    recordQuery('yulin', 'ＡＢＣ', 0, at(4)),
    recordQuery('rongxian', '低保', 3, at(5)),
    recordQuery('rongxian', '公租房摇号', 0, at(6)),
    recordQuery('rongxian', '公租房摇号', 2, at(7)),
  ].filter((entry): entry is QueryLogEntry => entry !== null)

  it('normalizes queries and ignores empty ones', () => {
    expect(recordQuery('yulin', '\u0000  ', 0)).toBeNull()
    expect(log[3]!.query).toBe('abc')
    expect(() => recordQuery('yulin', 'x', -1)).toThrow(RangeError)
  })

  it('reports hot and zero-result queries per site', () => {
    const yulin = reportQueries(log, { site: 'yulin' })
    expect(yulin.searches).toBe(4)
    expect(yulin.hot.map((stat) => [stat.query, stat.searches])).toEqual([
      ['低保', 2],
      ['abc', 1],
      ['公租房摇号', 1],
    ])
    expect(yulin.zeroResults.map((stat) => stat.query)).toEqual(['abc', '公租房摇号'])
    // The latest search of 公租房摇号 on rongxian found results, so it is no longer a zero-result query there.
    expect(reportQueries(log, { site: 'rongxian' }).zeroResults).toEqual([])
    // Equal counts: the more recently searched query comes first.
    expect(
      reportQueries(log)
        .hot.slice(0, 2)
        .map((stat) => [stat.query, stat.searches]),
    ).toEqual([
      ['公租房摇号', 3],
      ['低保', 3],
    ])
    expect(reportQueries(log, { since: at(5) }).searches).toBe(3)
    expect(reportQueriesBySite(log).map((report) => report.site)).toEqual(['rongxian', 'yulin'])
  })
})
