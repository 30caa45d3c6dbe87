/**
 * What the public may submit, checked with zod after cleaning: HTML stripped (sanitize-html),
 * control and invisible direction-override characters removed, Unicode normalised, lengths limited.
 * Error messages are bilingual and keyed by field so the form can show them beside the input.
 */
import sanitizeHtml from 'sanitize-html'
import { z } from 'zod'
import { errorReportKindValues, interactionPolicy, letterCategoryValues } from './policy'

const limits = interactionPolicy.limits
/** Anything longer than this is refused before cleaning, so a megabyte of markup costs nothing. */
const RAW_FACTOR = 4

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' }

/** Plain text out of whatever was typed or pasted; the renderer escapes it again on output. */
export function cleanText(value: string): string {
  const stripped = sanitizeHtml(value, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'template'],
  })
  return stripped
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity])
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .normalize('NFC')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function text(label: string, english: string, min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: `${label}必须是文字 (${english} must be text)` })
      .max(max * RAW_FACTOR, `${label}太长，最多 ${max} 字 (${english} is too long, at most ${max} characters)`)
      .transform(cleanText)
      .pipe(
        z
          .string()
          .min(min, min <= 1 ? `请填写${label} (${english} is required)` : `${label}至少 ${min} 字 (${english} needs at least ${min} characters)`)
          .max(max, `${label}太长，最多 ${max} 字 (${english} is too long, at most ${max} characters)`),
      ),
  )
}

/** Empty (missing, null, blank) is undefined; anything else must pass `schema`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .transform((value, ctx): z.output<T> | undefined => {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined
      const result = schema.safeParse(value)
      if (result.success) return result.data
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] })
      return z.NEVER
    })
    .optional()

/** Mobile (11 digits from 1[3-9]) or landline with area code; +86, spaces and dashes allowed when typing. */
export const phoneSchema = z
  .string({ error: '电话号码格式不正确 (invalid phone number)' })
  .max(30, '电话号码格式不正确 (invalid phone number)')
  .transform((value) =>
    value
      .normalize('NFKC')
      .replace(/[\s\-()（）]/g, '')
      .replace(/^(\+?86)(?=1[3-9]\d{9}$)/, ''),
  )
  .refine(
    (value) => /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}\d{7,8}$/.test(value),
    '请填写正确的手机或固定电话号码（含区号） (enter a valid mobile or landline number with area code)',
  )

export const emailSchema = z
  .string({ error: '电子邮箱格式不正确 (invalid e-mail)' })
  .max(limits.emailMax, '电子邮箱太长 (e-mail too long)')
  .transform((value) => value.trim().normalize('NFKC'))
  .pipe(z.email('电子邮箱格式不正确 (invalid e-mail)'))

const checkbox = z.preprocess(
  (value) => (Array.isArray(value) ? value.at(-1) : value),
  z
    .union([z.boolean(), z.string().max(10), z.undefined(), z.null()])
    .transform((value) => value === true || (typeof value === 'string' && ['on', 'true', '1', 'yes'].includes(value.toLowerCase()))),
)

export const letterSubmissionSchema = z.object({
  subject: text('标题', 'subject', 1, limits.subjectMax),
  category: z.enum(letterCategoryValues as [string, ...string[]], { error: '请选择来信类别 (choose a category)' }),
  content: text('内容', 'content', limits.contentMin, limits.contentMax),
  name: text('姓名', 'name', 1, limits.nameMax),
  phone: phoneSchema,
  email: optional(emailSchema),
  publishable: checkbox,
})
export type LetterSubmission = z.infer<typeof letterSubmissionSchema>

export const errorReportSchema = z.object({
  pageUrl: z
    .string({ error: '请填写出错页面的网址 (page URL is required)' })
    .max(limits.urlMax, '网址太长 (URL too long)')
    .transform((value) => value.trim())
    .refine((value) => {
      try {
        const url = new URL(value)
        return url.protocol === 'http:' || url.protocol === 'https:'
      } catch {
        return false
      }
    }, '网址格式不正确 (invalid page URL)'),
  kind: z.enum(errorReportKindValues as [string, ...string[]], { error: '请选择错误类型 (choose the kind of error)' }),
  description: text('问题描述', 'description', 5, limits.errorDescriptionMax),
  name: optional(text('姓名', 'name', 1, limits.nameMax)),
  phone: optional(phoneSchema),
  email: optional(emailSchema),
})
export type ErrorReportSubmission = z.infer<typeof errorReportSchema>

export const satisfactionValues = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const
export const satisfactionSchema = z.enum(satisfactionValues, { error: '请选择满意度 (choose satisfied, basically satisfied or unsatisfied)' })

export const ratingCommentSchema = optional(text('意见', 'comment', 1, limits.ratingCommentMax))

export type FieldErrors = Record<string, string>
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Runs a schema on untrusted input; never throws, whatever the input. */
export function check<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form'
    errors[field] ??= issue.code === 'invalid_type' && issue.input === undefined && field !== '_form' ? requiredMessage(field, issue.message) : issue.message
  }
  return { ok: false, errors }
}

function requiredMessage(field: string, fallback: string): string {
  const labels: Record<string, string> = { subject: '标题', content: '内容', name: '姓名', phone: '联系电话', pageUrl: '网址', description: '问题描述' }
  return labels[field] ? `请填写${labels[field]} (${field} is required)` : fallback
}

/** A missing or non-object body is checked as an empty form, so every required field is named. */
const asForm = (input: unknown) => (input && typeof input === 'object' && !Array.isArray(input) ? input : {})
export const validateLetterSubmission = (input: unknown) => check(letterSubmissionSchema, asForm(input))
export const validateErrorReport = (input: unknown) => check(errorReportSchema, asForm(input))
