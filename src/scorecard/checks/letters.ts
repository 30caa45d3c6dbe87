import type { LetterFacts } from '../types'
import type { CheckContext } from './define'
import { toTime } from '../time'

export interface ParsedLetter {
  letter: LetterFacts
  received: number
  replied: number | null
}

/** Valid letters (duplicates and abuse excluded) with their dates parsed, once per run and unit. */
export function parseLetters(letters: LetterFacts[], ctx: Pick<CheckContext, 'memo'>): ParsedLetter[] {
  return ctx.memo('letters', () => parseAll(letters))
}

function parseAll(letters: LetterFacts[]): ParsedLetter[] {
  const parsed: ParsedLetter[] = []
  for (const [index, letter] of letters.entries()) {
    if (letter.valid === false) continue
    parsed.push({
      letter,
      received: toTime(letter.receivedAt, `letters[${index}].receivedAt`),
      replied: letter.repliedAt === null ? null : toTime(letter.repliedAt, `letters[${index}].repliedAt`),
    })
  }
  return parsed
}

export function letterTitle(letter: LetterFacts): string {
  return letter.title ? `「${letter.title}」` : `#${letter.id}`
}
