import { describe, expect, it } from 'vitest'
import { AhoCorasick, foldText } from '../../src/guard/index'

/** Every occurrence by brute force, to compare the automaton against. */
function naive(patterns: string[], text: string) {
  const hits: string[] = []
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) hits.push(`${i}@${at}`)
  })
  return hits.sort()
}

describe('AhoCorasick', () => {
  it('finds every occurrence, overlaps and duplicates included', () => {
    const patterns = ['国土资源部', '资源部', '资源', '源部', '部', '资源', 'he', 'she', 'hers', '']
    const text = '国土资源部和自然资源部；ushers'
    const hits = new AhoCorasick(patterns).search(text).map((h) => `${h.pattern}@${h.start}`)
    expect(hits.sort()).toEqual(naive(patterns.slice(0, -1), text))
  })

  it('agrees with brute force on random text', () => {
    const alphabet = '甲乙丙丁戊'
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
    const patterns = Array.from({ length: 200 }, () => word(1 + Math.floor(random() * 4)))
    const text = word(2000)
    const hits = new AhoCorasick(patterns).search(text).map((h) => `${h.pattern}@${h.start}`)
    expect(hits.sort()).toEqual(naive(patterns, text))
  })
})

describe('foldText', () => {
  it('drops whitespace between Chinese characters, keeps one between Latin words, folds full-width forms', () => {
    const folded = foldText('国土 \n资源部 Hello  World ２０２４年')
    expect(folded.text).toBe('国土资源部hello world2024年')
    expect(folded.origin![2]).toBe(4)
  })
})
