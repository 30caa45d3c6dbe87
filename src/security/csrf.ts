/**
 * CSRF protection of the public forms (letters, ratings, error reports, letter tracking):
 * csrf-csrf's signed double-submit token — an HMAC-signed random value in an httpOnly cookie and
 * the same value in a hidden form field — plus an Origin/Referer (and Fetch Metadata) check.
 * The forms are anonymous, so there is no session to bind the token to; the cookie is
 * `__Host-` prefixed over HTTPS so a sibling sub-domain cannot plant one.
 */
import type { Request, RequestHandler, Response } from 'express'
import express from 'express'
import cookieParser from 'cookie-parser'
import { doubleCsrf } from 'csrf-csrf'
import type { SecurityPolicy } from './policy'
import { escapeHtml } from '../lib/html'
import { parseBytes } from './limits'

export interface RefusalPage {
  site: null
  title: string
  mainHtml: string
  status: number
}

export interface FormGuardOptions {
  policy: SecurityPolicy
  /** Signs the tokens; derive it from Payload's secret so every instance agrees. */
  secret: string
  /** The themed page around the refusal (the interaction layout); a bare page when omitted. */
  layout?: (req: Request, page: RefusalPage) => string | Promise<string>
}

export interface FormGuard {
  /** Parses a public form body and refuses a POST from another origin or without a valid token. */
  verify: RequestHandler
  /** Puts the token into every POST form of a page (and sets its cookie). */
  protectForms(req: Request, res: Response, html: string): string
  fieldName: string
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Fields that are machinery, not what the visitor typed (not echoed back on a refusal). */
const MACHINERY = /^(_csrf|pow_|route$|site$)/

export type OriginVerdict = 'same' | 'cross' | 'unknown'

/** Whether an unsafe request comes from a page of this host: Fetch Metadata, then Origin, then Referer. */
export function originOf(req: Request): OriginVerdict {
  const host = (req.host ?? req.get('host') ?? '').toLowerCase()
  const fetchSite = req.get('sec-fetch-site')
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return 'cross'
  const claimed = req.get('origin') ?? req.get('referer')
  if (!claimed) return fetchSite === 'same-origin' ? 'same' : 'unknown'
  if (claimed === 'null') return 'cross'
  try {
    return new URL(claimed).host.toLowerCase() === host ? 'same' : 'cross'
  } catch {
    return 'cross'
  }
}

export function createFormGuard(options: FormGuardOptions): FormGuard {
  const { policy, secret } = options
  const settings = policy.csrf
  const token = (body: unknown) => (body && typeof body === 'object' ? (body as Record<string, unknown>)[settings.fieldName] : undefined)
  const make = (secure: boolean) =>
    doubleCsrf({
      getSecret: () => secret,
      // Anonymous forms: no session. The signed random value alone ties form and cookie together.
      getSessionIdentifier: () => '',
      cookieName: secure ? settings.secureCookieName : settings.cookieName,
      cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
      size: settings.tokenBytes,
      getCsrfTokenFromRequest: (req) => token(req.body) as string | undefined,
    })
  const plain = make(false)
  const tls = make(true)
  const pick = (req: Request) => (req.secure ? tls : plain)
  const parseCookies = cookieParser()
  const parseForm = express.urlencoded({ extended: true, limit: parseBytes(policy.bodyLimits.publicForm), parameterLimit: 60 })

  const refuse = async (req: Request, res: Response, status: number, reason: string) => {
    const typed = Object.entries(req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {})
      .filter(([name, value]) => typeof value === 'string' && value.trim() && !MACHINERY.test(name))
      .slice(0, 20)
    const kept = typed.length
      ? `<p>您填写的内容没有丢失，复制保存后可重新提交：</p>${typed.map(([name, value]) => `<label>${escapeHtml(name)}<textarea readonly rows="3">${escapeHtml(value)}</textarea></label>`).join('')}`
      : ''
    const mainHtml = `<h1>提交未成功</h1><div role="alert"><p>${escapeHtml(reason)}</p></div>${kept}`
    const page = { site: null, title: '提交未成功', mainHtml, status }
    let html: string
    try {
      html = options.layout ? await options.layout(req, page) : bare(page)
    } catch {
      html = bare(page)
    }
    res.status(status).type('html').set('Cache-Control', 'no-store').send(html)
  }

  const verify: RequestHandler = (req, res, next) => {
    if (!UNSAFE.has(req.method)) return next()
    parseCookies(req, res, (cookieError?: unknown) => {
      if (cookieError) return next(cookieError)
      parseForm(req, res, (error?: unknown) => {
        if (error) {
          const tooLarge = (error as { type?: string }).type === 'entity.too.large'
          return void refuse(
            req,
            res,
            tooLarge ? 413 : 400,
            tooLarge ? '提交的内容过长，请删减后重试 (the submission is too large)' : '提交的数据格式不正确 (malformed request)',
          )
        }
        // A body the form parser did not read (JSON, multipart, text) would otherwise surface as a
        // missing token and a misleading "form expired": say what is wrong with it instead.
        if (hasBody(req) && !req.is('application/x-www-form-urlencoded')) {
          return void refuse(req, res, 415, '提交的数据格式不正确：表单须以 application/x-www-form-urlencoded 提交 (unsupported content type)')
        }
        if (originOf(req) === 'cross') return void refuse(req, res, 403, '请从本网站的表单页面提交 (cross-site submission refused)')
        if (!pick(req).validateRequest(req)) {
          const hasCookie = Boolean(req.cookies && (req.cookies[settings.cookieName] || req.cookies[settings.secureCookieName]))
          return void refuse(
            req,
            res,
            403,
            hasCookie
              ? '表单已过期或安全验证未通过，请刷新表单页面后重新提交 (the form expired; reload it and submit again)'
              : '安全验证未通过：请允许本网站使用 Cookie，刷新表单页面后重新提交 (allow cookies for this site, reload the form and submit again)',
          )
        }
        next()
      })
    })
  }

  return {
    verify,
    fieldName: settings.fieldName,
    protectForms(req, res, html) {
      if (!/<form\b[^>]*\bmethod="post"/i.test(html)) return html
      if (!req.cookies) parseCookies(req, res, () => undefined)
      const value = pick(req).generateCsrfToken(req, res)
      const field = `<input type="hidden" name="${settings.fieldName}" value="${escapeHtml(value)}">`
      return html.replace(/<form\b[^>]*\bmethod="post"[^>]*>/gi, (tag) => `${tag}\n${field}`)
    },
  }
}

const hasBody = (req: Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0 || req.get('content-type') !== undefined

const bare = (page: RefusalPage) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title></head><body><main id="main">${page.mainHtml}</main></body></html>`
