'use client'
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'
import { isSecondFactorShape } from '../code-shape'

type State = { totpEnabled: boolean; totpRequired: boolean; recoveryCodesLeft: number }
type Enrolment = { secret: string; qrDataUrl: string }

/**
 * Turn the second factor on (QR code and secret shown once, confirmed by a code, recovery codes
 * shown once) or off (with a code), through the /api/users/totp/* endpoints of src/accounts.
 * Errors are the server's own messages, already in the admin's language.
 */
export function TwoFactorPanel() {
  const { config } = useConfig()
  const { t } = useTranslation()
  const tr = (key: string, vars?: Record<string, unknown>) => (t as (k: string, v?: Record<string, unknown>) => string)(`sitegroup:${key}`, vars)
  const api = `${config.serverURL ?? ''}${config.routes.api}/${config.admin.user}`
  const [state, setState] = useState<State | null>(null)
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)

  const call = useCallback(
    async (path: string, body?: Record<string, unknown>) => {
      const res = await fetch(`${api}${path}`, {
        method: body ? 'POST' : 'GET',
        credentials: 'include',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      })
      const json = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? `HTTP ${res.status}`)
      return json
    },
    [api],
  )
  const load = useCallback(async () => setState(await call('/account-state')), [call])
  useEffect(() => {
    load().catch((e: Error) => setError(e.message))
  }, [load])

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError('')
    setNotice('')
    try {
      await action()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const checkedCode = () => {
    if (!isSecondFactorShape(code)) throw new Error(tr('totpUi.codeShape'))
    return code.trim()
  }
  const start = () => run(async () => setEnrolment(await call('/totp/enrol', {})))
  const confirm = () =>
    run(async () => {
      const result = await call('/totp/confirm', { code: checkedCode() })
      setEnrolment(null)
      setCode('')
      setRecoveryCodes(result.recoveryCodes)
      setNotice(tr('totpUi.enabled'))
      await load()
    })
  const disable = () =>
    run(async () => {
      await call('/totp/disable', { code: checkedCode() })
      setCode('')
      setRecoveryCodes(null)
      setNotice(tr('totpUi.disabled'))
      await load()
    })

  const codeInput = (
    <label style={{ display: 'block', margin: '12px 0' }}>
      {tr('totpUi.code')}{' '}
      <input
        name="code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        inputMode="text"
        maxLength={11}
        style={{ width: '12em' }}
      />
    </label>
  )
  return (
    <section className="two-factor" style={{ maxWidth: 640 }}>
      <p>{tr('totpUi.intro')}</p>
      {state && (
        <p data-testid="totp-status">
          <strong>{state.totpEnabled ? tr('totpUi.statusOn', { count: state.recoveryCodesLeft }) : tr('totpUi.statusOff')}</strong>
        </p>
      )}
      {state?.totpRequired && !state.totpEnabled && <p role="alert">{tr('totpUi.requiredHint')}</p>}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {recoveryCodes && (
        <div>
          <p>{tr('totpUi.recoveryTitle')}</p>
          <ul data-testid="recovery-codes" style={{ fontFamily: 'monospace', columns: 2 }}>
            {recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {state && !state.totpEnabled && !enrolment && (
        <Button onClick={start} disabled={busy}>
          {tr('totpUi.start')}
        </Button>
      )}
      {state && !state.totpEnabled && enrolment && (
        <div>
          <p>{tr('totpUi.scan')}</p>
          <img src={enrolment.qrDataUrl} alt={tr('totpUi.qrAlt')} width={240} height={240} />
          <p>
            {tr('totpUi.secret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          {codeInput}
          <Button onClick={confirm} disabled={busy}>
            {tr('totpUi.confirm')}
          </Button>
        </div>
      )}
      {state?.totpEnabled && !state.totpRequired && (
        <div>
          <p>{tr('totpUi.disableHint')}</p>
          {codeInput}
          <Button onClick={disable} disabled={busy} buttonStyle="secondary">
            {tr('totpUi.disable')}
          </Button>
        </div>
      )}
    </section>
  )
}
