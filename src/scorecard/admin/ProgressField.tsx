'use client'
import { useField } from '@payloadcms/ui'
import React from 'react'

/** The run's progress (0–100) as a bar: the job writes it as it goes; reload to follow it. */
export function ProgressField({ path }: { path: string }) {
  const { value } = useField<number>({ path })
  const percent = Math.max(0, Math.min(100, Number(value ?? 0)))
  return (
    <div className="field-type" style={{ marginBottom: 16 }}>
      <label className="field-label">进度 Progress</label>
      <div
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        style={{ background: 'var(--theme-elevation-100)', height: 12, borderRadius: 6, overflow: 'hidden' }}
      >
        <div style={{ width: `${percent}%`, height: '100%', background: 'var(--theme-success-500)' }} />
      </div>
      <span>{percent}%</span>
    </div>
  )
}
