/**
 * The interaction pages' main content: forms that keep what was typed and show each field's
 * error beside it (linked with aria-describedby), results, and the published letters.
 * Everything typed is escaped; the themes restyle the markup through their own CSS.
 */
import type { Challenge } from './proof-of-work'
import { escapeHtml as e, paragraphs } from './html'
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

export function formatDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return ''
  const local = new Date(new Date(iso).getTime() + interactionPolicy.timeZoneOffsetMinutes * 60_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}
export const formatDate = (iso: unknown) => formatDateTime(iso).slice(0, 10)

function errorSummary(errors: FieldErrors, formError?: string): string {
  const items = Object.entries(errors).map(([field, message]) => `<li><a href="#f-${e(field)}">${e(message)}</a></li>`)
  if (!items.length && !formError) return ''
  return `<div class="notice" role="alert" tabindex="-1" id="form-errors"><p>${e(formError ?? '提交未成功，请修改以下内容：')}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}</div>`
}

function field(name: string, label: string, control: string, errors: FieldErrors, hint?: string): string {
  const error = errors[name]
  return `<div class="field${error ? ' has-error' : ''}">
<label for="f-${name}">${e(label)}</label>${hint ? `<p class="hint" id="h-${name}">${e(hint)}</p>` : ''}
${control}${error ? `<p class="error" id="e-${name}">${e(error)}</p>` : ''}
</div>`
}

const described = (name: string, errors: FieldErrors, hint?: boolean) => {
  const ids = [hint ? `h-${name}` : '', errors[name] ? `e-${name}` : ''].filter(Boolean).join(' ')
  return `${ids ? ` aria-describedby="${ids}"` : ''}${errors[name] ? ' aria-invalid="true"' : ''}`
}

const input = (name: string, values: Values, errors: FieldErrors, attrs = '', hint = false) =>
  `<input id="f-${name}" name="${name}" value="${e(typeof values[name] === 'string' ? values[name] : '')}"${attrs}${described(name, errors, hint)}>`

function powFields(challenge: Challenge): string {
  return `<input type="hidden" name="pow_challenge" value="${e(challenge.challenge)}">
<input type="hidden" name="pow_bits" value="${challenge.bits}">
<input type="hidden" name="pow_solution" value="">
<p data-pow-status aria-live="polite" class="hint"></p>
<noscript><p class="notice">本表单需要启用 JavaScript 完成防机器人安全验证（不收集任何信息）。</p></noscript>`
}

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

export function letterForm(o: LetterFormOptions): string {
  const limits = interactionPolicy.limits
  const category = typeof o.values.category === 'string' ? o.values.category : ''
  const categoryOptions = interactionPolicy.letterCategories
    .map((c) => `<option value="${e(c.value)}"${c.value === category ? ' selected' : ''}>${e(c.label)}</option>`)
    .join('')
  const checked = o.values.publishable === 'on' || o.values.publishable === true ? ' checked' : ''
  return `<h1>${o.route === 'mailbox' ? '市长信箱' : '我要写信'}</h1>
<p>收信单位：${e(o.recipient)}。我们将在规定的工作日内答复；提交后您会得到一个查询码，凭查询码<a href="${e(o.trackUrl)}">查询办理情况</a>。</p>
${errorSummary(o.errors, o.formError)}
<form method="post" action="${e(o.action)}" data-pow novalidate>
<input type="hidden" name="route" value="${o.route}">
<input type="hidden" name="site" value="${e(o.siteCode)}">
${field('subject', '标题（必填）', input('subject', o.values, o.errors, ` required maxlength="${limits.subjectMax}"`), o.errors)}
${field('category', '类别（必填）', `<select id="f-category" name="category" required${described('category', o.errors)}><option value="">请选择</option>${categoryOptions}</select>`, o.errors)}
${field('content', `内容（必填，${limits.contentMin}–${limits.contentMax} 字）`, `<textarea id="f-content" name="content" rows="10" required maxlength="${limits.contentMax}"${described('content', o.errors)}>${e(typeof o.values.content === 'string' ? o.values.content : '')}</textarea>`, o.errors)}
${field('name', '姓名（必填）', input('name', o.values, o.errors, ` required maxlength="${limits.nameMax}" autocomplete="name"`), o.errors)}
${field('phone', '联系电话（必填）', input('phone', o.values, o.errors, ' required type="tel" autocomplete="tel"', true), o.errors, '手机号或带区号的固定电话，仅用于办理联系，不会公开')}
${field('email', '电子邮箱（选填）', input('email', o.values, o.errors, ` type="email" maxlength="${limits.emailMax}" autocomplete="email"`), o.errors)}
<div class="field"><input type="checkbox" id="f-publishable" name="publishable"${checked}> <label for="f-publishable" class="inline">同意在网站公开我的来信和答复（公开时将隐去姓名、电话、身份证号、住址等个人信息）</label></div>
${powFields(o.challenge)}
<button type="submit">提交来信</button>
</form>
<script src="${e(o.scriptUrl)}" defer></script>`
}

