import type { AdminViewServerProps } from 'payload'
import { Logo } from '@payloadcms/next/rsc'
import { redirect } from 'next/navigation.js'
import { getSafeRedirect } from 'payload/shared'
import React from 'react'
import { TotpLoginForm } from './LoginForm'

/**
 * Payload's login view with one more field, the second-factor code. Payload's own form has no
 * slot for a field (beforeLogin/afterLogin render outside its <form>), so the view is replaced;
 * it keeps Payload's layout, logo, redirect rules and forgot-password link.
 */
export function TotpLoginView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions } = initPageResult
  const redirectTo = getSafeRedirect({ fallbackTo: req.payload.config.routes.admin, redirectTo: (searchParams?.redirect as string | undefined) ?? '' })
  if (req.user) redirect(redirectTo)
  return (
    <>
      <div className="login__brand">
        <Logo
          i18n={req.i18n}
          locale={locale}
          params={params}
          payload={req.payload}
          permissions={permissions}
          searchParams={searchParams}
          user={req.user ?? undefined}
        />
      </div>
      <TotpLoginForm redirect={redirectTo} />
    </>
  )
}
