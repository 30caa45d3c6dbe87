import { describe, expect, it } from 'vitest'
import { cleanText, interactionPolicy, parseQueryCode, validateErrorReport, validateLetterSubmission } from '../../src/interaction'
import { hostileLetterCases, invalidQueryCodes, validLetter, seededRandom } from './hostile-input'

const limits = interactionPolicy.limits

describe('cleaning text', () => {
  it('strips HTML, scripts and control characters, keeps the writer’s characters', () => {
    expect(cleanText('A&B <b>粗体</b><script>alert(1)</script> 1 < 2')).toBe('A&B 粗体 1 < 2')
    expect(cleanText('a\u0000b\u202ec\u200bd\r\ne')).toBe('abcd\ne')
    expect(cleanText('  x \n\n\n\n y ')).toBe('x\n\n y')
  })
})

describe('letter submission', () => {
  it('accepts a correct letter and normalises phone and checkbox', () => {
    const result = validateLetterSubmission({ ...validLetter(seededRandom(1), 1), phone: '+86 138-7751-2345', publishable: 'on' })
    expect(result).toMatchObject({ ok: true, data: { phone: '13877512345', publishable: true } })
  })

  it('accepts landlines with area code', () => {
    expect(validateLetterSubmission({ ...validLetter(seededRandom(1), 1), phone: '0775-2826123' })).toMatchObject({ ok: true, data: { phone: '07752826123' } })
  })

  it('explains each bad field', () => {
    const result = validateLetterSubmission({ subject: '', category: 'x', content: '短', phone: '123', email: 'nope' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['category', 'content', 'email', 'name', 'phone', 'subject'])
    expect(result.errors.subject).toMatch(/subject is required/)
    expect(result.errors.name).toMatch(/name is required|姓名/)
    expect(result.errors.content).toMatch(/at least 5/)
    expect(result.errors.phone).toMatch(/valid mobile or landline/)
    expect(result.errors.email).toMatch(/invalid e-mail/)
  })

  it('1,000 generated malformed and hostile submissions: no throw, hostile refused, valid kept and clean', () => {
    const cases = hostileLetterCases(1000)
    let accepted = 0
    for (const testCase of cases) {
      const result = validateLetterSubmission(testCase.body)
      expect(result.ok, testCase.label).toBe(testCase.shouldAccept)
      if (result.ok) {
        accepted++
        const data = result.data
        expect(Object.keys(data).sort(), testCase.label).toEqual(
          ['category', 'content', 'email', 'name', 'phone', 'publishable', 'subject'].filter((k) => k in data).sort(),
        )
        for (const value of [data.subject, data.content, data.name]) {
          expect(value).not.toMatch(/<\s*(script|img|iframe|svg|style)/i)
          expect(value).not.toMatch(/[\u0000-\u0008\u202a-\u202e\u200b]/)
        }
        expect(data.subject.length).toBeLessThanOrEqual(limits.subjectMax)
        expect(data.content.length).toBeLessThanOrEqual(limits.contentMax)
        expect(data.phone).toMatch(/^(1[3-9]\d{9}|0\d{9,11})$/)
        expect((data as Record<string, unknown>).status).toBeUndefined()
      } else {
        for (const message of Object.values(result.errors)) expect(message.length).toBeGreaterThan(3)
      }
    }
    expect(accepted).toBeGreaterThan(150)
    expect(accepted).toBeLessThan(500)
  })

  it('invalid query codes are all refused without throwing', () => {
    const codes = invalidQueryCodes(300)
    let refused = 0
    for (const code of codes) if (!parseQueryCode(code).ok) refused++
    // a random 12-character string from the alphabet would be a well-formed code; the generator makes none that pass
    expect(refused).toBe(codes.length)
  })
})

describe('optional free text', () => {
  it('a missing comment is fine, a non-text one is refused', async () => {
    const { check, ratingCommentSchema } = await import('../../src/interaction/validation')
    expect(check(ratingCommentSchema, undefined)).toEqual({ ok: true, data: undefined })
    expect(check(ratingCommentSchema, '  很好 ')).toEqual({ ok: true, data: '很好' })
    expect(check(ratingCommentSchema, ['a'])).toMatchObject({ ok: false })
  })
})

describe('error report submission', () => {
  const good = { pageUrl: 'https://jyj.yulin.gov.cn/news/1.html', kind: 'broken-link', description: '页面上的附件链接无法打开' }
  it('accepts a report', () => {
    expect(validateErrorReport(good)).toMatchObject({ ok: true })
  })
  it('optional contact fields may be blank but not wrong', () => {
    expect(validateErrorReport({ ...good, name: '', phone: '  ', email: undefined })).toMatchObject({ ok: true, data: { name: undefined, phone: undefined } })
    expect(validateErrorReport({ ...good, name: '张三', phone: '13877512345' })).toMatchObject({ ok: true, data: { name: '张三', phone: '13877512345' } })
    expect(validateErrorReport({ ...good, phone: '12' })).toMatchObject({ ok: false, errors: { phone: expect.stringContaining('valid mobile') } })
    expect(validateErrorReport({ ...good, name: { $ne: 1 } })).toMatchObject({ ok: false, errors: { name: expect.stringContaining('must be text') } })
  })

  it('refuses non-http URLs, unknown kinds and empty descriptions', () => {
    expect(validateErrorReport({ ...good, pageUrl: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      errors: { pageUrl: expect.stringContaining('invalid page URL') },
    })
    expect(validateErrorReport({ ...good, kind: 'hack' })).toMatchObject({ ok: false, errors: { kind: expect.any(String) } })
    expect(validateErrorReport({ ...good, description: '<p></p>' })).toMatchObject({ ok: false, errors: { description: expect.any(String) } })
    expect(validateErrorReport(null)).toMatchObject({ ok: false, errors: { pageUrl: expect.any(String), description: expect.any(String) } })
    expect(validateErrorReport('string')).toMatchObject({ ok: false })
  })
})
