import type { Access } from 'payload'
import { isCentralAdmin, nobody } from '../../src/access'

// Append-only: written by hooks through the Local API, never editable or deletable by any API.
export const readAuditLog: Access = ({ req }) => isCentralAdmin(req.user)
export const writeAuditLog: Access = nobody
