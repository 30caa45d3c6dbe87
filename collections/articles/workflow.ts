import type { PayloadRequest } from 'payload'
import { hasRole, isCentralAdmin, refuse } from '../../src/access'

export const STATES = ['draft', 'in-review', 'published', 'withdrawn'] as const
export type State = (typeof STATES)[number]

/**
 * Editorial workflow: draft → in-review → published → withdrawn (→ draft to rework). Editors move
 * between draft and in-review; reviewers (and central admins) publish, send back and withdraw.
 */
const TRANSITIONS: Record<State, Partial<Record<State, 'editor' | 'reviewer'>>> = {
  draft: { 'in-review': 'editor', published: 'reviewer' },
  'in-review': { draft: 'editor', published: 'reviewer' },
  published: { withdrawn: 'reviewer', draft: 'editor', 'in-review': 'editor' },
  withdrawn: { draft: 'editor', 'in-review': 'editor', published: 'reviewer' },
}

export const ACTION_BY_TARGET: Record<State, string> = {
  draft: 'save-draft',
  'in-review': 'submit',
  published: 'publish',
  withdrawn: 'withdraw',
}

/** Who may make this transition; `null` from/to equal means an edit in place. */
export function assertTransition(req: PayloadRequest, from: State, to: State): void {
  if (from === to) {
    // Editing a live article in place changes what the public reads: a reviewer's call.
    if (to === 'published' && req.user && !mayReview(req)) refuse(req, 'publishForbidden', {}, 403)
    return
  }
  const needs = TRANSITIONS[from]?.[to]
  if (!needs) refuse(req, 'invalidTransition', { from, to })
  if (!req.user) return
  if (needs === 'reviewer' && !mayReview(req)) refuse(req, to === 'withdrawn' ? 'withdrawForbidden' : 'publishForbidden', {}, 403)
}

export function mayReview(req: PayloadRequest): boolean {
  return isCentralAdmin(req.user) || hasRole(req.user, 'reviewer')
}
