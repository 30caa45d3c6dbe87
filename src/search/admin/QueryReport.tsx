import React from 'react'
import type { SiteQueryReport } from '../query-report'

const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }

function StatTable({ caption, stats }: { caption: string; stats: SiteQueryReport['hot'] }) {
  if (stats.length === 0) return <p>{caption}：无 / none</p>
  return (
    <table style={{ borderCollapse: 'collapse', margin: '8px 0 16px', minWidth: '60%' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
      <thead>
        <tr>
          {['搜索词 Query', '搜索次数 Searches', '无结果次数 Zero-result', '最近结果数 Last hits', '最近搜索 Last searched'].map((h) => (
            <th key={h} scope="col" style={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stats.map((stat) => (
          <tr key={stat.query}>
            <td style={cell}>{stat.query}</td>
            <td style={cell}>{stat.searches}</td>
            <td style={cell}>{stat.zeroResultSearches}</td>
            <td style={cell}>{stat.lastHits}</td>
            <td style={cell}>{stat.lastAt.slice(0, 16).replace('T', ' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The report body, without the admin chrome (rendered on its own in tests). */
export function QueryReport({ sites, days }: { sites: SiteQueryReport[]; days: number }) {
  if (sites.length === 0)
    return (
      <p>
        最近 {days} 天没有搜索记录 / No searches in the last {days} days.
      </p>
    )
  return (
    <>
      {sites.map((site) => (
        <section key={site.site} aria-labelledby={`site-${site.site}`}>
          <h2 id={`site-${site.site}`}>
            {site.siteName || site.site || '（未识别网站）'} · {site.searches} 次搜索，{site.zeroResultSearches} 次无结果
          </h2>
          <StatTable caption="热门搜索词 Hot queries" stats={site.hot} />
          <StatTable caption="无结果搜索词 Zero-result queries（访客找不到的内容）" stats={site.zeroResults} />
        </section>
      ))}
    </>
  )
}
