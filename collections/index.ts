import type { CollectionConfig } from 'payload'
import { Articles } from './articles'
import { AuditLog } from './audit-log'
import { withAudit } from './audit-log/hooks'
import { Columns } from './columns'
import { ErrorReports } from './error-reports'
import { EvaluationResults } from './evaluation-results'
import { Holidays } from './holidays'
import { Letters } from './letters'
import { LetterInbox } from './letter-inbox'
import { Ratings } from './ratings'
import { EvaluationRuns } from './evaluation-runs'
import { IndicatorSets } from './indicator-sets'
import { ManualScores } from './manual-scores'
import { ProbeSamples } from './probe-samples'
import { RectificationItems } from './rectification-items'
import { Media } from './media'
import { withMediaReferences } from './media/visibility'
import { ModeSwitches } from './mode-switches'
import { Redirects } from './redirects'
import { PageViews } from './page-views'
import { ServiceGuides } from './service-guides'
import { Organizations } from './organizations'
import { Placements } from './placements'
import { withArticleSharing } from '../src/sharing'
import { SearchQueries } from './search-queries'
import { Sites } from './sites'
import { Users } from './users'
import { LoginAttempts } from './login-attempts'
import { withAccountRestrictions } from '../src/accounts'
import { withRequestGuards } from '../src/access'

/**
 * Every collection of the site group; each capability adds its own here. Audit hooks are added to
 * all, the media-reference hooks to every collection that can name a file (collections/media/visibility.ts),
 * accounts restricted to changing their password (src/accounts) are refused everywhere else, and
 * every collection refuses ids that cannot be one and writes to fields the user may not set.
 */
export const collections: CollectionConfig[] = withRequestGuards(
  withAccountRestrictions(
    withAudit(
      withMediaReferences([
        Organizations,
        Sites,
        Columns,
        withArticleSharing(Articles), // + POST /:id/submit, /:id/push (信息报送, 统一推送); deleting an article removes its placements
        Media,
        Users,
        AuditLog,
        LoginAttempts, // Accounts // 账号安全
        // Public sites // 网站前台
        ServiceGuides,
        PageViews,
        // Interaction // 政民互动
        Letters,
        LetterInbox, // 来信收件箱: acknowledged submissions awaiting promotion
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
        // Hosting modes // 建站模式切换
        ModeSwitches,
        Redirects,
        // Sharing // 信息报送与统一推送
        Placements,
      ]),
    ),
  ),
)
