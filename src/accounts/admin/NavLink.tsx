import type { I18nClient } from '@payloadcms/translations'
import React from 'react'

/** The link to the second-factor screen in the admin's navigation (Payload's account page has no slot for it). */
export function TwoFactorNavLink({ i18n }: { i18n: I18nClient }) {
  return (
    <a href="/admin/two-factor" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
      {(i18n.t as (key: string) => string)('sitegroup:totpUi.nav')}
    </a>
  )
}
