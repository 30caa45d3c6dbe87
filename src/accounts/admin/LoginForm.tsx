'use client'
import { EmailField, Form, FormSubmit, Link, PasswordField, TextField, useAuth, useConfig, useTranslation, type UserWithToken } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

const empty = { initialValue: undefined, valid: true, value: undefined }

/**
 * Email, password and the optional code; sent as `{ email, password, totp }` to Payload's login
 * (src/accounts/login.ts checks the code). Accounts without a second factor leave it empty.
 */
export function TotpLoginForm({ redirect }: { redirect: string }) {
  const { config } = useConfig()
  const { setUser } = useAuth()
  const { t } = useTranslation()
  const tr = t as (key: string) => string
  return (
    <Form
      action={formatAdminURL({ apiRoute: config.routes.api, path: `/${config.admin.user}/login` })}
      className="login__form"
      disableSuccessStatus
      initialState={{ email: empty, password: empty, totp: empty }}
      method="POST"
      // The form hands back the login response untyped; Payload's login answers with the user and token.
      onSuccess={(data) => setUser(data as UserWithToken)}
      redirect={redirect}
      waitForAutocomplete
    >
      <div className="login__form__inputWrap">
        <EmailField field={{ name: 'email', label: tr('general:email'), required: true, admin: { autoComplete: 'email' } }} path="email" />
        <PasswordField field={{ name: 'password', label: tr('general:password'), required: true }} path="password" />
        <TextField
          field={{
            name: 'totp',
            label: tr('sitegroup:totpUi.loginCode'),
            admin: { autoComplete: 'one-time-code', placeholder: tr('sitegroup:totpUi.loginCodeHint') },
          }}
          path="totp"
        />
      </div>
      <Link href={formatAdminURL({ adminRoute: config.routes.admin, path: config.admin.routes.forgot })} prefetch={false}>
        {tr('authentication:forgotPasswordQuestion')}
      </Link>
      <FormSubmit size="large">{tr('authentication:login')}</FormSubmit>
    </Form>
  )
}
