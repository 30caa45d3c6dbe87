/**
 * Scorecard // 绩效考评 as a Payload plugin: indicator sets, runs and their results, rectification
 * items, manual scores and probe samples; the evaluation and probe jobs; the ranking view and its
 * navigation link.
 */
import type { Plugin } from 'payload'
import { EvaluationResults } from '../../collections/evaluation-results'
import { EvaluationRuns } from '../../collections/evaluation-runs'
import { IndicatorSets } from '../../collections/indicator-sets'
import { ManualScores } from '../../collections/manual-scores'
import { ProbeSamples } from '../../collections/probe-samples'
import { RectificationItems } from '../../collections/rectification-items'
import { capabilityPlugin } from '../lib/plugin'
import { scorecardTasks } from './jobs/tasks'

export function scorecardPlugin(): Plugin {
  return capabilityPlugin(() => ({
    collections: [IndicatorSets, EvaluationRuns, EvaluationResults, RectificationItems, ManualScores, ProbeSamples],
    tasks: scorecardTasks,
    views: { scorecard: { Component: '/src/scorecard/admin/RankingView#RankingView', path: '/scorecard' } },
    afterNavLinks: ['/src/scorecard/admin/NavLink#ScorecardNavLink'],
  }))
}
