/**
 * Performance scorecard (网站绩效考评): indicator sets as data, automated checks over plain
 * per-organization facts, scoring and ranking, rectification lists (整改清单) and Excel export.
 * Nothing here touches the database: gather the inputs, then call these functions.
 */
export {
  BUILT_IN_SET_DATA,
  builtInIndicatorSet,
  contentHash,
  shippedSetsChangedWithoutNewVersion,
  SHIPPED_HASHES,
  loadIndicatorSet,
  IndicatorSetError,
  AREAS,
  AREA_NAMES,
  GROUPS,
  GROUP_NAMES,
  type Area,
  type Group,
  type Indicator,
  type IndicatorSet,
  type IndicatorSetData,
} from './indicator-sets'
export { CHECKS, COLUMN_CATEGORIES, ELEMENT_NAMES, type CheckDefinition } from './checks'
export {
  evaluateOrganization,
  evaluateRun,
  ManualEntryError,
  type EvaluateOptions,
  type EvaluationRun,
  type IndicatorResult,
  type OrganizationResult,
  type OrganizationStatus,
} from './evaluate'
export { rankResults, type RankedResult, type RankOptions } from './ranking'
export { deriveRectificationItems, reconcileRectification, type RectificationItem, type RectificationUpdate } from './rectification'
export {
  scanArticles,
  scanSignature,
  indexFindings,
  serializeScanState,
  restoreScanState,
  createUrlResolver,
  ScanStateMismatchError,
  type ArticleChanges,
  type ScanOptions,
  type SerializedScanState,
  type TextScanState,
} from './scan'
export { exportRunToXlsx } from './export-xlsx'
export { probeSite, type ProbeOptions } from './probe'
export { SERVICE_GUIDE_ELEMENTS } from './types'
export type * from './types'

// Database side: gathering facts, running and storing evaluations, jobs and the Excel endpoint.
export { gatherInputs, gatherConfig, type GatherConfig, type GatherOptions, type GatheredGroup } from './gather/gather'
export { columnAggregates, sqlAggregatesAvailable, type AggregateMode, type ColumnAggregate } from './gather/column-aggregates'
export { loadStructure, type GroupStructure } from './gather/structure'
export { pageFeatures, themeFeatures, type PageFeatures } from './gather/page-features'
export { scanDatabaseArticles, walkLexical, articleUrl, type TextScanRunOptions } from './gather/text-source'
export { executeEvaluationRun, type ExecuteRunOptions } from './persist/run'
export { DEFAULT_SET_CODE, ensureBuiltInIndicatorSets, activeIndicatorSetDoc, activeIndicatorSet, indicatorSetById, validateManualEntry } from './persist/sets'
export { applyRectification, adminUrl } from './persist/rectification-store'
export { loadStoredRun, exportRunEndpoint } from './persist/stored-run'
export { scorecardTasks, scorecardEvaluateTask, siteProbeTask, SCORECARD_EVALUATE_TASK, SITE_PROBE_TASK } from './jobs/tasks'
export { runSiteProbe, probeUrl, type SiteProbeOptions, type ProbeConfig } from './jobs/site-probe'
export { refuseScorecard } from './refuse'
export { rankingViewData, type RankingRow, type RankingViewData } from './admin/ranking-data'
export { scorecardPlugin } from './plugin'
