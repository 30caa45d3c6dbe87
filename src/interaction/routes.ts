/**
 * The public interaction endpoints as an Express router: letter forms (unit site and the
 * portal's mayor's mailbox), tracking, the writer's satisfaction, published letters, ratings,
 * error reports and the proof-of-work challenge. Mount it at "/" and at "/s/:site" (mergeParams).
 * Every input is validated; malformed input gets a 4xx page that keeps what was typed, a storage
 * failure a 503 page that keeps it too; the success page is sent only after the record is stored.
 */
import { createHmac } from 'node:crypto'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'
import { CAPABILITY_PATHS, sitePaths, standalonePublicPages, type CapabilityPageType, type PublicPages, type SiteRef } from '../sites'
import { systemClock, type Clock } from './clock'
import { receiveLetter } from './letter-intake'
import { publicLetterWhere, rateReply, trackLetter } from './letter-service'
import { interactionPolicy } from './policy'
import { createChallenge, memorySpentChallenges, verifySolution, type SpentChallenges } from './proof-of-work'
import { powSolverScript } from './pow-solver-script'
import { storeErrorReport, storeRating } from './public-submissions'
import { checkScores, readRatedCookie, writeRatedCookie } from './ratings'
import { check, ratingCommentSchema, satisfactionSchema, validateErrorReport, validateLetterSubmission, type FieldErrors } from './validation'
import * as views from './views'

export interface InteractionRouterOptions {
  payload: Payload
  /** Signs challenges and cookies; derived from Payload's secret when omitted (all instances share it). */
  secret?: string
  clock?: Clock
  /** Site resolution and the theme's pages (src/sites); read from the database and themes/ when omitted. */
  pages?: PublicPages
  /** Proof-of-work difficulty; policy.proofOfWork.difficultyBits when omitted. */
  powBits?: number
  /** Per-address limits; `false` turns them off (benchmarks behind one address). */
  rateLimits?: false | Partial<typeof interactionPolicy.rateLimits>
  spentChallenges?: SpentChallenges
  /** Adds the CSRF token to the page's POST forms (src/security's form guard, wired by the server). */
  protectForms?: (req: Request, res: Response, html: string) => string
}

/** The top-level paths this router mounts, from the address book (the public sites leave them to it). */
const { letters: LETTERS, ratings: RATINGS, errorReport: ERROR_REPORT, interactionAssets: ASSETS } = CAPABILITY_PATHS
export const INTERACTION_PATHS: readonly string[] = [LETTERS, RATINGS, ERROR_REPORT, ASSETS]

const RATED_COOKIE = 'sg_rated'
const STORE_FAILED =
  '提交暂时未能保存，您填写的内容仍保留在下方，请稍后再次提交 (your submission could not be saved; what you typed is kept below, please try again)'

type Body = Record<string, unknown>
const bodyOf = (req: Request): Body => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Body) : {})
const text = (value: unknown, max = 5000) => (typeof value === 'string' ? value.slice(0, max * 4) : '')

