/**
 * Accounts // 账号安全 as a Payload plugin: the login view with the second-factor field, and the
 * user's own second-factor screen with its navigation link. The users collection and its lockout
 * store (login-attempts) are the base config's admin user (collections/index.ts); collections/users
 * wires this capability's hooks into it, and the safeguards plugin its restrictions into the rest.
 */
import type { Plugin } from 'payload'
import { capabilityPlugin } from '../lib/plugin'

export function accountsPlugin(): Plugin {
  return capabilityPlugin(() => ({
    views: {
      login: { Component: '/src/accounts/admin/LoginView#TotpLoginView' },
      twoFactor: { Component: '/src/accounts/admin/TwoFactorView#TwoFactorView', path: '/two-factor' },
    },
    afterNavLinks: ['/src/accounts/admin/NavLink#TwoFactorNavLink'],
  }))
}
