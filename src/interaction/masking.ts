/**
 * Masking personal data (个人信息脱敏) before a letter is shown to the public or indexed:
 * e-mail addresses, phone numbers and ID-card numbers (any run of ≥ 7 digits, also written
 * with spaces, dashes or full-width digits), street addresses, and names in greetings,
 * signatures and wherever the writer's own name appears. Errs on the side of hiding: a long
 * number that is not personal data is hidden too. Kept: dates (2024-05-01), service hotlines
 * written with their area code (0775-12345: no private line has a 5-digit local number), and
 * office landlines named by their office (市住建局0775-2826123, 咨询电话：2826123) — those are
 * public numbers the reply needs. Mobile numbers are hidden whoever they belong to.
 */
import surnameData from './data/surnames.json'

const DIGIT = '[0-9０-９]'
// Brackets are not separators: "（17位）" after a number is text, and an area code in brackets,
// "(0775)2826123", leaves the bracketed code and masks the local number.
const SEPARATOR = '[\\s\\-－—.·+＋]'
const CJK = '[\\u4e00-\\u9fff]'
const surnames = `(?:${surnameData.compound.join('|')}|[${surnameData.single}])`

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g
const LONG_NUMBER = new RegExp(`${DIGIT}(?:${SEPARATOR}{0,2}${DIGIT}){6,}(?:${SEPARATOR}?[Xx×])?`, 'g')
const DATE_LIKE = /^[0-9０-９]{4}[-－./][0-9０-９]{1,2}[-－./][0-9０-９]{1,2}$/
const SERVICE_HOTLINE = /^0\d{2,3}[-－—]\d{3,5}$/
const LANDLINE = /^(?:0\d{2,3}[-－—\s]?)?[2-9]\d{6,7}$/
/** An office named just before a landline (same clause): 住建局、政务服务中心、咨询电话、值班电话… */
const OFFICE_BEFORE =
  /(?:局|委|办|厅|署|院|(?<!住)所|站|中心|政府|窗口|大厅|部门|科|股|咨询|办公|值班|监督|投诉|举报|受理|服务|热线)(?:联系|咨询|办公)?(?:电话|热线|号码)?(?:为|是)?[:：]?\s*$/
const ADDRESS_AFTER_TRIGGER = new RegExp(`(住址|地址|家住|住在|居住在|现住|现居)([:：]?\\s*)([^，。；;,\\n！!？?]{2,60})`, 'g')
const HOUSE_NUMBER = new RegExp(`(路|街|巷|弄|村|屯|组|小区|花园|大厦|公寓|苑|新村|社区)(${DIGIT}+|[一二三四五六七八九十百零]+)(号|弄|栋|幢|组|队)`, 'g')
const BUILDING_NUMBER = new RegExp(`(${DIGIT}+|[一二三四五六七八九十]+)(栋|幢|单元|室|号楼|号房)`, 'g')
const NAME_AFTER_TRIGGER = new RegExp(
  `(我叫|我是|本人|姓名|来信人|署名|联系人|反映人|投诉人|举报人|写信人|落款|尊敬的)([:：]?\\s*)(${surnames}${CJK}{1,2})(?=$|[\\s，。,.:：！!、同先女老您你的])`,
  'gu',
)
const NAME_BEFORE_HONORIFIC = new RegExp(`(${surnames}${CJK}{1,2}?)(?=先生|女士|同志|小姐|阿姨|大爷)`, 'gu')
const NAME_BEFORE_GREETING = new RegExp(`(^|[\\s，。,])(${surnames}${CJK}{1,2})(?=[:：，,]?\\s*(?:您好|你好))`, 'gmu')
const SIGNATURE_LINE = new RegExp(`^(\\s*(?:此致敬礼|此致|敬礼)?[\\s,，!！]*)(${surnames}${CJK}{1,2})(\\s*(?:${DIGIT}{4}年.*|${DIGIT}{4}[\\-./].*)?)$`, 'u')

