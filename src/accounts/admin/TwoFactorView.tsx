import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import React from 'react'
import { TwoFactorPanel } from './TwoFactorPanel'

/** /admin/two-factor — 双因素认证: the signed-in user's own second factor. */
export function TwoFactorView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const t = req.i18n.t as (key: string) => string
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
        <h1>{t('sitegroup:totpUi.title')}</h1>
        {req.user ? <TwoFactorPanel /> : <p>{t('sitegroup:account.loginRequired')}</p>}
      </div>
    </DefaultTemplate>
  )
}
