import type { Access } from 'payload'
import { centralAdminOnlyAccess, scorersOrOwn } from '../evaluation-runs/access'

// Results are written by the evaluation job only; each unit reads its own, scorers read all.
export const readResults: Access = scorersOrOwn('organization')
export const deleteResults: Access = centralAdminOnlyAccess
export const writeResults: Access = () => false