export function createInteractionRouter(options: InteractionRouterOptions): Router {
  const { payload } = options
  const clock = options.clock ?? systemClock
  const pages = options.pages ?? standalonePublicPages(payload)
  const sites = pages.sites
  const secret = options.secret ?? createHmac('sha256', payload.secret).update('sitegroup-interaction').digest('hex')
  const powBits = options.powBits ?? interactionPolicy.proofOfWork.difficultyBits
  const spent = options.spentChallenges ?? memorySpentChallenges()
  const router = express.Router({ mergeParams: true })

  const limits = { ...interactionPolicy.rateLimits, ...(options.rateLimits || {}) }
  const limiter = (limit: number) =>
    options.rateLimits === false
      ? (_req: Request, _res: Response, next: NextFunction) => next()
      : rateLimit({
          windowMs: limits.windowSeconds * 1000,
          limit,
          standardHeaders: 'draft-8',
          legacyHeaders: false,
          handler: (req, res) =>
            page(
              req,
              res,
              null,
              'notice',
              '提交过于频繁',
              views.notice('提交过于频繁', '您的操作过于频繁，请稍后再试 (too many requests; please wait and try again)'),
              429,
            ),
        })
  const submitLimit = limiter(limits.submitPerWindow)
  const trackLimit = limiter(limits.trackPerWindow)
  const challengeLimit = limiter(limits.challengePerWindow)

  const page = (req: Request, res: Response, site: SiteRef | null, type: CapabilityPageType, title: string, view: object, status = 200) => {
    // If the site's page fails, the group's page still carries the form to the writer.
    void pages
      .render(req, { site, type, title, view })
      .catch((error) => {
        payload.logger.error({ err: error, msg: 'interaction page failed in the site theme' })
        return pages.render(req, { site: null, type, title, view })
      })
      .then(
        (html) =>
          res
            .status(status)
            .type('html')
            .set('Cache-Control', 'no-store')
            .send(options.protectForms ? options.protectForms(req, res, html) : html),
        (error) => {
          payload.logger.error({ err: error, msg: 'interaction page could not be rendered' })
          res.status(503).type('text').set('Cache-Control', 'no-store').send('服务暂时不可用，请稍后重试 (service unavailable, please try again)')
        },
      )
  }
  const link = (req: Request, path: string) => `${req.baseUrl}${path}`
  const challenge = () => createChallenge(secret, { now: clock.now(), bits: powBits, ttlSeconds: interactionPolicy.proofOfWork.ttlSeconds })
  /** What every public form's view shares: where it posts, what was typed and found wrong, a fresh proof-of-work challenge. */
  const formParts = (req: Request, path: string, siteCode: string, values: Body, errors: FieldErrors, formError: string | undefined) => ({
    action: link(req, path),
    siteCode,
    values,
    errors,
    formError,
    challenge: challenge(),
    scriptUrl: link(req, `${ASSETS}/pow.js`),
  })
  const checkPow = (body: Body) => verifySolution(secret, body.pow_challenge, body.pow_solution, { now: clock.now(), minBits: powBits, spent })
  const notFound = (req: Request, res: Response) =>
    page(req, res, null, 'notice', '未找到', views.notice('未找到', '未找到该网站或页面 (site or page not found)'), 404)

  router.use(express.urlencoded({ extended: true, limit: '120kb', parameterLimit: 60 }))

  // ----- letters -----------------------------------------------------------------------------
  const showLetterForm = async (
    req: Request,
    res: Response,
    route: 'site' | 'mailbox',
    values: Body = {},
    errors: FieldErrors = {},
    formError?: string,
    status = 200,
  ) => {
    const site = route === 'mailbox' ? await sites.portal() : await sites.forRequest(req)
    if (!site) return notFound(req, res)
    const recipient = route === 'mailbox' ? '市长信箱（由市政府办公室交办至承办单位）' : site.name
    page(
      req,
      res,
      site,
      'letter-form',
      route === 'mailbox' ? '市长信箱' : '我要写信',
      views.letterForm({ ...formParts(req, LETTERS, site.code, values, errors, formError), route, recipient, trackUrl: link(req, `${LETTERS}/track`) }),
      status,
    )
  }

  router.get(`${LETTERS}/new`, (req, res) => showLetterForm(req, res, 'site'))
  router.get(`${LETTERS}/mailbox`, (req, res) => showLetterForm(req, res, 'mailbox'))

  router.post(LETTERS, submitLimit, async (req, res) => {
    const body = bodyOf(req)
    const route = body.route === 'mailbox' ? 'mailbox' : 'site'
    const typed: Body = {
      subject: text(body.subject),
      category: text(body.category),
      content: text(body.content),
      name: text(body.name),
      phone: text(body.phone),
      email: text(body.email),
      publishable: body.publishable === 'on' ? 'on' : '',
    }
    const checked = validateLetterSubmission(body)
    if (!checked.ok) return showLetterForm(req, res, route, typed, checked.errors, undefined, 400)
    const site = route === 'mailbox' ? await sites.portal() : await sites.forRequest(req)
    if (!site) return notFound(req, res)
    if (route === 'site' && site.organizationId == null)
      return showLetterForm(req, res, route, typed, {}, '该网站尚未设置主办单位，请改用市长信箱 (this site has no organization; use the mayor’s mailbox)', 400)
    const pow = checkPow(body)
    if (!pow.ok) return showLetterForm(req, res, route, typed, {}, pow.error, 400)
    try {
      // Acknowledged once stored in the letter inbox; it becomes a full letter moments later (letter-promotion.ts).
      const stored = await receiveLetter(payload, {
        submission: checked.data,
        route,
        siteId: site.id,
        organizationId: site.organizationId,
        powNonce: pow.nonce,
        clock,
        address: req.ip,
        secret,
      })
      page(
        req,
        res,
        site,
        'letter-received',
        '来信已提交',
        views.letterReceived({ queryCode: stored.queryCode, deadline: stored.deadline, trackUrl: link(req, `${LETTERS}/track`) }),
      )
    } catch (error) {
      payload.logger.error({ err: error, msg: 'letter submission could not be stored' })
      showLetterForm(req, res, route, typed, {}, STORE_FAILED, 503)
    }
  })

  router.get(`${LETTERS}/track`, async (req, res) =>
    page(req, res, await sites.forRequest(req), 'letter-track', '来信查询', views.trackForm({ action: link(req, `${LETTERS}/track`), values: {} })),
  )

  const showTracked = async (req: Request, res: Response, code: unknown, tail: unknown, message?: string) => {
    const site = await sites.forRequest(req)
    const found = await trackLetter(payload, code, tail)
    if (!found.ok)
      return page(
        req,
        res,
        site,
        'letter-track',
        '来信查询',
        views.trackForm({ action: link(req, `${LETTERS}/track`), values: { code: text(code, 64), phoneTail: text(tail, 8) }, error: found.error }),
        404,
      )
    const org = found.letter.assignedOrganization
    page(
      req,
      res,
      site,
      'letter-status',
      '来信办理情况',
      views.trackResult({
        letter: found.letter,
        organizationName: typeof org === 'object' && org ? org.name : '',
        satisfactionAction: link(req, `${LETTERS}/satisfaction`),
        code: String(code),
        message,
      }),
    )
  }

  router.post(`${LETTERS}/track`, trackLimit, async (req, res) => {
    const body = bodyOf(req)
    await showTracked(req, res, body.code, body.phoneTail)
  })

  router.post(`${LETTERS}/satisfaction`, trackLimit, async (req, res) => {
    const body = bodyOf(req)
    const found = await trackLetter(payload, body.code)
    const site = await sites.forRequest(req)
    if (!found.ok)
      return page(req, res, site, 'letter-track', '来信查询', views.trackForm({ action: link(req, `${LETTERS}/track`), values: {}, error: found.error }), 404)
    const value = check(satisfactionSchema, body.value)
    if (!value.ok) return showTracked(req, res, body.code, undefined, Object.values(value.errors)[0])
    const outcome = await rateReply(payload, found.letter, value.data, clock)
    await showTracked(req, res, body.code, undefined, outcome.ok ? '感谢您的评价 (thank you)' : outcome.error)
  })

  router.get(LETTERS, async (req, res) => {
    const site = await sites.forRequest(req)
    if (!site) return notFound(req, res)
    const pageNumber = Math.min(1000, Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1))
    const result = await payload.find({
      collection: 'letters',
      where: publicLetterWhere(site.id),
      sort: '-repliedAt',
      limit: 20,
      page: pageNumber,
      depth: 1,
      overrideAccess: true,
    })
    const letters = (result.docs as Record<string, any>[]).map((l) => ({
      id: l.id,
      subject: l.publicSubject,
      receivedAt: l.receivedAt,
      repliedAt: l.repliedAt,
      organizationName: l.assignedOrganization?.name ?? '',
    }))
    page(
      req,
      res,
      site,
      'letters',
      '来信选登',
      views.publishedList({
        letters,
        base: link(req, LETTERS),
        letterHref: (id) => link(req, sitePaths.letter(id)),
        page: pageNumber,
        pages: result.totalPages || 1,
        writeUrl: link(req, `${LETTERS}/new`),
      }),
    )
  })

  router.get(`${LETTERS}/:id`, async (req, res, next) => {
    const id = req.params.id as string
    if (!/^[0-9a-f]{1,24}$/i.test(id)) return next()
    const site = await sites.forRequest(req)
    if (!site) return notFound(req, res)
    const { docs } = await payload.find({
      collection: 'letters',
      where: { and: [{ id: { equals: id } }, publicLetterWhere(site.id)] },
      limit: 1,
      depth: 1,
      overrideAccess: true,
    })
    const l = docs[0] as Record<string, any> | undefined
    if (!l) return notFound(req, res)
    const category = interactionPolicy.letterCategories.find((c) => c.value === l.category)?.label ?? ''
    page(
      req,
      res,
      site,
      'letter',
      l.publicSubject,
      views.publishedDetail({
        subject: l.publicSubject,
        content: l.publicContent,
        reply: l.publicReply,
        receivedAt: l.receivedAt,
        repliedAt: l.repliedAt,
        organizationName: l.assignedOrganization?.name ?? '',
        category,
      }),
    )
  })

  // ----- ratings -----------------------------------------------------------------------------
  let organizationsCache: { list: { id: string; name: string; rawId: number | string }[]; at: number } | null = null
  const organizations = async () => {
    if (organizationsCache && Date.now() - organizationsCache.at < 60_000) return organizationsCache.list
    const { docs } = await payload.find({ collection: 'organizations', pagination: false, depth: 0, sort: 'order', overrideAccess: true })
    organizationsCache = { list: (docs as Record<string, any>[]).map((o) => ({ id: String(o.id), name: o.name, rawId: o.id })), at: Date.now() }
    return organizationsCache.list
  }
  const showRatingForm = async (req: Request, res: Response, values: Body, errors: FieldErrors = {}, formError?: string, status = 200) => {
    const site = await sites.forRequest(req)
    page(
      req,
      res,
      site,
      'rating-form',
      '部门评议',
      views.ratingForm({ ...formParts(req, RATINGS, site?.code ?? '', values, errors, formError), organizations: await organizations() }),
      status,
    )
  }
  router.get(`${RATINGS}/new`, (req, res) => showRatingForm(req, res, { organization: text(req.query.organization, 40) }))

  router.post(RATINGS, submitLimit, async (req, res) => {
    const body = bodyOf(req)
    const scoresInput = body.scores && typeof body.scores === 'object' ? body.scores : undefined
    const typed: Body = { organization: text(body.organization, 40), scores: scoresInput ?? {}, comment: text(body.comment) }
    const errors: FieldErrors = {}
    const orgId = typed.organization as string
    const organization = (await organizations()).find((o) => o.id === orgId)
    if (!organization) errors.organization = '请选择被评议单位 (choose a unit)'
    const scores = checkScores(scoresInput)
    if (!scores.ok) errors.scores = scores.errors.join('；')
    const comment = check(ratingCommentSchema, body.comment)
    if (!comment.ok) errors.comment = Object.values(comment.errors)[0]
    if (Object.keys(errors).length || !organization || !scores.ok || !comment.ok) return showRatingForm(req, res, typed, errors, undefined, 400)
    const calendarMonth = new Date(clock.now().getTime() + interactionPolicy.timeZoneOffsetMinutes * 60_000).toISOString().slice(0, 7)
    const rated = readRatedCookie(secret, cookie(req, RATED_COOKIE), calendarMonth)
    if (rated.has(orgId)) return showRatingForm(req, res, typed, {}, '您本月已评议过该单位，每月可评议一次 (you already rated this unit this month)', 409)
    const pow = checkPow(body)
    if (!pow.ok) return showRatingForm(req, res, typed, {}, pow.error, 400)
    const site = await sites.forRequest(req)
    try {
      const outcome = await storeRating(payload, {
        organization: organization.rawId,
        siteId: site?.id ?? null,
        scores: scores.scores,
        comment: comment.data,
        address: req.ip,
        userAgent: req.get('user-agent'),
        secret,
        powNonce: pow.nonce,
        clock,
      })
      if (!outcome.ok) return showRatingForm(req, res, typed, {}, '您本月已评议过该单位，每月可评议一次 (you already rated this unit this month)', 409)
      res.cookie(RATED_COOKIE, writeRatedCookie(secret, outcome.period, [...rated, orgId]), {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        maxAge: 32 * 86_400_000,
        path: '/',
      })
      page(req, res, site, 'notice', '评议已提交', views.notice('评议已提交', '感谢您的评议，评议结果将计入部门绩效评估。'))
    } catch (error) {
      payload.logger.error({ err: error, msg: 'rating could not be stored' })
      showRatingForm(req, res, typed, {}, STORE_FAILED, 503)
    }
  })

  // ----- error reports (我为政府网站找错) ------------------------------------------------------
  const showErrorForm = async (req: Request, res: Response, values: Body, errors: FieldErrors = {}, formError?: string, status = 200) => {
    const site = await sites.forRequest(req)
    page(
      req,
      res,
      site,
      'error-report',
      '我为政府网站找错',
      views.errorReportForm(formParts(req, ERROR_REPORT, site?.code ?? '', values, errors, formError)),
      status,
    )
  }
  router.get(ERROR_REPORT, (req, res) => showErrorForm(req, res, { pageUrl: text(req.query.url, interactionPolicy.limits.urlMax) }))

  router.post(ERROR_REPORT, submitLimit, async (req, res) => {
    const body = bodyOf(req)
    const typed: Body = {
      pageUrl: text(body.pageUrl),
      kind: text(body.kind),
      description: text(body.description),
      name: text(body.name),
      phone: text(body.phone),
      email: text(body.email),
    }
    const checked = validateErrorReport(body)
    if (!checked.ok) return showErrorForm(req, res, typed, checked.errors, undefined, 400)
    const pow = checkPow(body)
    if (!pow.ok) return showErrorForm(req, res, typed, {}, pow.error, 400)
    const owner = (await sites.forUrl(checked.data.pageUrl)) ?? (await sites.forRequest(req)) ?? (await sites.portal())
    try {
      await storeErrorReport(payload, {
        report: checked.data,
        siteId: owner?.id ?? null,
        organizationId: owner?.organizationId ?? null,
        powNonce: pow.nonce,
        clock,
      })
      page(req, res, owner, 'notice', '感谢您的反馈', views.notice('感谢您的反馈', `您报告的问题已转交${owner?.name ?? '网站主管单位'}处理。`))
    } catch (error) {
      payload.logger.error({ err: error, msg: 'error report could not be stored' })
      showErrorForm(req, res, typed, {}, STORE_FAILED, 503)
    }
  })

  // ----- proof of work -----------------------------------------------------------------------
  router.get(`${ASSETS}/pow-challenge`, challengeLimit, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(challenge())
  })
  router.get(`${ASSETS}/pow.js`, (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'public, max-age=86400').send(powSolverScript)
  })

  // Bad bodies (too large, malformed encoding) and unexpected failures: a clear page, never a stack trace.
  router.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.type === 'entity.too.large' ? 413 : error.status && error.status >= 400 && error.status < 500 ? error.status : 503
    if (status === 503) payload.logger.error({ err: error, msg: 'interaction request failed' })
    const message =
      status === 413
        ? '提交的内容过长，请删减后重试 (the submission is too large)'
        : status === 503
          ? '服务暂时不可用，请稍后重试 (service unavailable, please try again)'
          : '提交的数据格式不正确 (malformed request)'
    page(req, res, null, 'notice', '提交未成功', views.notice('提交未成功', message), status)
  })

  return router
}

function cookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie')
  if (!header || header.length > 8192) return undefined
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='))
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
