'use client'
import React, { useState } from 'react'

type Refusal = { zh: string; en: string }
type Plan = {
  ok: boolean
  refusals: Refusal[]
  organization: { name: string }
  from: string
  to: string
  counts: Record<string, number>
  urls: Array<{ kind: string; from: string; to: string }>
  articleUrls: { total: number; sample: Array<{ from: string; to: string }> }
}

const field: React.CSSProperties = { display: 'block', margin: '4px 0', width: '100%', maxWidth: 420 }

/**
 * Switch a unit's hosting mode // 切换建站模式: preview (dry run) what moves, then confirm. Shown
 * above the mode-switches list; the endpoint refuses anyone but central admins.
 */
export function SwitchPanel() {
  const [form, setForm] = useState({
    organization: '',
    to: 'portal-columns',
    hostSite: '',
    parentColumn: '',
    slug: '',
    code: '',
    domains: '',
    identificationCode: '',
  })
  const [plan, setPlan] = useState<Plan | null>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value })

  async function call(dryRun: boolean) {
    setBusy(true)
    setMessage(dryRun ? '正在预览… Previewing…' : '正在切换，请勿关闭页面… Switching…')
    const body = {
      dryRun,
      organization: form.organization,
      to: form.to,
      hostSite: form.hostSite || undefined,
      parentColumn: form.parentColumn || undefined,
      slug: form.slug || undefined,
      site:
        form.to === 'own-site'
          ? { code: form.code || undefined, domains: form.domains || undefined, identificationCode: form.identificationCode || undefined }
          : undefined,
    }
    try {
      const res = await fetch('/api/mode-switches/switch-mode', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = await res.json()
      if (json.plan) setPlan(json.plan)
      setMessage(
        res.ok
          ? dryRun
            ? '预览完成 Preview ready'
            : `切换完成 Done: ${json.result?.counts?.articles ?? 0} 篇文章 articles`
          : (json.error ?? (json.refusals ?? []).map((r: Refusal) => `${r.zh} / ${r.en}`).join('; ')),
      )
    } catch (error) {
      setMessage(String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ border: '1px solid var(--theme-elevation-150)', padding: 16, margin: '0 0 24px' }}>
      <h3>切换单位建站模式 Switch a unit's hosting mode</h3>
      <input style={field} placeholder="单位 ID organization id" value={form.organization} onChange={set('organization')} />
      <select style={field} value={form.to} onChange={set('to')}>
        <option value="portal-columns">独立网站 → 门户栏目 own site → portal columns</option>
        <option value="own-site">门户栏目 → 独立网站 portal columns → own site</option>
      </select>
      {form.to === 'portal-columns' ? (
        <>
          <input style={field} placeholder="托管网站 ID host site id (default: portal)" value={form.hostSite} onChange={set('hostSite')} />
          <input style={field} placeholder="上级栏目 ID parent column id (optional)" value={form.parentColumn} onChange={set('parentColumn')} />
          <input style={field} placeholder="栏目路径名 slug (default: site code)" value={form.slug} onChange={set('slug')} />
        </>
      ) : (
        <>
          <input style={field} placeholder="网站代号 site code" value={form.code} onChange={set('code')} />
          <input style={field} placeholder="域名 domains (comma separated)" value={form.domains} onChange={set('domains')} />
          <input style={field} placeholder="网站标识码 identification code (10 digits)" value={form.identificationCode} onChange={set('identificationCode')} />
        </>
      )}
      <button type="button" className="btn btn--style-secondary" disabled={busy || !form.organization} onClick={() => call(true)}>
        预览 Preview
      </button>{' '}
      <button
        type="button"
        className="btn btn--style-primary"
        disabled={busy || !plan?.ok}
        onClick={() => window.confirm('确认切换？Confirm the switch?') && call(false)}
      >
        确认切换 Confirm
      </button>
      <p role="status">{message}</p>
      {plan && (
        <div>
          {plan.refusals.map((r, i) => (
            <p key={i} style={{ color: 'var(--theme-error-500)' }}>
              {r.zh} / {r.en}
            </p>
          ))}
          <p>
            {plan.organization.name}: {plan.from} → {plan.to};{' '}
            {Object.entries(plan.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}
          </p>
          <table>
            <thead>
              <tr>
                <th>类型 Kind</th>
                <th>原地址 Old URL</th>
                <th>新地址 New URL</th>
              </tr>
            </thead>
            <tbody>
              {[...plan.urls, ...plan.articleUrls.sample.map((u) => ({ ...u, kind: 'article' }))].slice(0, 200).map((u, i) => (
                <tr key={i}>
                  <td>{u.kind}</td>
                  <td>{u.from}</td>
                  <td>{u.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
