'use client'
import React, { useEffect, useRef, useState } from 'react'

type Props = {
  distribution: { bins: string[]; counts: number[]; vetoed: number }
  rows: Array<{ name: string; trend: Array<{ asOf: string; total: number | null }> }>
}

/** Distribution of totals and one unit's trend across runs, drawn with ECharts in the browser. */
export function ScoreCharts({ distribution, rows }: Props) {
  const histogram = useRef<HTMLDivElement>(null)
  const trend = useRef<HTMLDivElement>(null)
  const [unit, setUnit] = useState(rows[0]?.name ?? '')
  useEffect(() => {
    let disposed = false
    const charts: Array<{ dispose: () => void }> = []
    void import('echarts').then((echarts) => {
      if (disposed) return
      if (histogram.current) {
        const chart = echarts.init(histogram.current)
        chart.setOption({
          title: { text: `总分分布（单项否决 ${distribution.vetoed} 个）`, textStyle: { fontSize: 14 } },
          tooltip: {},
          xAxis: { type: 'category', data: distribution.bins },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: distribution.counts, name: '单位数' }],
        })
        charts.push(chart)
      }
      const selected = rows.find((r) => r.name === unit)
      if (trend.current && selected) {
        const chart = echarts.init(trend.current)
        chart.setOption({
          title: { text: `${selected.name} 历次得分`, textStyle: { fontSize: 14 } },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: selected.trend.map((t) => t.asOf) },
          yAxis: { type: 'value', min: 0, max: 130 },
          series: [{ type: 'line', data: selected.trend.map((t) => t.total), name: '总分', connectNulls: false }],
        })
        charts.push(chart)
      }
    })
    return () => {
      disposed = true
      charts.forEach((c) => c.dispose())
    }
  }, [distribution, rows, unit])
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div ref={histogram} style={{ width: 480, height: 280 }} role="img" aria-label="总分分布图" />
      <div>
        <label>
          单位趋势 Trend{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            {rows.map((r) => (
              <option key={r.name} value={r.name}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <div ref={trend} style={{ width: 480, height: 260 }} role="img" aria-label="单位得分趋势图" />
      </div>
    </div>
  )
}
