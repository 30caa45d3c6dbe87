/**
 * Hosting modes // 建站模式: moving a unit between its own site (Yulin model) and columns on a
 * host site (Yuxi model, 办栏目) without losing content or addresses. Plan first (a dry run that
 * refuses with reasons in zh/en), then switch in one transaction; the old addresses answer with
 * permanent redirects (collections/redirects, looked up by src/sites), search and the page caches
 * follow. Admin: POST /api/mode-switches/switch-mode and the panel on the mode-switches list.
 */
export { planModeSwitch, publicUrl } from './plan'
export { switchMode, switchProgress, type SwitchResult, type SwitchRunOptions } from './switch'
export { reindexMovedContent } from './reindex'
export { checkRedirectRule, finalRedirectLoops, mapIntoArea, type RedirectInput } from './redirect-graph'
export { modeSwitchEndpoints, switchOptionsFrom } from './endpoints'
export { beginSwitchTransaction } from './transaction'
export { HOSTING_MESSAGES, HostingError, refusal, type HostingMessageKey, type Refusal } from './messages'
export {
  NEW_SITE,
  type HostingMode,
  type ModeSwitchPlan,
  type SwitchOptions,
  type NewSiteOptions,
  type ColumnMove,
  type PlannedRedirect,
  type RedirectChange,
  type UrlChange,
} from './types'
export { hostingPlugin } from './plugin'
