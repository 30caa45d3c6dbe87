import type { Access } from 'payload'
import { centralAdminOnly, loggedIn } from '../../src/access'

// Redirects are written by mode switches (central admins); staff may read them to see where pages went.
export const readRedirects: Access = loggedIn
export const writeRedirects: Access = centralAdminOnly
