import type { Access } from 'payload'
import { centralAdminOnlyAccess, scorersOnly } from '../evaluation-runs/access'

// Probe samples are written by the siteProbe job only; scorers read them.
export const readProbeSamples: Access = scorersOnly
export const writeProbeSamples: Access = () => false
export const deleteProbeSamples: Access = centralAdminOnlyAccess
