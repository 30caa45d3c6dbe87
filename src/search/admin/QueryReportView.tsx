import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import React from 'react'
import { searchQueryReport } from '../query-report'
import { QueryReport } from './QueryReport'

/** /admin/search-report — 搜索统计: hot and zero-result queries per site (a unit sees its own sites). */
export async function QueryReportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const query = (searchParams ?? {}) as Record<string, string | undefined>
  const days = [7, 30, 90, 365].includes(Number(query.days)) ? Number(query.days) : 30
  const report = req.user ? await searchQueryReport(req.payload, req.user, { days }) : null
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div className="gutter--left gutter--right" style={{ paddingBottom: 40 }}>
        <h1>搜索统计 Search report</h1>
        <form method="get" style={{ margin: '12px 0' }}>
          <label>
            统计范围 Period{' '}
            <select name="days" defaultValue={String(days)}>
              {[7, 30, 90, 365].map((n) => (
                <option key={n} value={n}>
                  最近 {n} 天
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            查看 Show
          </button>
        </form>
        {report ? <QueryReport sites={report.sites} days={days} /> : <p>请先登录 / log in first</p>}
      </div>
    </DefaultTemplate>
  )
}
