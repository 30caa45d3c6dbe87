/**
 * View models of the interaction pages: plain data the theme's templates render
 * (themes/_base/pages/letter-*.liquid, rating-form, error-report, notice). A form keeps what was
 * typed and names each field's error, hint and aria-describedby; the templates escape all of it.
 */
import type { Challenge } from './proof-of-work'
import { interactionPolicy, ratingIndicators, ratingScale } from './policy'
import type { FieldErrors } from './validation'

type Values = Record<string, unknown>

const STATUS_TEXT: Record<string, string> = {
  received: '已受理',
  dispatched: '已交办',
  'in-progress': '办理中',
  replied: '已答复',
  closed: '已办结',
  returned: '重新交办中',
  rejected: '不予受理',
}
export const statusText = (status: string) => STATUS_TEXT[status] ?? status
const SATISFACTION_TEXT: Record<string, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', unsatisfied: '不满意' }

export function formatDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return ''
  const local = new Date(new Date(iso).getTime() + interactionPolicy.timeZoneOffsetMinutes * 60_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}
export const formatDate = (iso: unknown) => formatDateTime(iso).slice(0, 10)

/** Plain text as paragraphs of lines: blank lines part paragraphs, single breaks become <br> in the template. */
export const paragraphs = (text: unknown) =>
  String(text ?? '')
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => ({ lines: p.split('\n') }))

export interface OptionView {
  value: string
  label: string
  selected: boolean
}

export interface FieldView {
  /** `f-<name>`: the error summary links to it. */
  id: string
  name: string
  label: string
  control: 'input' | 'select' | 'textarea'
  /** Input type; empty for a text box. */
  type: string
  value: string
  required: boolean
  maxlength?: number
  autocomplete?: string
  inputmode?: string
  rows?: number
  /** A code typed as shown: no capitalisation or spelling help. */
  verbatim?: boolean
  options?: OptionView[]
  hint?: string
  hintId: string
  error?: string
  errorId: string
  /** Ids for aria-describedby; empty when nothing describes the field. */
  describedBy: string
}

/** The form-level message and one linked item per field error. */
export interface ErrorSummaryView {
  message: string
  items: Array<{ href: string; message: string }>
}

export interface PowView {
  challenge: string
  bits: number
  scriptUrl: string
}

type FieldSpec = Partial<Omit<FieldView, 'id' | 'name' | 'label' | 'value' | 'hintId' | 'errorId' | 'describedBy' | 'error'>> & { name: string; label: string }

