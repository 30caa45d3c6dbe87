import type { Access } from 'payload'
import { centralAdminOnly } from '../../src/access'

// Moving a unit's old website in is the central office's job (docs/import.md); its records stay with it.
export const readImportRecords: Access = centralAdminOnly
export const writeImportRecords: Access = centralAdminOnly