/** 张三 → 张*, 欧阳小明 → 欧阳**: the surname stays, the given name goes. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  const compound = surnameData.compound.find((s) => name.startsWith(s))
  const keep = compound && chars.length > 2 ? 2 : 1
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep)
}

function maskNumber(match: string, offset: number, text: string): string {
  if (DATE_LIKE.test(match)) return match
  const plain = match.normalize('NFKC')
  if (SERVICE_HOTLINE.test(plain)) return match
  if (LANDLINE.test(plain) && OFFICE_BEFORE.test(clauseBefore(text, offset))) return match
  const digits = [...match].filter((c) => /[0-9０-９Xx×]/.test(c))
  return digits.slice(0, 3).join('') + '*'.repeat(digits.length - 3)
}

/** The words just before a number, in its own clause, without a bracketed area code: 住建局（0775）2826123. */
function clauseBefore(text: string, offset: number): string {
  const clause = text
    .slice(Math.max(0, offset - 18), offset)
    .split(/[，。；;,！!？?\n]/)
    .pop()!
  return clause.replace(/[(（][0０][0-9０-９]{2,3}[)）]\s*$/, '')
}

function maskEmail(email: string): string {
  const tld = email.slice(email.lastIndexOf('.'))
  return `${email[0]}***@***${tld}`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface MaskOptions {
  /** Names known to belong to this letter (the writer's name field): masked wherever they appear. */
  knownNames?: (string | null | undefined)[]
}

export function maskPersonalData(text: string | null | undefined, options: MaskOptions = {}): string {
  if (!text) return ''
  let out = text

  for (const raw of options.knownNames ?? []) {
    const name = raw?.trim()
    if (name && [...name].length >= 2) out = out.replace(new RegExp(escapeRegExp(name), 'g'), maskName(name))
  }

  out = out.replace(EMAIL, maskEmail)
  out = out.replace(LONG_NUMBER, maskNumber)
  out = out.replace(ADDRESS_AFTER_TRIGGER, (_m, trigger: string, gap: string, address: string) => `${trigger}${gap}${maskAddress(address)}`)
  out = out.replace(HOUSE_NUMBER, (_m, before: string, number: string, unit: string) => `${before}${'*'.repeat([...number].length)}${unit}`)
  out = out.replace(BUILDING_NUMBER, (_m, number: string, unit: string) => `${'*'.repeat([...number].length)}${unit}`)
  out = out.replace(NAME_AFTER_TRIGGER, (_m, trigger: string, gap: string, name: string) => `${trigger}${gap}${maskName(name)}`)
  out = out.replace(NAME_BEFORE_HONORIFIC, (name: string) => maskName(name))
  out = out.replace(NAME_BEFORE_GREETING, (_m, before: string, name: string) => `${before}${maskName(name)}`)
  out = out
    .split('\n')
    .map((line) => {
      const signature = SIGNATURE_LINE.exec(line)
      return signature && [...signature[2]].length <= 4 ? `${signature[1]}${maskName(signature[2])}${signature[3]}` : line
    })
    .join('\n')
  return out
}

/** Keeps the city/county part of an address (up to the last 市/县/区 in its first 12 characters) and hides the rest. */
function maskAddress(address: string): string {
  const chars = [...address]
  let keep = 0
  for (let i = 0; i < Math.min(chars.length, 12); i++) if ('省市县区'.includes(chars[i])) keep = i + 1
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(3, Math.min(8, chars.length - keep)))
}

export interface PublishableLetterText {
  subject: string
  content: string
  reply?: string | null
  name?: string | null
}

/** The subject, content and reply of a letter as the public may see them. */
export function maskLetterForPublication(letter: PublishableLetterText): { subject: string; content: string; reply: string } {
  const options = { knownNames: [letter.name] }
  return {
    subject: maskPersonalData(letter.subject, options),
    content: maskPersonalData(letter.content, options),
    reply: maskPersonalData(letter.reply ?? '', options),
  }
}
