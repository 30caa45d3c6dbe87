import type { Access } from 'payload'
import { scorersOnly, scorersOrOwn } from '../evaluation-runs/access'

// Evaluators (考评员) and the central office enter manual indicators; a unit may read its own.
export const readManualScores: Access = scorersOrOwn('organization')
export const writeManualScores: Access = scorersOnly
