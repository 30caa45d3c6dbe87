/**
 * A seeded generator of malformed and hostile form submissions, shared by the validation fuzz
 * test and the HTTP integration test. Each case says whether a correct system must accept it.
 */
export interface HostileCase {
  label: string
  body: Record<string, unknown>
  shouldAccept: boolean
}

export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SCRIPTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE letters; --",
  '{"$gt": ""}',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '\u202eevil\u202c',
  '\u0000\u0001\u0007\u001b[31m',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
]
const WRONG_TYPES: unknown[] = [null, 42, -1, true, [], ['a', 'b'], { nested: { deep: 1 } }, { $ne: null }, 1e308, '']
const BAD_PHONES = ['123', 'abc', '1234567890123456', '99999999999', '+1 202 555 0100', '<b>138</b>', '138775123456789', '１２', ' ']
const BAD_EMAILS = ['not-an-email', 'a@', '@b.cn', 'a@b', 'x'.repeat(200) + '@b.cn', '<a@b.cn>']
const CATEGORIES = ['consultation', 'suggestion', 'complaint', 'report', 'praise', 'other']

export function validLetter(random: () => number, index: number): Record<string, unknown> {
  return {
    subject: `关于第${index}号路灯损坏的问题`,
    category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
    content: `我家附近的路灯已经损坏多日，晚上出行很不方便，希望有关部门尽快维修。编号${index}。`,
    name: '张三',
    phone: `1387751${String(1000 + (index % 9000)).padStart(4, '0')}`,
    email: random() < 0.5 ? `writer${index}@example.com` : '',
    publishable: random() < 0.5 ? 'on' : undefined,
  }
}

const pick = <T>(random: () => number, list: T[]) => list[Math.floor(random() * list.length)]

/** `count` cases: about one in five is a valid letter (possibly with harmless-but-odd markup), the rest must be refused. */
export function hostileLetterCases(count: number, seed = 20250425): HostileCase[] {
  const random = seededRandom(seed)
  const cases: HostileCase[] = []
  const fields = ['subject', 'category', 'content', 'name', 'phone']
  for (let i = 0; i < count; i++) {
    const body = validLetter(random, i)
    const kind = Math.floor(random() * 10)
    const field = pick(random, fields)
    switch (kind) {
      case 0: // valid, with a script payload inside the text: accepted, markup stripped
        body.content = `${body.content as string}${pick(random, SCRIPTS)}`
        cases.push({ label: `valid-with-script-${i}`, body, shouldAccept: true })
        break
      case 1: // valid as is
        cases.push({ label: `valid-${i}`, body, shouldAccept: true })
        break
      case 2: // oversized
        body[field === 'category' || field === 'phone' ? 'content' : field] = pick(random, ['字', 'a', '<b>x</b>']).repeat(
          5001 + Math.floor(random() * 200_000),
        )
        cases.push({ label: `oversized-${field}-${i}`, body, shouldAccept: false })
        break
      case 3: // wrong types
        body[field] = pick(
          random,
          WRONG_TYPES.filter((v) => !(field !== 'phone' && typeof v === 'number' && v > 0 && field !== 'category' && false)),
        )
        // a positive number is a valid subject/name once turned to text; keep only clearly wrong values
        if (typeof body[field] === 'number' && field !== 'phone' && field !== 'category') body[field] = { $ne: null }
        if (field === 'content' && body[field] === '') body[field] = null
        cases.push({ label: `wrong-type-${field}-${i}`, body, shouldAccept: false })
        break
      case 4: // only markup: nothing left after stripping
        body[pick(random, ['subject', 'content', 'name'])] = pick(random, [
          '<script>alert(1)</script>',
          '<style>x</style>',
          '<iframe></iframe>',
          '\u0000\u0001\u200b',
        ])
        cases.push({ label: `markup-only-${i}`, body, shouldAccept: false })
        break
      case 5:
        body.phone = pick(random, BAD_PHONES)
        cases.push({ label: `bad-phone-${i}`, body, shouldAccept: false })
        break
      case 6:
        body.email = pick(random, BAD_EMAILS)
        cases.push({ label: `bad-email-${i}`, body, shouldAccept: false })
        break
      case 7:
        body.category = pick(random, ['', 'admin', '__proto__', 'constructor', 'CONSULTATION', '<script>', 'other ', null])
        cases.push({ label: `bad-category-${i}`, body, shouldAccept: false })
        break
      case 8:
        delete body[field]
        cases.push({ label: `missing-${field}-${i}`, body, shouldAccept: false })
        break
      default: {
        // prototype pollution and unexpected extra fields: extra keys are dropped, the letter is accepted
        const polluted = JSON.parse(`{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}, "status": "closed", "assignedOrganization": 1}`)
        cases.push({ label: `extra-keys-${i}`, body: Object.assign(polluted, body), shouldAccept: true })
      }
    }
  }
  return cases
}

export function invalidQueryCodes(count: number, seed = 7): unknown[] {
  const random = seededRandom(seed)
  const samples: unknown[] = ['', 'ABC', '0000-0000-0000', 'IIIILLLLOOOO', "' OR 1=1 --", '<script>', 'A'.repeat(100_000), null, 42, { $ne: '' }, ['ABCD']]
  while (samples.length < count) {
    const length = Math.floor(random() * 20)
    samples.push(Array.from({ length }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join(''))
  }
  return samples
}
