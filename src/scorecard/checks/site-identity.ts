import { z } from 'zod'
import type { Evidence, SiteFacts } from '../types'
import { defineCheck, notApplicable } from './define'

const FEATURES = ['identificationCode', 'icp', 'publicSecurity', 'searchBox', 'errorReportEntry'] as const
type Feature = (typeof FEATURES)[number]

const FEATURE_NAMES: Record<Feature, string> = {
  identificationCode: '网站标识码',
  icp: 'ICP备案号',
  publicSecurity: '公安机关备案号',
  searchBox: '站内搜索',
  errorReportEntry: '“我为政府网站找错”入口',
}

// Formats kept loose on purpose: ICP and public-security numbers vary by province; the
// identification code is always 10 digits.
const present: Record<Feature, (site: SiteFacts) => boolean> = {
  identificationCode: (site) => /^\d{10}$/.test(site.identificationCode?.trim() ?? ''),
  icp: (site) => /ICP/i.test(site.icp ?? ''),
  publicSecurity: (site) => /\d{6,}/.test(site.publicSecurity ?? ''),
  searchBox: (site) => site.hasSearchBox === true,
  errorReportEntry: (site) => site.hasErrorReportEntry === true,
}

/** Site identity and functions (网站标识): one deduction unit per missing or malformed item. */
export const siteIdentity = defineCheck({
  id: 'site-identity',
  description: 'Site shows its identification code, ICP and public-security numbers, search and error-report entry',
  params: z.object({ require: z.array(z.enum(FEATURES)).min(1) }),
  evaluate(input, params) {
    const site = input.site
    if (!site) return notApplicable('no site data')
    const evidence: Evidence[] = params.require
      .filter((feature) => !present[feature](site))
      .map((feature) => ({
        key: `site:${site.id}:${feature}`,
        message: `网站缺少或填写有误：${FEATURE_NAMES[feature]}`,
        target: { collection: 'sites', id: site.id },
        detail: { feature },
      }))
    return { count: evidence.length, evidence }
  },
})