export function letterReceived(o: { queryCode: string; deadline: string; trackUrl: string }): string {
  return `<h1>来信已提交</h1>
<div role="status">
<p>您的来信已成功提交并保存。请记下查询码，凭它查询办理进度和答复：</p>
<p class="code">${e(o.queryCode)}</p>
<p>答复期限：${e(formatDate(o.deadline))} 前（按工作日计算）。查询码只显示这一次，请妥善保存。</p>
<p><a href="${e(o.trackUrl)}">查询办理情况</a></p>
</div>`
}

export function trackForm(o: { action: string; values: Values; error?: string }): string {
  return `<h1>来信查询</h1>
${o.error ? `<div class="notice" role="alert"><p>${e(o.error)}</p></div>` : ''}
<form method="post" action="${e(o.action)}" novalidate>
${field('code', '查询码', input('code', o.values, {}, ' required autocomplete="off" autocapitalize="characters" spellcheck="false"'), {})}
${field('phoneTail', '联系电话后四位（选填）', input('phoneTail', o.values, {}, ' inputmode="numeric" maxlength="4" autocomplete="off"'), {})}
<button type="submit">查询</button>
</form>`
}

export function trackResult(o: { letter: Values & Record<string, any>; organizationName: string; satisfactionAction: string; code: string; message?: string }): string {
  const l = o.letter
  const answered = l.status === 'replied' || l.status === 'closed'
  const satisfaction = l.satisfaction?.value
  const rate = answered && !satisfaction
    ? `<form method="post" action="${e(o.satisfactionAction)}"><fieldset><legend>您对答复是否满意？</legend>
<input type="hidden" name="code" value="${e(o.code)}">
<label><input type="radio" name="value" value="satisfied" required> 满意</label>
<label><input type="radio" name="value" value="basically-satisfied"> 基本满意</label>
<label><input type="radio" name="value" value="unsatisfied"> 不满意</label>
</fieldset><button type="submit">提交评价</button></form>`
    : ''
  return `<h1>来信办理情况</h1>
${o.message ? `<div role="status" class="notice"><p>${e(o.message)}</p></div>` : ''}
<dl>
<dt>标题</dt><dd>${e(l.subject)}</dd>
<dt>状态</dt><dd>${e(statusText(l.status))}</dd>
<dt>受理时间</dt><dd>${e(formatDateTime(l.receivedAt))}</dd>
<dt>办理期限</dt><dd>${e(formatDate(l.deadline))}${l.extended ? '（已延期）' : ''}</dd>
<dt>承办单位</dt><dd>${e(o.organizationName || '待交办')}</dd>
${l.status === 'rejected' ? `<dt>不予受理理由</dt><dd>${e(l.rejectionReason)}</dd>` : ''}
</dl>
<h2>来信内容</h2>${paragraphs(l.content)}
${answered ? `<h2>答复（${e(formatDateTime(l.repliedAt))}）</h2>${paragraphs(l.reply)}` : '<p>尚未答复。</p>'}
${satisfaction ? `<p>您的评价：${e({ satisfied: '满意', 'basically-satisfied': '基本满意', unsatisfied: '不满意' }[satisfaction as string] ?? '')}</p>` : rate}`
}

export interface PublicLetterSummary {
  id: number | string
  subject: string
  receivedAt: string
  repliedAt: string
  organizationName: string
}

export function publishedList(o: { letters: PublicLetterSummary[]; base: string; page: number; pages: number; writeUrl: string }): string {
  const rows = o.letters
    .map((l) => `<li><a href="${e(`${o.base}/${l.id}`)}">${e(l.subject)}</a> <span>${e(l.organizationName)}</span> <time datetime="${e(l.repliedAt)}">${e(formatDate(l.repliedAt))}</time></li>`)
    .join('\n')
  const pager = [o.page > 1 ? `<a href="${e(`${o.base}?page=${o.page - 1}`)}" rel="prev">上一页</a>` : '', o.page < o.pages ? `<a href="${e(`${o.base}?page=${o.page + 1}`)}" rel="next">下一页</a>` : ''].join(' ')
  return `<h1>来信选登</h1><p><a href="${e(o.writeUrl)}">我要写信</a></p>
${rows ? `<ul class="letters">${rows}</ul>` : '<p>暂无公开的来信。</p>'}
<nav aria-label="分页">${pager}</nav>`
}

