import type { Access } from 'payload'
import { centralAdminOnly, centralOrOwn } from '../../src/access'

// Reports reach the unit that owns the page; its site admins, editors and reviewers fix and close them.
export const readErrorReports: Access = centralOrOwn('organization', 'site-admin', 'editor', 'reviewer')
export const updateErrorReports: Access = centralOrOwn('organization', 'site-admin', 'editor', 'reviewer')
export const createErrorReports: Access = centralAdminOnly
export const deleteErrorReports: Access = centralAdminOnly
