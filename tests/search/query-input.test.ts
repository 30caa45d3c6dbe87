import { describe, expect, it } from 'vitest'
import { parseSearchQuery, SearchInputError, stripControlChars } from '../../src/search/index'

describe('parseSearchQuery', () => {
  it('fills defaults and accepts query-string shapes', () => {
    expect(parseSearchQuery({ text: ' 低保 ' })).toEqual({ text: '低保', sort: 'relevance', page: 1, pageSize: 10, facets: false })
    expect(parseSearchQuery({ text: 'x', sites: 'a,b', years: '2023', page: '2', pageSize: '20', facets: 'true', types: ['letter'] })).toMatchObject({
      sites: ['a', 'b'],
      years: [2023],
      page: 2,
      pageSize: 20,
      facets: true,
      types: ['letter'],
    })
  })

  it('strips control characters before the length cap', () => {
    expect(parseSearchQuery({ text: '\u0000'.repeat(5000) + '低保' }).text).toBe('低保')
    expect(stripControlChars('a\u202eb\u0085c')).toBe('a b c')
  })

  it('throws SearchInputError with issues for each bad field', () => {
    try {
      parseSearchQuery({ text: 'x'.repeat(101), pageSize: 99 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(SearchInputError)
      const issues = (error as SearchInputError).issues.map((issue) => issue.path)
      expect(issues).toEqual(expect.arrayContaining(['text', 'pageSize']))
      expect((error as SearchInputError).status).toBe(400)
    }
    expect(() => parseSearchQuery('低保')).toThrow(SearchInputError)
    expect(() => parseSearchQuery({ text: 'a', sites: ['a"b'] })).toThrow(SearchInputError)
    expect(() => parseSearchQuery({ text: 'a', organizations: ['x y'] })).toThrow(SearchInputError)
  })
})