export function publishedDetail(l: { subject: string; content: string; reply: string; receivedAt: string; repliedAt: string; organizationName: string; category: string }): string {
  return `<article><h1>${e(l.subject)}</h1>
<p>类别：${e(l.category)}　来信时间：${e(formatDate(l.receivedAt))}　答复单位：${e(l.organizationName)}</p>
<h2>来信内容</h2>${paragraphs(l.content)}
<h2>答复内容（${e(formatDate(l.repliedAt))}）</h2>${paragraphs(l.reply)}</article>`
}

export function ratingForm(o: { action: string; organizations: { id: string; name: string }[]; values: Values; errors: FieldErrors; formError?: string; challenge: Challenge; scriptUrl: string; siteCode: string }): string {
  const selectedOrg = String(o.values.organization ?? '')
  const orgOptions = o.organizations.map((org) => `<option value="${e(org.id)}"${org.id === selectedOrg ? ' selected' : ''}>${e(org.name)}</option>`).join('')
  const scores = (o.values.scores ?? {}) as Record<string, unknown>
  const indicatorSets = ratingIndicators
    .map((indicator) => {
      const radios = Array.from({ length: ratingScale.max - ratingScale.min + 1 }, (_, i) => ratingScale.min + i)
        .map((n) => `<label><input type="radio" name="scores[${e(indicator.key)}]" value="${n}"${String(scores[indicator.key] ?? '') === String(n) ? ' checked' : ''} required> ${n}</label>`)
        .join(' ')
      return `<fieldset id="f-${e(indicator.key)}"><legend>${e(indicator.label)}（${ratingScale.min}–${ratingScale.max} 分）</legend>${radios}</fieldset>`
    })
    .join('\n')
  return `<h1>部门评议</h1>
<p>每位访问者每月可对每个单位评议一次。</p>
${errorSummary(o.errors, o.formError)}
<form method="post" action="${e(o.action)}" data-pow novalidate>
<input type="hidden" name="site" value="${e(o.siteCode)}">
${field('organization', '被评议单位', `<select id="f-organization" name="organization" required${described('organization', o.errors)}><option value="">请选择</option>${orgOptions}</select>`, o.errors)}
${indicatorSets}
${field('comment', '意见建议（选填）', `<textarea id="f-comment" name="comment" rows="4" maxlength="${interactionPolicy.limits.ratingCommentMax}">${e(typeof o.values.comment === 'string' ? o.values.comment : '')}</textarea>`, o.errors)}
${powFields(o.challenge)}
<button type="submit">提交评议</button>
</form>
<script src="${e(o.scriptUrl)}" defer></script>`
}

export function errorReportForm(o: { action: string; values: Values; errors: FieldErrors; formError?: string; challenge: Challenge; scriptUrl: string; siteCode: string }): string {
  const kind = typeof o.values.kind === 'string' ? o.values.kind : ''
  const kindOptions = interactionPolicy.errorReportKinds.map((k) => `<option value="${e(k.value)}"${k.value === kind ? ' selected' : ''}>${e(k.label)}</option>`).join('')
  return `<h1>我为政府网站找错</h1>
${errorSummary(o.errors, o.formError)}
<form method="post" action="${e(o.action)}" data-pow novalidate>
<input type="hidden" name="site" value="${e(o.siteCode)}">
${field('pageUrl', '出错页面网址', input('pageUrl', o.values, o.errors, ' required type="url"'), o.errors)}
${field('kind', '错误类型', `<select id="f-kind" name="kind" required${described('kind', o.errors)}><option value="">请选择</option>${kindOptions}</select>`, o.errors)}
${field('description', '问题描述', `<textarea id="f-description" name="description" rows="6" required maxlength="${interactionPolicy.limits.errorDescriptionMax}"${described('description', o.errors)}>${e(typeof o.values.description === 'string' ? o.values.description : '')}</textarea>`, o.errors)}
${field('name', '姓名（选填）', input('name', o.values, o.errors, ' autocomplete="name"'), o.errors)}
${field('phone', '联系电话（选填）', input('phone', o.values, o.errors, ' type="tel" autocomplete="tel"'), o.errors)}
${field('email', '电子邮箱（选填）', input('email', o.values, o.errors, ' type="email" autocomplete="email"'), o.errors)}
${powFields(o.challenge)}
<button type="submit">提交</button>
</form>
<script src="${e(o.scriptUrl)}" defer></script>`
}

export const thanks = (heading: string, text: string, back?: { href: string; label: string }) =>
  `<h1>${e(heading)}</h1><div role="status"><p>${e(text)}</p></div>${back ? `<p><a href="${e(back.href)}">${e(back.label)}</a></p>` : ''}`
