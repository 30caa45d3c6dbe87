import type { CollectionConfig } from 'payload'
import { nobody } from '../../src/access'
import { zhEn } from '../shared'

/**
 * Login attempts // 登录失败记录: one row per failed login and key ("account:<email>" or
 * "address:<ip>"), so lockouts hold across processes and restarts. Written and read only by
 * src/accounts through the Local API; no API exposes it.
 */
export const LoginAttempts: CollectionConfig = {
  slug: 'login-attempts',
  labels: { singular: zhEn('登录失败记录', 'Login attempt'), plural: zhEn('登录失败记录', 'Login attempts') },
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}
