import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import React from 'react'
import { AREAS, AREA_NAMES } from '../indicator-sets'
import { ScoreCharts } from './ScoreCharts'
import { rankingViewData } from './ranking-data'

const STATUS: Record<string, string> = { pass: '合格', fail: '不合格', vetoed: '单项否决', 'not-applicable': '不适用' }
const KIND_NAMES: Record<string, string> = { '': '全部', city: '市政府', department: '部门', county: '县（市）', district: '区', township: '乡镇（街道）' }
const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'right' }

/** /admin/scorecard — 考评排名: the central office's ranking of a run; a unit sees its own row. */
export async function RankingView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user
  const query = (searchParams ?? {}) as Record<string, string | undefined>
  const data = user ? await rankingViewData(req.payload, user, { runId: query.run, kind: query.kind }) : null
  const link = (changes: Record<string, string>) =>
    `?${new URLSearchParams({ ...(query.run ? { run: query.run } : {}), ...(query.kind ? { kind: query.kind } : {}), ...changes })}`
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div className="gutter--left gutter--right" style={{ paddingBottom: 40 }}>
        <h1>绩效考评排名 Scorecard ranking</h1>
        {!data ? (
          <p>请先登录 / log in first</p>
        ) : !data.run ? (
          <p>还没有完成的考评。在“考评批次”中新建一个批次即可开始 / No finished run yet: create one under “Evaluation runs”.</p>
        ) : (
          <>
            <form method="get" style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', margin: '12px 0' }}>
              <label>
                考评批次 Run{' '}
                <select name="run" defaultValue={String(data.run.id)}>
                  {data.runs.map((r) => (
                    <option key={String(r.id)} value={String(r.id)} disabled={r.status !== 'done'}>
                      {r.title} {r.asOf ? r.asOf.slice(0, 10) : ''} {r.status === 'done' ? '' : `(${r.status} ${r.progress}%)`}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                单位类型 Kind{' '}
                <select name="kind" defaultValue={query.kind ?? ''}>
                  {Object.entries(KIND_NAMES).map(([value, name]) => (
                    <option key={value} value={value}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                筛选 Filter
              </button>
              {data.everyone && (
                <a href={`/api/evaluation-runs/${data.run.id}/export`} className="btn btn--style-primary btn--size-small">
                  导出 Excel
                </a>
              )}
            </form>
            <p>
              指标体系 {data.run.setCode}@{data.run.setVersion} · 考评时点 {data.run.asOf} · {data.rows.length} 个单位
              {data.everyone ? '' : '（仅显示本单位）'}
            </p>
            {data.everyone && (
              <ScoreCharts
                distribution={data.distribution}
                rows={data.rows.map((r) => ({ name: r.name, trend: r.trend.map((t) => ({ asOf: t.asOf.slice(0, 10), total: t.total })) }))}
              />
            )}
            <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: 16 }}>
              <thead>
                <tr>
                  {['名次', '单位', '类型', '结论', '总分', '基础分', '加分', '否决项', ...AREAS.map((a) => `${AREA_NAMES[a]}扣分`), '趋势', ''].map((h) => (
                    <th key={h} style={{ ...cell, textAlign: 'left' }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={String(row.organization)}>
                    <td style={cell}>{row.rank}</td>
                    <td style={{ ...cell, textAlign: 'left' }}>{row.name}</td>
                    <td style={{ ...cell, textAlign: 'left' }}>{KIND_NAMES[row.kind] ?? row.kind}</td>
                    <td style={{ ...cell, textAlign: 'left', color: row.status === 'pass' ? 'inherit' : 'var(--theme-error-500)' }}>
                      {STATUS[row.status] ?? row.status}
                    </td>
                    <td style={cell}>{row.total ?? '—'}</td>
                    <td style={cell}>{row.baseScore ?? '—'}</td>
                    <td style={cell}>{row.bonus}</td>
                    <td style={{ ...cell, textAlign: 'left' }}>{row.vetoCodes.join(' ')}</td>
                    {AREAS.map((a) => (
                      <td key={a} style={cell}>
                        {row.areaDeductions[a] ?? 0}
                      </td>
                    ))}
                    <td style={{ ...cell, textAlign: 'left', whiteSpace: 'nowrap' }}>
                      {row.trend.map((t) => (t.vetoed ? '否' : (t.total ?? '—'))).join(' → ')}
                    </td>
                    <td style={{ ...cell, textAlign: 'left', whiteSpace: 'nowrap' }}>
                      <a href={`/admin/collections/evaluation-results?where[run][equals]=${data.run!.id}&where[organization][equals]=${row.organization}`}>
                        证据
                      </a>
                      {' · '}
                      <a href={`/admin/collections/rectification-items?where[organization][equals]=${row.organization}`}>整改清单</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p style={{ marginTop: 12 }}>
              <a href={link({})}>刷新 Refresh</a>
            </p>
          </>
        )}
      </div>
    </DefaultTemplate>
  )
}
