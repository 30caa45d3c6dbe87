'use client'
import { useField } from '@payloadcms/ui'
import React from 'react'

type Indicator = {
  code: string
  name: string
  group: string
  status: string
  points: number
  count: number
  reason?: string
  evidence: Array<{ key: string; message: string; target: { collection: string; id: string | number } }>
}
const STATUS: Record<string, string> = { pass: '通过', fail: '未通过', 'not-applicable': '不适用' }

/** A result's indicators, failures first, each piece of evidence linked to where it is fixed. */
export function IndicatorsField({ path }: { path: string }) {
  const { value } = useField<Indicator[]>({ path })
  const indicators = [...(value ?? [])].sort((a, b) => Number(b.status === 'fail') - Number(a.status === 'fail'))
  return (
    <div className="field-type">
      <label className="field-label">各项指标与证据 Indicators and evidence</label>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.code} style={{ verticalAlign: 'top', borderBottom: '1px solid var(--theme-elevation-100)' }}>
              <td style={{ padding: 4, whiteSpace: 'nowrap' }}>{i.code}</td>
              <td style={{ padding: 4 }}>{i.name}</td>
              <td style={{ padding: 4, color: i.status === 'fail' ? 'var(--theme-error-500)' : 'inherit' }}>{STATUS[i.status] ?? i.status}</td>
              <td style={{ padding: 4 }}>{i.group === 'veto' ? '' : i.points}</td>
              <td style={{ padding: 4 }}>
                {i.status === 'not-applicable' ? i.reason : null}
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {i.evidence.slice(0, 50).map((e) => (
                    <li key={e.key}>
                      <a href={`/admin/collections/${e.target.collection}/${e.target.id}`}>{e.message}</a>
                    </li>
                  ))}
                  {i.evidence.length > 50 && <li>… {i.evidence.length - 50} more</li>}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
