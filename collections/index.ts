import type { CollectionConfig } from 'payload'
import { Articles } from './articles'
import { AuditLog } from './audit-log'
import { withAudit } from './audit-log/hooks'
import { Columns } from './columns'
import { ErrorReports } from './error-reports'
import { EvaluationResults } from './evaluation-results'
import { Holidays } from './holidays'
import { Letters } from './letters'
import { Ratings } from './ratings'
import { EvaluationRuns } from './evaluation-runs'
import { IndicatorSets } from './indicator-sets'
import { ManualScores } from './manual-scores'
import { ProbeSamples } from './probe-samples'
import { RectificationItems } from './rectification-items'
import { Media } from './media'
import { PageViews } from './page-views'
import { ServiceGuides } from './service-guides'
import { Organizations } from './organizations'
import { SearchQueries } from './search-queries'
import { Sites } from './sites'
import { Users } from './users'

/** Every collection of the site group; each capability adds its own here. Audit hooks are added to all. */
export const collections: CollectionConfig[] = withAudit([
  Organizations,
  Sites,
  Columns,
  Articles,
  Media,
  Users,
  AuditLog,
  // Public sites // 网站前台
  ServiceGuides,
  PageViews,
  // Interaction // 政民互动
  Letters,
  Holidays,
  Ratings,
  ErrorReports,
  // Scorecard // 绩效考评
  IndicatorSets,
  EvaluationRuns,
  EvaluationResults,
  RectificationItems,
  ManualScores,
  ProbeSamples,
  // Search // 全站搜索
  SearchQueries,
])
