/**
 * Refusals of a mode switch // 建站模式切换, in both admin languages. The shared i18n table belongs
 * to the foundation, so this capability keeps its own (as the scorecard does); `{{name}}` is filled
 * from the refusal's details.
 */
export const HOSTING_MESSAGES = {
  organizationNotFound: { zh: '单位不存在（{{id}}）', en: 'Organization not found ({{id}})' },
  invalidTarget: { zh: '目标模式须为 own-site 或 portal-columns，收到“{{to}}”', en: 'The target mode must be own-site or portal-columns, got “{{to}}”' },
  alreadyInMode: { zh: '“{{organization}}”已经是“{{mode}}”模式，无需切换', en: '“{{organization}}” already runs in “{{mode}}” mode' },
  noHostSite: {
    zh: '没有可用的托管网站：请选择门户网站，或在站群设置中指定门户网站',
    en: 'No host site: choose one, or set the portal site in the group settings',
  },
  hostSiteNotActive: { zh: '托管网站“{{site}}”不存在或未在运行', en: 'The host site “{{site}}” does not exist or is not active' },
  hostIsOwnSite: { zh: '托管网站不能是该单位自己的网站', en: "The host site cannot be the unit's own site" },
  noOwnSite: { zh: '“{{organization}}”没有运行中的独立网站，无可迁移的栏目', en: '“{{organization}}” has no active own site whose columns could move' },
  hostsOtherUnits: {
    zh: '网站“{{site}}”上还有其他单位维护的栏目（{{columns}}），请先迁出',
    en: 'The site “{{site}}” still holds columns of other units ({{columns}}); move them first',
  },
  parentColumnNotOnHost: { zh: '上级栏目（{{id}}）不在托管网站上', en: 'The parent column ({{id}}) is not on the host site' },
  invalidSlug: { zh: '路径名“{{slug}}”无效：只能包含小写字母、数字和连字符', en: 'The slug “{{slug}}” is invalid: lowercase letters, digits and hyphens only' },
  slugCollides: {
    zh: '托管网站已有路径为“{{path}}”的栏目（{{column}}），请换一个路径名',
    en: 'The host site already has a column at “{{path}}” ({{column}}); choose another slug',
  },
  noSubtree: { zh: '“{{organization}}”在托管网站上没有栏目，无可迁出的内容', en: '“{{organization}}” has no columns on its host site to move out' },
  landingHasContent: {
    zh: '栏目首页“{{column}}”本身有 {{count}} 篇文章，请先移入下级栏目',
    en: 'The landing column “{{column}}” itself holds {{count}} articles; move them into a sub-column first',
  },
  siteCodeTaken: { zh: '网站代号“{{code}}”已被网站“{{site}}”使用', en: 'The site code “{{code}}” is already used by “{{site}}”' },
  invalidSiteCode: {
    zh: '网站代号“{{code}}”无效：只能包含小写字母、数字和连字符',
    en: 'The site code “{{code}}” is invalid: lowercase letters, digits and hyphens only',
  },
  domainTaken: { zh: '域名“{{domain}}”已被网站“{{site}}”使用', en: 'The domain “{{domain}}” is already used by “{{site}}”' },
  invalidDomain: { zh: '域名“{{domain}}”格式不正确', en: 'The domain “{{domain}}” is not valid' },
  identificationCodeTaken: { zh: '网站标识码“{{code}}”已被网站“{{site}}”使用', en: 'The site identification code “{{code}}” is already used by “{{site}}”' },
  invalidIdentificationCode: { zh: '网站标识码须为 10 位数字，收到“{{code}}”', en: 'The site identification code must be 10 digits, got “{{code}}”' },
  redirectLoop: { zh: '跳转会形成循环：{{chain}}', en: 'The redirects would form a loop: {{chain}}' },
  redirectToItself: { zh: '跳转的来源和目标相同（{{path}}）', en: 'A redirect cannot point at itself ({{path}})' },
  switchInProgress: { zh: '“{{organization}}”正在进行另一次模式切换', en: 'Another mode switch of “{{organization}}” is running' },
  planStale: { zh: '预览之后数据已变化，请重新预览：{{reason}}', en: 'The data changed since the preview; preview again: {{reason}}' },
  centralAdminOnly: { zh: '只有站群管理员可以切换单位的建站模式', en: "Only central admins can switch a unit's hosting mode" },
  injectedFailure: { zh: '测试注入的故障（第 {{step}} 步之后），已全部回滚', en: 'Injected test failure after step {{step}}; everything was rolled back' },
} as const

export type HostingMessageKey = keyof typeof HOSTING_MESSAGES

export interface Refusal {
  key: HostingMessageKey
  zh: string
  en: string
  details: Record<string, unknown>
}

const fill = (text: string, vars: Record<string, unknown>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))

export function refusal(key: HostingMessageKey, details: Record<string, unknown> = {}): Refusal {
  return { key, zh: fill(HOSTING_MESSAGES[key].zh, details), en: fill(HOSTING_MESSAGES[key].en, details), details }
}

/** A refused switch or redirect: the message in both languages (Payload shows it as is), status 400 or 403. */
export class HostingError extends Error {
  readonly refusals: Refusal[]
  readonly status: number
  constructor(refusals: Refusal[], status = 400) {
    super(refusals.map((r) => `${r.zh} / ${r.en}`).join('；'))
    this.name = 'HostingError'
    this.refusals = refusals
    this.status = status
  }
}
