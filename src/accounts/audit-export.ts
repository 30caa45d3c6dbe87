/**
 * GET /api/audit-log/export?from=&to=&user=&action=&collection=&format=csv|xlsx — the audit log
 * for the central office, filtered, as CSV (UTF-8 with BOM, so Excel reads Chinese) or xlsx.
 * Read page by page through the Local API; cells that a spreadsheet would run as a formula are
 * quoted with a leading apostrophe.
 */
import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { isCentralAdmin, refuse } from '../access'

const COLUMNS = [
  { key: 'at', zh: '时间', en: 'When' },
  { key: 'user', zh: '操作人', en: 'Who' },
  { key: 'ip', zh: '来源地址', en: 'From' },
  { key: 'userAgent', zh: '客户端', en: 'User agent' },
  { key: 'action', zh: '操作', en: 'Action' },
  { key: 'targetCollection', zh: '对象类型', en: 'Collection' },
  { key: 'targetId', zh: '对象编号', en: 'Document' },
  { key: 'summary', zh: '摘要', en: 'Summary' },
  { key: 'changes', zh: '变更内容', en: 'Changes' },
] as const
const MAX_ROWS = 200_000
const PAGE = 1000

function dateParam(req: PayloadRequest, name: string, endOfDay: boolean): string | null {
  const raw = req.searchParams.get(name)
  if (!raw) return null
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw)
  const date = new Date(day ? `${raw}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+08:00` : raw)
  if (Number.isNaN(date.getTime())) refuse(req, 'audit.badDate', { name, value: raw }, 400)
  return date.toISOString()
}

export function exportWhere(req: PayloadRequest): Where {
  const and: Where[] = []
  const from = dateParam(req, 'from', false)
  const to = dateParam(req, 'to', true)
  if (from) and.push({ at: { greater_than_equal: from } })
  if (to) and.push({ at: { less_than_equal: to } })
  const user = req.searchParams.get('user')
  if (user) and.push({ user: { equals: /^\d+$/.test(user) ? Number(user) : user } })
  const action = req.searchParams.get('action')
  if (action) and.push({ action: { like: action } })
  const collection = req.searchParams.get('collection')
  if (collection) and.push({ targetCollection: { equals: collection } })
  return and.length ? { and } : {}
}

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

async function* rows(req: PayloadRequest, where: Where) {
  let page = 1
  let sent = 0
  for (;;) {
    const result = await req.payload.find({
      collection: 'audit-log',
      where,
      sort: 'at',
      limit: PAGE,
      page,
      depth: 1,
      overrideAccess: true,
      select: { at: true, user: true, ip: true, userAgent: true, action: true, targetCollection: true, targetId: true, summary: true, changes: true },
    })
    for (const doc of result.docs) {
      if (sent++ >= MAX_ROWS) return
      const who = doc.user && typeof doc.user === 'object' ? `${doc.user.name ?? ''} <${doc.user.email ?? ''}> #${doc.user.id}` : doc.user
      yield COLUMNS.map((c) => cell(c.key === 'user' ? who : doc[c.key]))
    }
    if (!result.hasNextPage) return
    page++
  }
}

export const auditExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!isCentralAdmin(req.user)) refuse(req, 'account.centralAdminOnly', {}, 403)
    const format = req.searchParams.get('format') ?? 'csv'
    if (format !== 'csv' && format !== 'xlsx') refuse(req, 'audit.badFormat', { format }, 400)
    const where = exportWhere(req)
    const lang = req.i18n?.language === 'en' ? 'en' : 'zh'
    const header = COLUMNS.map((c) => c[lang])
    const stamp = new Date().toISOString().slice(0, 10)
    if (format === 'csv') {
      const lines = [header.map(csvField).join(',')]
      for await (const row of rows(req, where)) lines.push(row.map(csvField).join(','))
      return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="audit-log-${stamp}.csv"`,
          'cache-control': 'no-store',
        },
      })
    }
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('audit-log')
    sheet.addRow(header)
    for await (const row of rows(req, where)) sheet.addRow(row)
    const buffer = await book.xlsx.writeBuffer()
    return new Response(buffer as ArrayBuffer, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="audit-log-${stamp}.xlsx"`,
        'cache-control': 'no-store',
      },
    })
  },
}
