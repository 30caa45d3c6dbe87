/**
 * Personal information (个人信息) in published text. Each detector reads folded text (full-width
 * digits already half-width) and returns ranges in it; they are precise rather than eager, since
 * a warning on every long number teaches reviewers to tick without reading. (The letter masking
 * in src/interaction hides every run of ≥ 7 digits on purpose — the opposite trade-off — so its
 * detectors are not reused here.)
 */
export type PersonalKind = 'id-number' | 'mobile' | 'bank-card' | 'address'

export interface PersonalHit {
  kind: PersonalKind
  start: number
  end: number
  suggestion: string
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARS = '10X98765432'

/** GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits. */
export function idChecksumValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]
  return ID_CHECK_CHARS[sum % 11] === id[17].toUpperCase()
}

/** Digits 7–14 are a real calendar date between 1900 and today. */
export function idBirthDateValid(id: string, now = new Date()): boolean {
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getTime() <= now.getTime()
}

/** Luhn (ISO/IEC 7812) check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

// Not inside a longer run of digits or letters (an order number, a URL, a document code).
const ID_NUMBER = /(?<![0-9a-z])\d{17}[\dx](?![0-9a-z])/g
// 1[3-9] is every mobile prefix in use; 3-4-4 groups may be separated by a space or a dash.
const MOBILE = /(?<![0-9a-z+-])1[3-9]\d([ -]?)\d{4}\1\d{4}(?![0-9a-z])/g
// 16–19 digits, written solid or in groups of four separated by one space or dash.
const CARD = /(?<![0-9a-z-])[1-9]\d{3}(?:([ -]?)\d{4}){2}\1\d{4}(?:\1?\d{1,3})?(?![0-9a-z])/g
/** Who an address belongs to: a label, then a 2–4 character Chinese name. */
const PERSON =
  /(?:户主|姓名|申请人|被申请人|当事人|住户|承租人|业主|户名|受助人|救助对象|低保对象|困难群众|举报人|投诉人|来信人)[:：]?\s*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])/g
const PERSON_LABEL = /户主|姓名|申请人|当事人|住户|承租人|业主|户名|受助人|救助对象|低保对象|困难群众|举报人|投诉人|来信人/
/** An address that reaches a room: a street/community word, then at most 20 characters, then N室/N房/N户. */
const ROOM_ADDRESS =
  /[\u4e00-\u9fff\d]{0,12}(?:路|街|巷|弄|道|村|组|小区|苑|花园|大厦|公寓|社区|新村|大院)[^，。；;！？!?\n]{0,20}?(?:\d+|[一二三四五六七八九十零〇]+)(?:室|房|户)/g
/** How far (characters) an address may sit from the name, in the same sentence. */
const ADDRESS_WINDOW = 30
const SENTENCE_END = /[。！？!?；;\n]/

export function findPersonalInfo(text: string, now = new Date()): PersonalHit[] {
  const hits: PersonalHit[] = []
  const ids = new Set<string>()
  for (const m of text.matchAll(ID_NUMBER)) {
    if (!idChecksumValid(m[0]) || !idBirthDateValid(m[0], now)) continue
    ids.add(`${m.index}`)
    hits.push({ kind: 'id-number', start: m.index, end: m.index + m[0].length, suggestion: '删除或遮盖身份证号码（如 4501**********1234）' })
  }
  for (const m of text.matchAll(MOBILE)) {
    hits.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, suggestion: '删除个人手机号码，或改为单位办公电话' })
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, '')
    if (digits.length < 16 || digits.length > 19 || ids.has(`${m.index}`) || !luhnValid(digits)) continue
    if (digits.length === 18 && idChecksumValid(digits) && idBirthDateValid(digits, now)) continue
    hits.push({ kind: 'bank-card', start: m.index, end: m.index + m[0].length, suggestion: '删除或遮盖银行卡号（只留后四位）' })
  }
  if (!PERSON_LABEL.test(text)) return hits
  const names = [...text.matchAll(PERSON)].map((m) => ({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length }))
  for (const m of text.matchAll(ROOM_ADDRESS)) {
    const start = m.index
    const end = start + m[0].length
    const near = names.some((name) => {
      const between = name.end <= start ? text.slice(name.end, start) : end <= name.start ? text.slice(end, name.start) : ''
      return between.length <= ADDRESS_WINDOW && !SENTENCE_END.test(between)
    })
    if (near) hits.push({ kind: 'address', start, end, suggestion: '删除门牌号、室号，只保留到街道或社区' })
  }
  return hits
}