function field(spec: FieldSpec, values: Values, errors: FieldErrors): FieldView {
  const { name } = spec
  const error = errors[name]
  const value = values[name]
  const ids = [spec.hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ')
  return {
    control: 'input',
    type: '',
    required: false,
    ...spec,
    id: `f-${name}`,
    value: typeof value === 'string' ? value : '',
    error,
    hintId: `h-${name}`,
    errorId: `e-${name}`,
    describedBy: ids,
  }
}

function errorSummary(errors: FieldErrors, formError?: string): ErrorSummaryView | null {
  const items = Object.entries(errors).map(([name, message]) => ({ href: `#f-${name}`, message }))
  if (!items.length && !formError) return null
  return { message: formError ?? '提交未成功，请修改以下内容：', items }
}

const choices = (list: Array<{ value: string; label: string }>, current: unknown): OptionView[] =>
  list.map((c) => ({ value: c.value, label: c.label, selected: c.value === current }))

const pow = (challenge: Challenge, scriptUrl: string): PowView => ({ challenge: challenge.challenge, bits: challenge.bits, scriptUrl })

export interface LetterFormOptions {
  action: string
  route: 'site' | 'mailbox'
  siteCode: string
  recipient: string
  values: Values
  errors: FieldErrors
  formError?: string
  challenge: Challenge
  scriptUrl: string
  trackUrl: string
}

export function letterForm(o: LetterFormOptions) {
  const limits = interactionPolicy.limits
  const f = (spec: FieldSpec) => field(spec, o.values, o.errors)
  return {
    heading: o.route === 'mailbox' ? '市长信箱' : '我要写信',
    recipient: o.recipient,
    trackUrl: o.trackUrl,
    action: o.action,
    route: o.route,
    siteCode: o.siteCode,
    errors: errorSummary(o.errors, o.formError),
    fields: [
      f({ name: 'subject', label: '标题（必填）', required: true, maxlength: limits.subjectMax }),
      f({
        name: 'category',
        label: '类别（必填）',
        control: 'select',
        required: true,
        options: choices(interactionPolicy.letterCategories, o.values.category),
      }),
      f({
        name: 'content',
        label: `内容（必填，${limits.contentMin}–${limits.contentMax} 字）`,
        control: 'textarea',
        rows: 10,
        required: true,
        maxlength: limits.contentMax,
      }),
      f({ name: 'name', label: '姓名（必填）', required: true, maxlength: limits.nameMax, autocomplete: 'name' }),
      f({
        name: 'phone',
        label: '联系电话（必填）',
        type: 'tel',
        required: true,
        autocomplete: 'tel',
        hint: '手机号或带区号的固定电话，仅用于办理联系，不会公开',
      }),
      f({ name: 'email', label: '电子邮箱（选填）', type: 'email', maxlength: limits.emailMax, autocomplete: 'email' }),
    ],
    publishable: o.values.publishable === 'on' || o.values.publishable === true,
    pow: pow(o.challenge, o.scriptUrl),
  }
}

export const letterReceived = (o: { queryCode: string; deadline: string; trackUrl: string }) => ({
  queryCode: o.queryCode,
  deadline: formatDate(o.deadline),
  trackUrl: o.trackUrl,
})

export function trackForm(o: { action: string; values: Values; error?: string }) {
  const f = (spec: FieldSpec) => field(spec, o.values, {})
  return {
    action: o.action,
    error: o.error ?? '',
    fields: [
      f({ name: 'code', label: '查询码', required: true, autocomplete: 'off', verbatim: true }),
      f({ name: 'phoneTail', label: '联系电话后四位（选填）', inputmode: 'numeric', maxlength: 4, autocomplete: 'off' }),
    ],
  }
}

export function trackResult(o: { letter: Values & Record<string, any>; organizationName: string; satisfactionAction: string; code: string; message?: string }) {
  const l = o.letter
  const answered = l.status === 'replied' || l.status === 'closed'
  const satisfaction = typeof l.satisfaction?.value === 'string' ? (l.satisfaction.value as string) : ''
  return {
    message: o.message ?? '',
    subject: String(l.subject ?? ''),
    status: statusText(l.status),
    receivedAt: formatDateTime(l.receivedAt),
    deadline: formatDate(l.deadline),
    extended: Boolean(l.extended),
    organizationName: o.organizationName || '待交办',
    rejectionReason: l.status === 'rejected' ? String(l.rejectionReason ?? '') : '',
    content: paragraphs(l.content),
    answered,
    repliedAt: answered ? formatDateTime(l.repliedAt) : '',
    reply: answered ? paragraphs(l.reply) : [],
    satisfaction: satisfaction ? (SATISFACTION_TEXT[satisfaction] ?? '') : '',
    /** The writer may rate an answer once. */
    rate: answered && !satisfaction ? { action: o.satisfactionAction, code: o.code } : null,
  }
}

export interface PublicLetterSummary {
  id: number | string
  subject: string
  receivedAt: string
  repliedAt: string
  organizationName: string
}

/** `base` is the list's own address (its pages add ?page=N); `letterHref` a letter's address. */
export function publishedList(o: {
  letters: PublicLetterSummary[]
  base: string
  letterHref: (id: number | string) => string
  page: number
  pages: number
  writeUrl: string
}) {
  return {
    writeUrl: o.writeUrl,
    letters: o.letters.map((l) => ({
      href: o.letterHref(l.id),
      subject: l.subject,
      organizationName: l.organizationName,
      repliedAt: l.repliedAt,
      repliedDate: formatDate(l.repliedAt),
    })),
    prevHref: o.page > 1 ? `${o.base}?page=${o.page - 1}` : '',
    nextHref: o.page < o.pages ? `${o.base}?page=${o.page + 1}` : '',
  }
}

export function publishedDetail(l: {
  subject: string
  content: string
  reply: string
  receivedAt: string
  repliedAt: string
  organizationName: string
  category: string
}) {
  return {
    subject: l.subject,
    category: l.category,
    receivedDate: formatDate(l.receivedAt),
    repliedDate: formatDate(l.repliedAt),
    organizationName: l.organizationName,
    content: paragraphs(l.content),
    reply: paragraphs(l.reply),
  }
}

export function ratingForm(o: {
  action: string
  organizations: { id: string; name: string }[]
  values: Values
  errors: FieldErrors
  formError?: string
  challenge: Challenge
  scriptUrl: string
  siteCode: string
}) {
  const scores = (o.values.scores ?? {}) as Record<string, unknown>
  const points = Array.from({ length: ratingScale.max - ratingScale.min + 1 }, (_, i) => ratingScale.min + i)
  return {
    action: o.action,
    siteCode: o.siteCode,
    errors: errorSummary(o.errors, o.formError),
    organization: field(
      {
        name: 'organization',
        label: '被评议单位',
        control: 'select',
        required: true,
        options: choices(
          o.organizations.map((org) => ({ value: org.id, label: org.name })),
          String(o.values.organization ?? ''),
        ),
      },
      o.values,
      o.errors,
    ),
    indicators: ratingIndicators.map((indicator) => ({
      id: `f-${indicator.key}`,
      legend: `${indicator.label}（${ratingScale.min}–${ratingScale.max} 分）`,
      name: `scores[${indicator.key}]`,
      points: points.map((n) => ({ value: n, checked: String(scores[indicator.key] ?? '') === String(n) })),
    })),
    comment: field(
      { name: 'comment', label: '意见建议（选填）', control: 'textarea', rows: 4, maxlength: interactionPolicy.limits.ratingCommentMax },
      o.values,
      o.errors,
    ),
    pow: pow(o.challenge, o.scriptUrl),
  }
}

export function errorReportForm(o: {
  action: string
  values: Values
  errors: FieldErrors
  formError?: string
  challenge: Challenge
  scriptUrl: string
  siteCode: string
}) {
  const f = (spec: FieldSpec) => field(spec, o.values, o.errors)
  return {
    action: o.action,
    siteCode: o.siteCode,
    errors: errorSummary(o.errors, o.formError),
    fields: [
      f({ name: 'pageUrl', label: '出错页面网址', type: 'url', required: true }),
      f({ name: 'kind', label: '错误类型', control: 'select', required: true, options: choices(interactionPolicy.errorReportKinds, o.values.kind) }),
      f({ name: 'description', label: '问题描述', control: 'textarea', rows: 6, required: true, maxlength: interactionPolicy.limits.errorDescriptionMax }),
      f({ name: 'name', label: '姓名（选填）', autocomplete: 'name' }),
      f({ name: 'phone', label: '联系电话（选填）', type: 'tel', autocomplete: 'tel' }),
      f({ name: 'email', label: '电子邮箱（选填）', type: 'email', autocomplete: 'email' }),
    ],
    pow: pow(o.challenge, o.scriptUrl),
  }
}

/** A short outcome: thanks, not found, too many requests, a refused body. */
export const notice = (heading: string, text: string, back?: { href: string; label: string }) => ({ heading, text, back: back ?? null })
